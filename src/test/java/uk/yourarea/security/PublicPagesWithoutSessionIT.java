package uk.yourarea.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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

	@Autowired
	private JdbcTemplate jdbc;

	@ParameterizedTest
	@CsvSource({ "/, 200", "/area/wigston, 200", "/areas, 200", "/find-your-area?postcode=LE18+1AA, 303",
			"/accessibility, 200", "/no-such-page, 404" })
	void sendNoCookieAndNoSpringSecurityHeaders(String path, int status) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(response.headers().allValues("Cache-Control")).noneMatch((value) -> value.contains("no-store"));
		assertThat(response.headers().firstValue("Pragma")).isEmpty();
		assertThat(response.headers().firstValue("Expires")).isEmpty();
		assertThat(response.headers().allValues("X-Frame-Options")).as("set once, by the site's own filter")
			.hasSizeLessThanOrEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/area/wigston/contact", "/area/wigston/alerts" })
	void aFormPageGivesItsTokenInACookieAndStoresNoSession(String path) {
		Integer before = this.jdbc.queryForObject("select count(*) from staff_session_hashed", Integer.class);

		HttpResponse<String> response = this.site.get(path);

		assertThat(response.headers().allValues("Set-Cookie")).singleElement()
			.satisfies((cookie) -> assertThat(cookie).startsWith("YOURAREA_CSRF=")
				.contains("HttpOnly")
				.contains("SameSite=Lax"));
		assertThat(this.jdbc.queryForObject("select count(*) from staff_session_hashed", Integer.class))
			.isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness" })
	void theHealthChecksAreOnTheManagementPortOnly(String path) {
		// Other test classes share this database and may hold it busy for a moment: the
		// probe must come up within seconds, as a load balancer would see it.
		HttpResponse<String> probe = this.site.management(path);
		for (int tries = 0; probe.statusCode() != 200 && tries < 20; tries++) {
			sleep();
			probe = this.site.management(path);
		}
		assertThat(probe.statusCode()).as("up, neither sent to sign in nor refused: %s", probe.body()).isEqualTo(200);
		assertThat(probe.body()).contains("\"status\":\"UP\"");
		assertThat(this.site.get(path).statusCode()).as("not on the site's own port").isEqualTo(404);
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
