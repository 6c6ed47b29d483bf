package uk.yourarea.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public pages are as they were before staff sign-in existed: no session, no cookie, none
 * of Spring Security's headers (the site's own filter sets CSP and the rest, and public
 * pages their own caching).
 */
@DemoSiteTest
class PublicPagesWithoutSessionIT {

	@Autowired
	private Site site;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/area/wigston", "/areas", "/find-your-area?postcode=LE18+1AA", "/accessibility",
			"/no-such-page", "/actuator/health" })
	void sendNoCookieAndNoSpringSecurityHeaders(String path) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.statusCode()).isIn(200, 303, 404, 406, 503);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(response.headers().allValues("Cache-Control")).noneMatch((value) -> value.contains("no-store"));
		assertThat(response.headers().firstValue("Pragma")).isEmpty();
		assertThat(response.headers().firstValue("Expires")).isEmpty();
		assertThat(response.headers().allValues("X-Frame-Options")).as("set once, by the site's own filter")
			.hasSizeLessThanOrEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void leaveTheHealthChecksOpen(String path) {
		assertThat(this.site.get(path).statusCode()).as("neither sent to sign in nor refused")
			.isNotIn(302, 401, 403)
			.isLessThan(600);
	}

}
