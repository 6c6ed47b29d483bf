package uk.yourarea.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import uk.yourarea.security.StaffSecurityProperties.SecondFactorPolicy;

/** What happens around signing in and out, and when someone may not see a page. */
final class SignInHandlers {

	/** Flash attributes the sign-in page shows after a failed attempt. */
	static final String ERROR = "signInError";

	static final String EMAIL = "email";

	private SignInHandlers() {
	}

	/**
	 * After a successful sign-in: remember when and with which password, log it, and go
	 * back to the staff page asked for (or the staff home page).
	 */
	static final class Success extends SavedRequestAwareAuthenticationSuccessHandler {

		private final StaffAccountRepository accounts;

		private final SecurityEvents events;

		private final Clock clock;

		Success(StaffAccountRepository accounts, SecurityEvents events, Clock clock) {
			this.accounts = accounts;
			this.events = events;
			this.clock = clock;
			setDefaultTargetUrl("/staff");
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws ServletException, IOException {
			if (authentication.getPrincipal() instanceof StaffUser user) {
				String hash = this.accounts.findById(user.id()).map(StaffAccount::getPasswordHash).orElse("");
				StaffSessions.started(request.getSession(), this.clock.instant(), hash);
				this.events.signedIn(user, request.getRemoteAddr());
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}

	}

	/**
	 * After a failed sign-in: back to the sign-in page (post, redirect, get) with the
	 * email address kept and one message, the same whether or not the account exists.
	 */
	static final class Failure implements AuthenticationFailureHandler {

		private final SessionFlashMapManager flash = new SessionFlashMapManager();

		private final String tooMany;

		Failure(SignInThrottle throttle) {
			this.tooMany = "Too many attempts. Wait " + throttle.window().toMinutes() + " minutes and try again.";
		}

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException {
			FlashMap attributes = new FlashMap();
			attributes.put(ERROR, (exception instanceof SignInThrottledException) ? this.tooMany
					: StaffAuthenticationProvider.FAILED);
			String email = request.getParameter("email");
			attributes.put(EMAIL, (email != null && email.length() <= 254) ? email : "");
			attributes.setTargetRequestPath(request.getContextPath() + "/staff/sign-in");
			this.flash.saveOutputFlashMap(attributes, request, response);
			response.sendRedirect(request.getContextPath() + "/staff/sign-in");
		}

	}

	/** Logs a sign-out, before the session is ended. */
	static final class SignOutLog implements LogoutHandler {

		private final SecurityEvents events;

		SignOutLog(SecurityEvents events) {
			this.events = events;
		}

		@Override
		public void logout(HttpServletRequest request, HttpServletResponse response,
				@Nullable Authentication authentication) {
			StaffUser user = (authentication != null && authentication.getPrincipal() instanceof StaffUser staff)
					? staff : null;
			this.events.signedOut(user, request.getRemoteAddr());
		}

	}

	/**
	 * Logs denied access and answers 403 with the site's error page. A form sent after
	 * the session timed out (so its CSRF token is no longer known) goes to the sign-in
	 * page instead.
	 */
	static final class Denied implements AccessDeniedHandler {

		private final SecurityEvents events;

		private final SecondFactorRules secondFactor;

		private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

		private final RequestCache requests = new HttpSessionRequestCache();

		Denied(SecurityEvents events, SecondFactorPolicy secondFactor) {
			this.events = events;
			this.secondFactor = new SecondFactorRules(secondFactor);
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
				throws IOException, ServletException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			StaffUser user = (authentication != null && authentication.getPrincipal() instanceof StaffUser staff)
					? staff : null;
			if (exception instanceof CsrfException && (user == null
					|| request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid())) {
				response.sendRedirect(request.getContextPath() + "/staff/sign-in?timed-out");
				return;
			}
			if (authentication != null && authentication.isAuthenticated() && !(exception instanceof CsrfException)
					&& this.secondFactor.needed(authentication)
					&& !SecondFactor.provided(authentication.getAuthorities())) {
				// Signed in with a password only: nothing until the second step, which
				// then leads back to the page asked for. Only a page (GET) is kept: a
				// form cannot be sent again by a redirect, and keeping it would copy its
				// parameters, reading the body (a whole upload) before anyone may see it.
				if ("GET".equals(request.getMethod())) {
					this.requests.saveRequest(request, response);
				}
				response.sendRedirect(request.getContextPath() + SecondFactorController.SECOND_STEP);
				return;
			}
			this.events.accessDenied(user, request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
			this.forbidden.handle(request, response, exception);
		}

	}

}
