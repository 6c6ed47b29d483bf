package uk.yourarea.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
import org.springframework.security.web.savedrequest.RequestCache;

import uk.yourarea.security.StaffSecurityProperties.SecondFactorPolicy;

/** What happens around signing in and out, and when someone may not see a page. */
final class SignInHandlers {

	/**
	 * The request attribute that tells the sign-in page why an attempt was refused (a
	 * {@link Refusal}).
	 */
	static final String REFUSAL = "uk.yourarea.security.SignInHandlers.REFUSAL";

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
	 * After a failed sign-in: the sign-in page again, in the answer to the form, with the
	 * email address kept and one message, the same whether or not the account exists.
	 * Nothing is stored on the server, not even a session (a redirect would need one to
	 * carry the message), so failed attempts cost the database nothing but their count.
	 * The page is rendered by {@link SignInController} through a forward, as the GET it
	 * handles; the request attribute {@link #REFUSAL} says why.
	 */
	static final class Failure implements AuthenticationFailureHandler {

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			request.setAttribute(REFUSAL, Refusal.of(exception));
			request.getRequestDispatcher(SecurityConfiguration.SIGN_IN).forward(new AsGet(request), response);
		}

	}

	/** Why a sign-in was refused, as the sign-in page tells it. */
	enum Refusal {

		/** Wrong email address or password, or any other reason never told apart. */
		WRONG,

		/** Too many failures for this email address or from this client address. */
		TOO_MANY,

		/** No turn to hash the password came in time: try again in a moment. */
		BUSY;

		static Refusal of(AuthenticationException exception) {
			if (exception instanceof SignInThrottledException) {
				return TOO_MANY;
			}
			return (exception instanceof SignInBusyException) ? BUSY : WRONG;
		}

	}

	/** The sign-in form's request, seen by the page it is forwarded to as a GET. */
	private static final class AsGet extends HttpServletRequestWrapper {

		AsGet(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			return "GET";
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

		private final RequestCache requests;

		Denied(SecurityEvents events, SecondFactorPolicy secondFactor, RequestCache requests) {
			this.requests = requests;
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
