package uk.yourarea.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for staff sign-in and sessions ({@code yourarea.security.*}).
 *
 * @param secureCookies whether the session and form-token cookies are {@code Secure} and
 * named with the {@code __Host-} prefix, as they must be when the site is served over
 * HTTPS: {@code true} unless set otherwise. The demo profile sets it {@code false} for
 * plain {@code http://localhost}, where a browser would not send a {@code Secure} cookie;
 * anywhere else {@code false} must be set explicitly, and start-up then logs a warning
 * ({@link InsecureCookiesWarning}).
 * @param signIn how many failed sign-ins are allowed before further attempts are refused
 * @param sessionLifetime how long a staff session may last at most, however active (the
 * idle timeout is {@code server.servlet.session.timeout})
 * @param refuseDemoPasswords outside the demo profile, whether to refuse to start while
 * any staff account has the published demo password (see {@code DemoPasswordGuard});
 * never turn it off in production
 * @param secondFactor whether every member of staff must use a second factor (passkey or
 * authenticator app) after their password: {@code required} everywhere but the demo,
 * where it is {@code optional} unless {@code YOURAREA_STAFF_MFA=required}. When optional,
 * an account that has set one up must still use it.
 */
@ConfigurationProperties("yourarea.security")
public record StaffSecurityProperties(@DefaultValue("true") boolean secureCookies, @DefaultValue SignIn signIn,
		@DefaultValue("12h") Duration sessionLifetime, @DefaultValue("true") boolean refuseDemoPasswords,
		@DefaultValue("required") SecondFactorPolicy secondFactor) {

	/** Whether staff must use a second factor, or only those who have set one up. */
	public enum SecondFactorPolicy {

		REQUIRED, OPTIONAL

	}

	/** The session cookie's name when {@link #secureCookies()} is on. */
	static final String SECURE_COOKIE_NAME = "__Host-YOURAREA_SESSION";

	/** The session cookie's name on plain HTTP. */
	static final String PLAIN_COOKIE_NAME = "JSESSIONID";

	/** The CSRF token cookie's name when {@link #secureCookies()} is on. */
	static final String SECURE_CSRF_COOKIE_NAME = "__Host-YOURAREA_CSRF";

	/** The CSRF token cookie's name on plain HTTP. */
	static final String PLAIN_CSRF_COOKIE_NAME = "YOURAREA_CSRF";

	String sessionCookieName() {
		return this.secureCookies ? SECURE_COOKIE_NAME : PLAIN_COOKIE_NAME;
	}

	String csrfCookieName() {
		return this.secureCookies ? SECURE_CSRF_COOKIE_NAME : PLAIN_CSRF_COOKIE_NAME;
	}

	/**
	 * @param window how far back failures are counted; a lockout lifts by itself when the
	 * failures that caused it are older than this
	 * @param failuresPerAccount failures for one email address within the window after
	 * which the next attempt is refused before the password is checked
	 * @param failuresPerAddress failures from one client address within the window,
	 * across all email addresses, after which the next attempt is refused
	 */
	public record SignIn(@DefaultValue("5m") Duration window, @DefaultValue("10") int failuresPerAccount,
			@DefaultValue("50") int failuresPerAddress) {
	}

}
