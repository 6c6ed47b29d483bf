package uk.yourarea.contact;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.alert.AlertArchive;
import uk.yourarea.alert.TestAlerts;
import uk.yourarea.dataprotection.DataProtectionDesk;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffUser;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Reply to this message" over real HTTP: the contact form names the alert and keeps it
 * through errors, the message keeps the alert's id only when the alert was published to
 * that neighbourhood, and staff see which alert a message answers.
 */
@DemoSiteTest
class ReplyToAlertIT {

	static final String FORM = "form[action$='/contact']";

	@Autowired
	Site site;

	@Autowired
	Environment environment;

	@Autowired
	FormStamps stamps;

	@Autowired
	RateLimits rateLimits;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AlertArchive archive;

	@Autowired
	NeighbourhoodDirectory neighbourhoods;

	@Autowired
	DataProtectionDesk desk;

	@Autowired
	DemoAlertReply demoAlertReply;

	TestAlerts alerts;

	NeighbourhoodSummary here;

	NeighbourhoodSummary elsewhere;

	Visitor resident;

	@BeforeEach
	void aResidentAndTwoNeighbourhoods() {
		this.rateLimits.clear("contact-address:127.0.0.1");
		this.resident = this.site.visitor();
		this.alerts = new TestAlerts(this.jdbc, this.transaction, this.archive);
		this.here = this.neighbourhoods.byCode("NL64").orElseThrow();
		this.elsewhere = this.neighbourhoods.byCode("NL65").orElseThrow();
	}

	@AfterEach
	void removeTheAlerts() {
		this.alerts.removeAll();
	}

	@Test
	void theFormNamesTheAlertKeepsItThroughAnErrorAndTheMessageAndInboxShowIt() {
		long alert = this.alerts.published("Cars damaged on Mill Lane & Elm Road", "Did you see anything?",
				Instant.now().minus(Duration.ofDays(1)), this.here.id());
		String contact = "/area/" + this.here.slug() + "/contact";
		String alertPage = "/area/" + this.here.slug() + "/alerts/" + alert;
		assertThat(this.site.page(alertPage).select("#reply").attr("href")).isEqualTo(contact + "?alert=" + alert);

		Document form = this.resident.page(contact + "?alert=" + alert);
		assertThat(form.select("#in-reply-to").text()).startsWith("In reply to: Cars damaged on Mill Lane & Elm Road");
		assertThat(form.select("#in-reply-to a").attr("href")).isEqualTo(alertPage);
		assertThat(form.select(FORM + " input[name=alert]").val()).isEqualTo(Long.toString(alert));
		Pages.assertAccessibleStructure(form);

		String email = uniqueEmail();
		Map<String, String> missingMessage = valid(email);
		missingMessage.put("message", "");
		Document again = Pages.parse(this.resident.submit(form, FORM, missingMessage));
		assertThat(again.title()).startsWith("Error: ");
		assertThat(again.select("#in-reply-to a").text()).isEqualTo("Cars damaged on Mill Lane & Elm Road");
		assertThat(again.select(FORM + " input[name=alert]").val()).isEqualTo(Long.toString(alert));

		HttpResponse<String> sent = this.resident.submit(again, FORM, Map.of("message",
				"I saw two people on Elm Road at 2am.", "startedAt", this.stamps.at(Instant.now().minusSeconds(60))));
		assertThat(sent.statusCode()).isEqualTo(303);
		Map<String, Object> stored = this.jdbc.queryForMap(
				"select id, in_reply_to_alert_id, status, due_at from contact_message where sender_email = ?", email);
		assertThat(stored.get("in_reply_to_alert_id")).isEqualTo(alert);
		assertThat(stored.get("status")).as("an ordinary message with the response clock").isEqualTo("OPEN");
		assertThat(stored.get("due_at")).isNotNull();

		StaffUser dpo = ActingAs.demo(this.jdbc, "dpo@example.org");
		try (ActingAs acting = ActingAs.staff(dpo)) {
			assertThat(this.desk.export(dpo, PersonSearch.email(email))).as("the subject access export names the alert")
				.anySatisfy((record) -> assertThat(record.data()).containsEntry("inReplyToAlert", alert));
		}

		StaffBrowser admin = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
		Document message = admin.page("/staff/inbox/messages/" + stored.get("id"));
		assertThat(message.select("#in-reply-to-alert").text())
			.isEqualTo("In reply to the alert Cars damaged on Mill Lane & Elm Road");
		assertThat(message.select("#in-reply-to-alert a").attr("href")).isEqualTo(alertPage);
		Element row = admin.page("/staff/inbox")
			.selectFirst("a[href='/staff/inbox/messages/" + stored.get("id") + "']")
			.closest("tr");
		assertThat(row.select(".ya-replies-to-alert").text()).isEqualTo("Reply to an alert");
	}

