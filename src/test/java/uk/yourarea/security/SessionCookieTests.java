package uk.yourarea.security;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.session.web.http.CookieSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTPS the session and CSRF cookies are Secure and __Host- prefixed; on plain HTTP
 * they cannot be. Both are always HttpOnly and SameSite=Lax, for the whole site.
 */
class SessionCookieTests {

	@Test
	void sessionCookieIsSecureAndHostPrefixedWhenServedOverHttps() {
		String cookie = sessionCookie(true);

		assertThat(cookie).startsWith("__Host-YOURAREA_SESSION=")
			.contains("; Secure", "; HttpOnly", "; SameSite=Lax", "; Path=/")
			.doesNotContain("Domain=");
	}

	@Test
	void sessionCookieOnPlainHttpIsNotSecureButStillHttpOnly() {
		String cookie = sessionCookie(false);

		assertThat(cookie).startsWith("JSESSIONID=").contains("; HttpOnly", "; SameSite=Lax").doesNotContain("Secure");
	}

	@Test
	void csrfCookieIsSecureAndHostPrefixedWhenServedOverHttps() {
		Cookie cookie = csrfCookie(true);

		assertThat(cookie.getName()).isEqualTo("__Host-YOURAREA_CSRF");
		assertThat(cookie.getSecure()).isTrue();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getDomain()).isNull();
	}

	@Test
	void csrfCookieOnPlainHttpIsNotSecure() {
		Cookie cookie = csrfCookie(false);

		assertThat(cookie.getName()).isEqualTo("YOURAREA_CSRF");
		assertThat(cookie.getSecure()).isFalse();
		assertThat(cookie.isHttpOnly()).isTrue();
	}

	private static String sessionCookie(boolean secure) {
		CookieSerializer serializer = new SecurityConfiguration().staffSessionCookie(properties(secure));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(secure);
		MockHttpServletResponse response = new MockHttpServletResponse();
		serializer.writeCookieValue(new CookieSerializer.CookieValue(request, response, "a-session-id"));
		return response.getHeader("Set-Cookie");
	}

	private static Cookie csrfCookie(boolean secure) {
		CsrfTokenRepository tokens = SecurityConfiguration.csrfTokens(properties(secure));
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSecure(secure);
		MockHttpServletResponse response = new MockHttpServletResponse();
		CsrfToken token = tokens.generateToken(request);
		tokens.saveToken(token, request, response);
		return response.getCookies()[0];
	}

	private static StaffSecurityProperties properties(boolean secure) {
		return new StaffSecurityProperties(secure,
				new StaffSecurityProperties.SignIn(Duration.ofMinutes(5), 10, 50, 100), Duration.ofHours(12), true,
				StaffSecurityProperties.SecondFactorPolicy.REQUIRED,
				new StaffSecurityProperties.PasswordHashingLimits(0, Duration.ofSeconds(2)));
	}

}
