package uk.yourarea.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the database unreachable the site says it is unavailable (503) in its own layout,
 * and gives nothing away about why. The application starts without a database: nothing is
 * allowed to connect until a request needs it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
				"spring.datasource.hikari.initialization-fail-timeout=-1",
				"spring.datasource.hikari.connection-timeout=1000", "spring.flyway.enabled=false",
				"spring.jpa.hibernate.ddl-auto=none",
				"spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false",
				"spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect" })
@Import(Site.class)
class DatabaseOutageIT {

	@Autowired
	private Site site;

	@Autowired
	FormStamps stamps;

	@Test
	void isNotReadyButAliveWhileTheDatabaseIsDown() {
		HttpResponse<String> readiness = this.site.management("/actuator/health/readiness");
		assertThat(readiness.statusCode()).as("out of the load balancer").isEqualTo(503);
		assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
		assertThat(this.site.management("/actuator/health/liveness").statusCode()).as("not restarted").isEqualTo(200);
	}

	@Test
	void saysTheServiceIsUnavailableWhenTheDatabaseIsDown() {
		HttpResponse<String> response = this.site.get("/area/wigston");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.headers().allValues("Cache-Control")).noneMatch((value) -> value.contains("public"));
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).isEqualTo("Sorry, the service is unavailable");
		assertThat(page.selectFirst("main").text()).contains("Reference:").contains("call 999");
		Pages.assertAccessibleStructure(page);
		assertThat(response.body()).doesNotContainIgnoringCase("exception")
			.doesNotContain("at org.")
			.doesNotContainIgnoringCase("select ")
			.doesNotContainIgnoringCase("jdbc")
			.doesNotContain("127.0.0.1")
			.doesNotContainIgnoringCase("connection");
	}

	@Test
	void saysTheServiceIsUnavailableWhenAPostcodeCannotBeLookedUp() {
		// A full postcode is looked up ahead of Spring MVC (area.PostcodeRedirects): the
		// same page.
		HttpResponse<String> response = this.site.get(Site.findYourArea("LE18 1AA"));

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.headers().allValues("Cache-Control")).noneMatch((value) -> value.contains("public"));
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).isEqualTo("Sorry, the service is unavailable");
		assertThat(page.selectFirst("main").text()).contains("Reference:").contains("call 999");
		assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("jdbc");
	}

	@Test
	void aMessageThatCannotBeStoredComesBackWithEverythingTypedAndSaysNothingWasSent() {
		Visitor resident = this.site.visitor();
		// The sign-in page needs no database and gives the session its form token.
		String csrf = resident.page("/staff/sign-in").select("input[name=_csrf]").val();
		Map<String, String> fields = new HashMap<>();
		fields.put("_csrf", csrf);
		fields.put("name", "Sam Resident");
		fields.put("email", "sam@example.org");
		fields.put("preferredContact", "EMAIL");
		fields.put("senderType", "RESIDENT");
		fields.put("topic", "DRUGS");
		fields.put("message", "Dealing outside the library most evenings.");
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(60)));
		fields.put("idempotencyKey", "0123456789abcdef0123456789abcdef");

		HttpResponse<String> response = resident.post("/area/wigston/contact", fields);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		Document page = Pages.parse(response);
		assertThat(page.select(".govuk-error-summary").text()).contains("We could not save your message")
			.contains("Nothing you typed has been lost");
		assertThat(page.selectFirst("input[name=idempotencyKey]").val()).isEqualTo("0123456789abcdef0123456789abcdef");
		assertThat(page.selectFirst("#message").text()).isEqualTo("Dealing outside the library most evenings.");
		assertThat(page.selectFirst("#name").val()).isEqualTo("Sam Resident");
		assertThat(page.selectFirst("input[name=topic][value=DRUGS]").hasAttr("checked")).isTrue();
		assertThat(response.body()).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("jdbc");
	}

	@Test
	void stillShowsPagesThatNeedNoDatabase() {
		HttpResponse<String> response = this.site.get("/accessibility");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Pages.parse(response).selectFirst("h1").text()).isEqualTo("Accessibility statement");
	}

}
