package uk.yourarea.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs on every staff request of a signed-in member of staff, before anything else looks
 * at who they are. It reloads their account, so that:
 * <ul>
 * <li>a disabled (or deleted) account, a password changed since sign-in, or a session
 * older than the absolute lifetime ends the session at once, on every instance of the
 * site;</li>
 * <li>roles and neighbourhoods changed by an administrator apply from the next
 * request;</li>
 * <li>someone who must change their password sees nothing else until they have.</li>
 * </ul>
 * Not a Spring bean, so that the servlet container does not also run it on public pages.
 */
class StaffSessionFilter extends OncePerRequestFilter {

	static final String CHANGE_PASSWORD = "/staff/change-password";

	/**
	 * What someone who must change their password can still reach: the second factor
	 * comes first.
	 */
	private static final Set<String> ALLOWED_BEFORE_PASSWORD_CHANGE = Set.of(CHANGE_PASSWORD, "/staff/sign-out",
			"/staff/sign-in");

	private static final List<String> SECOND_FACTOR_PATHS = List.of(SecondFactorController.SECOND_STEP,
			SecondFactorSetUpController.SET_UP, "/webauthn/", "/login/webauthn");

	private final StaffAccountRepository accounts;

	private final SecondFactors secondFactors;

	private final SecurityEvents events;

	private final Duration lifetime;

	private final Clock clock;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	StaffSessionFilter(StaffAccountRepository accounts, SecondFactors secondFactors, SecurityEvents events,
			Duration lifetime, Clock clock) {
		this.accounts = accounts;
		this.secondFactors = secondFactors;
		this.events = events;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.contexts.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession(false);
		// After a passkey, Spring Security's WebAuthn support leaves a principal of its
		// own.
		Optional<StaffAccount> found = (authentication.getPrincipal() instanceof StaffUser current)
				? this.accounts.findWithAssignmentsById(current.id())
				: this.accounts.findByEmail(StaffAccount.normaliseEmail(authentication.getName()));
		String ended = whyEnded(found.orElse(null), session);
		if (ended != null) {
			this.events.sessionEnded(found.map(StaffAccount::getId).orElse(-1L), request.getRemoteAddr(), ended);
			if (session != null) {
				session.invalidate();
			}
			this.contexts.clearContext();
			response.sendRedirect(request.getContextPath() + "/staff/sign-in?ended");
			return;
		}
		StaffAccount account = found.orElseThrow();
		StaffUser fresh = account.toStaffUser();
		SecurityContext context = this.contexts.createEmptyContext();
		UsernamePasswordAuthenticationToken reloaded = UsernamePasswordAuthenticationToken.authenticated(fresh, null,
				authorities(fresh, account, authentication));
		reloaded.setDetails(authentication.getDetails());
		context.setAuthentication(reloaded);
		this.contexts.setContext(context);
		if (account.isMustChangePassword() && !ALLOWED_BEFORE_PASSWORD_CHANGE.contains(pathOf(request))
				&& SECOND_FACTOR_PATHS.stream().noneMatch(pathOf(request)::startsWith)) {
			response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Their roles as they are now, the factors this sign-in has proved (kept from sign-in
	 * on), and whether the account has a second factor set up.
	 */
	private Collection<GrantedAuthority> authorities(StaffUser fresh, StaffAccount account,
			Authentication authentication) {
		List<GrantedAuthority> authorities = new ArrayList<>(fresh.authorities());
		authentication.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.forEach(authorities::add);
		if (this.secondFactors.enrolled(account.getId(), account.getEmail())) {
			authorities.add(new SimpleGrantedAuthority(SecondFactor.ENROLLED));
		}
		return authorities;
	}

	private @Nullable String whyEnded(@Nullable StaffAccount account, @Nullable HttpSession session) {
		if (account == null) {
			return "account deleted";
		}
		if (!account.isEnabled()) {
			return "account disabled";
		}
		if (session == null) {
			return null;
		}
		if (!StaffSessions.passwordUnchanged(session, account.getPasswordHash())) {
			return "password changed since sign-in";
		}
		Instant signedInAt = StaffSessions.signedInAt(session);
		if (signedInAt == null || signedInAt.plus(this.lifetime).isBefore(this.clock.instant())) {
			return "session lifetime reached";
		}
		return null;
	}

	private static String pathOf(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

}
