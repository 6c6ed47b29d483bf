package uk.yourarea.security;

import java.util.Locale;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import uk.yourarea.web.RequestWithoutBody;

/**
 * A staff upload (a postcode file, boundaries, a team photo, or a multipart body sent to
 * any other staff address) is authorised before a byte of its body is read.
 * <p>
 * <b>Why.</b> Reading a multipart body is parsing all of it: the servlet container writes
 * every part over {@code spring.servlet.multipart.file-size-threshold} to a temporary
 * file. Spring Security's {@link CsrfFilter} runs before authorisation and, when the
 * token is not in a header, looks for {@code _csrf} among the request's parameters, which
 * for a multipart request means parsing the whole body. So anyone, signed in or not,
 * could make the site take in and write to disk up to 200 MB per request (the coverage
 * uploads' limit) before being told no.
 * <p>
 * <b>What is done instead.</b> For a multipart request to a staff page (other than
 * signing in and out, which filters handle before authorisation):
 * <ol>
 * <li>the usual CSRF check before authorisation is skipped
 * ({@link #checkedBeforeAuthorisation()});</li>
 * <li>authorisation runs as for any staff page (signed in, second factor, role), and an
 * anonymous or unauthorised request is refused with the body unread: a redirect to sign
 * in or to the second step, or 403;</li>
 * <li>only then, for those allowed, the CSRF token in the form is checked by a second
 * {@link CsrfFilter} with the same cookie token repository and the same refusal
 * ({@link #checkAfterAuthorisation}). Parsing the body there is what the upload needs
 * anyway.</li>
 * </ol>
 * Everywhere else, including multipart requests to the sign-in and sign-out addresses and
 * the passkey endpoints, the token is checked before authorisation as usual, but for a
 * multipart request only from the {@code X-CSRF-TOKEN} header, never from the body
 * ({@link #neverReadingMultipartBodies()}); no form of the site sends those multipart, so
 * such a request is refused unread.
 * <p>
 * <b>Why not the alternatives.</b> Putting {@code _csrf} in the form's action URL (Spring
 * Security's documented option) works without reordering anything, but puts a working
 * token into the address bar, browser history, access logs and Referer headers. Parsing
 * the body before Spring Security (its other documented option) is what this avoids. A
 * filter of our own ahead of Spring Security that looks at the session would be a second
 * copy of the authorisation rules (roles, the second factor, account reloads) to keep in
 * step. Here the rules stay in one place and the CSRF check is the framework's own; it
 * only happens later for these requests. Nothing between the two points can change
 * anything for such a request: sign-in, sign-out and the passkey endpoints are excluded,
 * and the rest only read the session and decide.
 */
final class UploadsAuthorisedFirst {

	/** Multipart requests whose CSRF token is checked only once they are authorised. */
	private static final RequestMatcher DEFERRED = new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
			UploadsAuthorisedFirst::isMultipart, PathPatternRequestMatcher.pathPattern("/staff/**"),
			new NegatedRequestMatcher(
					new OrRequestMatcher(PathPatternRequestMatcher.pathPattern(SecurityConfiguration.SIGN_IN),
							PathPatternRequestMatcher.pathPattern(SecurityConfiguration.SIGN_OUT))));

	private UploadsAuthorisedFirst() {
	}

	/** Where the CSRF filter before authorisation checks the token. */
	static RequestMatcher checkedBeforeAuthorisation() {
		return new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER, new NegatedRequestMatcher(DEFERRED));
	}

	/**
	 * The token handler for the CSRF filter before authorisation: Spring Security's usual
	 * one (tokens masked afresh for each page), except that it never reads a multipart
	 * body to find the token.
	 */
	static CsrfTokenRequestHandler neverReadingMultipartBodies() {
		XorCsrfTokenRequestAttributeHandler usual = new XorCsrfTokenRequestAttributeHandler();
		return new CsrfTokenRequestHandler() {

			@Override
			public void handle(HttpServletRequest request, HttpServletResponse response,
					Supplier<CsrfToken> csrfToken) {
				usual.handle(request, response, csrfToken);
			}

			@Override
			public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
				return usual.resolveCsrfTokenValue(isMultipart(request) ? new RequestWithoutBody(request) : request,
						csrfToken);
			}

		};
	}

	/**
	 * The CSRF check for the requests the first one leaves, to run after the
	 * authorisation filter.
	 */
	static CsrfFilter checkAfterAuthorisation(CsrfTokenRepository tokens, AccessDeniedHandler denied) {
		CsrfFilter filter = new CsrfFilter(tokens);
		filter.setRequireCsrfProtectionMatcher(DEFERRED);
		filter.setAccessDeniedHandler(denied);
		// A name of its own: a filter runs once per request under its name, and the
		// first CSRF filter has already run under the class's.
		filter.setBeanName("csrfFilterAfterAuthorisation");
		return filter;
	}

	/**
	 * Any multipart type, in any case: a wider test than the container's, so nothing it
	 * would parse as parts escapes.
	 */
	static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

}
