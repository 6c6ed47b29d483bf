package uk.yourarea.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Records in the session that this sign-in has passed a second factor (a code typed or an
 * authenticator app just set up), with a new session id, as Spring Security does for the
 * factors it checks itself.
 */
@Component
class SecondFactorGrants {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final RequestCache requests;

	private final Clock clock;

	SecondFactorGrants(Clock clock, StaffSecurityProperties properties) {
		this.requests = SecurityConfiguration.pagesAskedFor(properties);
		this.clock = clock;
	}

	void grant(SecondFactor factor, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = this.contexts.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>(current.getAuthorities());
		authorities.add(factor.grantedAt(this.clock.instant()));
		authorities.add(new SimpleGrantedAuthority(SecondFactor.ENROLLED));
		UsernamePasswordAuthenticationToken upgraded = UsernamePasswordAuthenticationToken
			.authenticated(current.getPrincipal(), null, authorities);
		upgraded.setDetails(current.getDetails());
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(upgraded);
		this.contexts.setContext(context);
		request.changeSessionId();
		this.repository.saveContext(context, request, response);
	}

	/** Where to go after the second step: the staff page first asked for, or home. */
	String afterSecondStep(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = this.requests.getRequest(request, response);
		this.requests.removeRequest(request, response);
		return (saved != null) ? saved.getRedirectUrl() : request.getContextPath() + "/staff";
	}

}
