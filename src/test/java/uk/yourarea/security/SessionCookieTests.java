package uk.yourarea.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Cookie;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTPS the session cookie is Secure and __Host- prefixed; on plain HTTP it cannot
 * be.
 */
class SessionCookieTests {

	@Test
	void isSecureAndHostPrefixedWhenServedOverHttps() {
		Cookie cookie = customised(true);

		assertThat(cookie.getName()).isEqualTo("__Host-YOURAREA_SESSION");
		assertThat(cookie.getSecure()).isTrue();
		assertThat(cookie.getPath()).isEqualTo("/");
		assertThat(cookie.getDomain()).isNull();
	}

	@Test
	void keepsTheContainersDefaultsOnPlainHttp() {
		Cookie cookie = customised(false);

		assertThat(cookie.getName()).isNull();
		assertThat(cookie.getSecure()).isNotEqualTo(Boolean.TRUE);
	}

	private static Cookie customised(boolean secure) {
		StaffSecurityProperties properties = new StaffSecurityProperties(secure,
				new StaffSecurityProperties.SignIn(Duration.ofMinutes(5), 10, 50), Duration.ofHours(12), true);
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		new SecurityConfiguration().staffSessionCookie(properties).customize(factory);
		return factory.getSettings().getSession().getCookie();
	}

}