	@Test
	void anAlertNotPublishedHereOrNotAnAlertIsIgnoredWithoutAnError() {
		long otherTeams = this.alerts.published("For the other team", "Not here.", Instant.now(), this.elsewhere.id());
		long draft = this.alerts.unpublished("A draft", "DRAFT", Instant.now(), this.here.id());
		String contact = "/area/" + this.here.slug() + "/contact";

		for (String alert : List.of(Long.toString(otherTeams), Long.toString(draft), "abc", "-1", "1e3", "9".repeat(40),
				"12345678901234", "%00", "1&alert=2")) {
			HttpResponse<String> response = this.resident.get(contact + "?alert=" + alert);
			Document form = Pages.parse(response);
			assertThat(response.statusCode()).as(alert).isEqualTo(200);
			assertThat(form.select("#in-reply-to")).as(alert).isEmpty();
			assertThat(form.select(FORM + " input[name=alert]")).as(alert).isEmpty();
		}

		for (String forged : List.of(Long.toString(otherTeams), Long.toString(draft), "abc", "9".repeat(40))) {
			String email = uniqueEmail();
			Map<String, String> fields = valid(email);
			fields.put("alert", forged);
			HttpResponse<String> sent = this.resident.submit(this.resident.page(contact), FORM, fields);
			assertThat(sent.statusCode()).as(forged).isEqualTo(303);
			assertThat(this.jdbc.queryForObject(
					"select in_reply_to_alert_id from contact_message where sender_email = ?", Long.class, email))
				.as(forged)
				.isNull();
		}
	}

	@Test
	void theDemoHasAWigstonResidentsReplyToTheBeatTeamsLetter() {
		StaffBrowser officer = StaffBrowser.signedIn(this.environment, "officer.wigston@example.org",
				StaffBrowser.DEMO_PASSWORD);
		Element marked = officer.page("/staff/inbox").selectFirst(".ya-replies-to-alert");
		assertThat(marked).isNotNull();
		Document message = officer.page(marked.closest("tr").selectFirst("a").attr("href"));
		assertThat(message.select("#in-reply-to-alert").text()).startsWith("In reply to the alert Who comes when");
		assertThat(message.select("#in-reply-to-alert a").attr("href")).matches("/area/wigston/alerts/\\d+");
		assertThat(this.site.get(message.select("#in-reply-to-alert a").attr("href")).statusCode()).isEqualTo(200);

		String replies = "select count(*) from contact_message where in_reply_to_alert_id is not null";
		long before = this.jdbc.queryForObject(replies, Long.class);
		this.demoAlertReply.load();
		assertThat(this.jdbc.queryForObject(replies, Long.class)).as("loading the demo again adds nothing")
			.isEqualTo(before);
	}

	Map<String, String> valid(String email) {
		Map<String, String> fields = new HashMap<>();
		fields.put("name", "Sam Resident");
		fields.put("email", email);
		fields.put("phone", "");
		fields.put("preferredContact", "EMAIL");
		fields.put("senderType", "RESIDENT");
		fields.put("topic", "GENERAL_ENQUIRY");
		fields.put("message", "About your message.");
		fields.put("location", "");
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(60)));
		return fields;
	}

	static String uniqueEmail() {
		return "reply-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
