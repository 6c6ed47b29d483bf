package uk.yourarea.contact;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident's form outlives what the server remembers: its token is in the resident's
 * own cookie, so a restart, a deploy or a long pause loses nothing, and a form whose
 * token was lost comes back with everything typed instead of a bare refusal.
 */
@DemoSiteTest
class StaleFormsIT {

	private static final String FORM = "form[action$='/contact']";

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RateLimits rateLimits;

	@BeforeEach
	void forgetTheLimit() {
		this.rateLimits.clear("contact-address:127.0.0.1");
	}

	@Test
	void aFormStillSendsAfterEveryServerSessionIsGone() {
		Visitor resident = this.site.visitor();
		Document form = resident.page("/area/wigston/contact");
		this.jdbc.update("delete from staff_session_hashed");

		HttpResponse<String> sent = resident.submit(form, FORM, message("after a restart"));

		assertThat(sent.statusCode()).isEqualTo(303);
	}

	@Test
	void aFormWhoseTokenCookieWasLostComesBackWithEverythingTypedThenSends() {
		Document form = this.site.visitor().page("/area/wigston/contact");
		Visitor restartedBrowser = this.site.visitor();
		String email = "stale-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Map<String, String> typed = message("my cookie was cleared");
		typed.put("email", email);

		HttpResponse<String> refused = restartedBrowser.submit(form, FORM, typed);

		assertThat(refused.statusCode()).isEqualTo(403);
		Document again = Pages.parse(refused);
		assertThat(again.select("#form-expired").text()).contains("Your message has not been sent yet");
		assertThat(again.selectFirst("#message").text()).isEqualTo(typed.get("message"));
		assertThat(again.selectFirst("#email").val()).isEqualTo(email);
		assertThat(refused.headers().allValues("Set-Cookie")).anyMatch((cookie) -> cookie.startsWith("YOURAREA_CSRF="));
		assertThat(this.jdbc.queryForObject("select count(*) from contact_message where sender_email = ?",
				Integer.class, email))
			.as("nothing stored yet")
			.isZero();

		HttpResponse<String> sent = restartedBrowser.submit(again, FORM, Map.of());

		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForObject("select count(*) from contact_message where sender_email = ?",
				Integer.class, email))
			.isEqualTo(1);
	}

	@Test
	void anyOtherPublicFormWithoutItsTokenIsRefusedWithThePage() {
		HttpResponse<String> refused = this.site.visitor()
			.post("/messages/no-such-token/feedback", Map.of("answered", "yes"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(Pages.parse(refused).selectFirst("h1")).isNotNull();
	}

	private Map<String, String> message(String text) {
		Map<String, String> fields = new HashMap<>();
		fields.put("name", "Sam Resident");
		fields.put("email", "stale-form-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
		fields.put("preferredContact", "EMAIL");
		fields.put("senderType", "RESIDENT");
		fields.put("topic", "OTHER");
		fields.put("message", "Bins left out on Long Street all week, " + text + ".");
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(60)));
		return fields;
	}

}
