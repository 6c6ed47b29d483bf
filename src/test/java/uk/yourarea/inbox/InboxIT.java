package uk.yourarea.inbox;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.ResidentMessages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox over real HTTP with the demo accounts: what each role sees, what an officer
 * of another neighbourhood cannot reach by any URL, and the audit trail. Messages go to
 * Oadby so that Wigston's inbox stays for the browser journey.
 */
@DemoSiteTest
class InboxIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RateLimits rateLimits;

	long oadbyMessage;

	String reference;

	@BeforeEach
	void aResidentWritesToOadby() {
		ResidentMessages.Sent sent = new ResidentMessages(this.site, this.stamps, this.rateLimits, this.jdbc).send(
				"oadby", "Pat Oadby", "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
				"THEFT_OR_BURGLARY", "Our shop on The Parade was broken into <b>twice</b>.");
		this.reference = sent.reference();
		this.oadbyMessage = sent.id();
	}

	@Test
	void anOfficerSeesTheirNeighbourhoodsMessagesWithTheTimeLeftInWords() {
		Visitor officer = signedIn("officer.oadby@example.org");
		Document inbox = officer.page("/staff/inbox");

		assertThat(inbox.select("table tbody td:first-child").eachText()).contains(this.reference);
		assertThat(inbox.select("table tbody tr:has(a:containsOwn(" + this.reference + ")) .govuk-tag").text())
			.matches("due in (71|72) hours|due in 2 days|due in 3 days");
		assertThat(inbox.select(".ya-counts").text()).contains("waiting for a first reply").contains("overdue");
		assertThat(officer.get("/staff/inbox").headers().firstValue("Cache-Control")).hasValue("no-store");
		Pages.assertAccessibleStructure(inbox);
	}

	@Test
	void flagsPrioritiesWithNoUpdateForThreeMonthsToTheirOwnTeamOnly() {
		String issue = "Stale test priority " + UUID.randomUUID().toString().substring(0, 8);
		long priority = this.jdbc.queryForObject("""
				insert into priority (neighbourhood_id, issue, raised_on, updated_on, status)
				select id, ?, current_date - 200, current_date - interval '3 months' - interval '1 day', 'OPEN'
				from neighbourhood where code = 'NA55' returning id""", Long.class, issue);
		long recent = this.jdbc.queryForObject("""
				insert into priority (neighbourhood_id, issue, raised_on, updated_on, status)
				select id, ?, current_date - 200, current_date - interval '3 months', 'OPEN'
				from neighbourhood where code = 'NA55' returning id""", Long.class, issue + " (updated in time)");
		try {
			Document oadby = signedIn("officer.oadby@example.org").page("/staff/inbox");
			assertThat(oadby.select("#stale-priorities a").eachText()).contains(issue)
				.doesNotContain(issue + " (updated in time)");
			assertThat(oadby.select("#stale-priorities a:containsOwn(" + issue + ")").attr("href"))
				.endsWith("/priorities/" + priority);
			Document wigston = signedIn("officer.wigston@example.org").page("/staff/inbox");
			assertThat(wigston.select("#stale-priorities a").eachText()).doesNotContain(issue);
			Pages.assertAccessibleStructure(oadby);
		}
		finally {
			this.jdbc.update("delete from priority where id in (?, ?)", priority, recent);
		}
	}

	@Test
	void filtersByStatusNeighbourhoodAndTopic() {
		Visitor officer = signedIn("officer.oadby@example.org");

		assertThat(officer.page("/staff/inbox?topic=THEFT_OR_BURGLARY").text()).contains(this.reference);
		assertThat(officer.page("/staff/inbox?topic=DRUGS").text()).doesNotContain(this.reference);
		assertThat(officer.page("/staff/inbox?status=CLOSED").text()).doesNotContain(this.reference);
	}

	@Test
	void anOfficerOfAnotherNeighbourhoodCannotReachTheMessageByAnyUrl() {
		Visitor wigston = signedIn("officer.wigston@example.org");
		String message = "/staff/inbox/messages/" + this.oadbyMessage;

		assertThat(wigston.page("/staff/inbox").text()).doesNotContain(this.reference);
		assertThat(wigston.get(message).statusCode()).isEqualTo(404);
		String csrf = wigston.page("/staff/inbox").select("input[name=_csrf]").val();
		for (String action : List.of("/reply", "/note", "/assign", "/close", "/release")) {
			HttpResponse<String> response = wigston.post(message + action,
					Map.of("_csrf", csrf, "reply", "x", "kind", "FULL", "note", "x", "outcome", "x", "assignee", "1"));
			assertThat(response.statusCode()).as(action).isEqualTo(404);
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from message_entry where contact_message_id = ? and kind <> 'RECEIVED'", Long.class,
				this.oadbyMessage))
			.isZero();
	}

	@Test
	void theSupervisorOfTheAreaSeesItAndAWebEditorCannotReadMessages() {
		assertThat(signedIn("sergeant@example.org").page("/staff/inbox").text()).contains(this.reference);
		Visitor editor = signedIn("webeditor@example.org");
		assertThat(editor.get("/staff/inbox").statusCode()).isEqualTo(403);
		assertThat(editor.get("/staff/inbox/messages/" + this.oadbyMessage).statusCode()).isEqualTo(403);
		assertThat(this.site.visitor().get("/staff/inbox/messages/" + this.oadbyMessage).statusCode()).as("signed out")
			.isEqualTo(302);
	}

	@Test
	void everyViewNoteAssignmentReplyAndClosureIsInTheHistory() {
		Visitor officer = signedIn("officer.oadby@example.org");
		String message = "/staff/inbox/messages/" + this.oadbyMessage;
		Document page = officer.page(message);
		assertThat(page.text()).contains("Our shop on The Parade was broken into <b>twice</b>.");

		officer.submit(page, "form[action$='/note']", Map.of("note", "Known to the retail crime team"));
		page = officer.page(message);
		String assignee = page.select("#assignee option:containsOwn(Sergeant), #assignee option").last().val();
		officer.submit(page, "form[action$='/assign']", Map.of("assignee", assignee));
		page = officer.page(message);
		HttpResponse<String> empty = officer.submit(page, "form[action$='/reply']", Map.of("reply", ""));
		assertThat(Pages.parse(empty).select(".govuk-error-summary").text()).contains("Enter your reply")
			.contains("Select whether this is a full reply or a holding reply");
		officer.submit(officer.page(message), "form[action$='/reply']",
				Map.of("reply", "We are looking into this.", "kind", "HOLDING"));
		assertThat(status()).as("a holding reply does not stop the clock").isEqualTo("OPEN");
		officer.submit(officer.page(message), "form[action$='/reply']",
				Map.of("reply", "We have increased patrols on The Parade.", "kind", "FULL"));
		assertThat(status()).isEqualTo("ANSWERED");
		officer.submit(officer.page(message), "form[action$='/close']", Map.of("outcome", "Patrols increased"));
		assertThat(status()).isEqualTo("CLOSED");

		List<String> kinds = this.jdbc.queryForList(
				"select kind from message_entry where contact_message_id = ? order by at, id", String.class,
				this.oadbyMessage);
		assertThat(kinds).contains("VIEWED", "NOTE", "ASSIGNED", "HOLDING_REPLY", "FULL_REPLY", "CLOSED")
			.startsWith("RECEIVED");
		Document history = officer.page(message);
		String assignedTo = this.jdbc.queryForObject(
				"select body from message_entry where contact_message_id = ? and kind = 'ASSIGNED' order by id desc "
						+ "limit 1",
				String.class, this.oadbyMessage);
		assertThat(assignedTo).as("the name alone: the inbox says the rest").isNotBlank().doesNotContain("Assigned");
		assertThat(history.select(".ya-conversation").text()).contains("Internal note")
			.contains("Assigned to " + assignedTo)
			.contains("Known to the retail crime team")
			.contains("Full reply sent")
			.contains("Viewed");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from outbox_email where contact_message_id = ? and kind = 'contact-reply'", Long.class,
				this.oadbyMessage))
			.as("one email for the holding reply, one for the full reply")
			.isEqualTo(2);
	}

	@Test
	void aReplyToAMessageClosedOrErasedWhileItWasOpenChangesNothingAndSaysWhy() {
		Visitor officer = signedIn("officer.oadby@example.org");
		String message = "/staff/inbox/messages/" + this.oadbyMessage;
		Document before = officer.page(message);
		officer.submit(officer.page(message), "form[action$='/close']", Map.of("outcome", "Dealt with by phone"));

		HttpResponse<String> late = officer.submit(before, "form[action$='/reply']",
				Map.of("reply", "A reply written before it was closed", "kind", "FULL"));
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(Pages.parse(late).select("#refused").text())
			.contains("This message was closed before you sent that");
		assertThat(officer.page(message).select("#refused")).as("said once").isEmpty();

		this.jdbc.update("""
				update contact_message set sender_name = null, sender_email = null, sender_phone = null, body = null,
				       location = null, outcome = null, erased_at = now(), erased_because = 'REQUEST'
				where id = ?""", this.oadbyMessage);
		this.jdbc.update("update message_entry set body = null where contact_message_id = ?", this.oadbyMessage);
		HttpResponse<String> noted = officer.submit(before, "form[action$='/note']",
				Map.of("note", "A note written before it was erased"));
		assertThat(Pages.parse(noted).select("#refused").text())
			.contains("personal data was erased before you sent that");
		Document erased = officer.page(message);
		assertThat(erased.select("#erased").text()).startsWith("Erased on request on");
		assertThat(erased.text()).doesNotContain("Pat Oadby").doesNotContain("The Parade");
		assertThat(erased.select("form[action$='/reply'], form[action$='/note']")).isEmpty();
		assertThat(signedIn("officer.oadby@example.org").page("/staff/inbox").text()).contains("Erased on request on");
		assertThat(this.jdbc.queryForList(
				"select kind from message_entry where contact_message_id = ? and kind in ('FULL_REPLY', 'NOTE')",
				String.class, this.oadbyMessage))
			.isEmpty();
	}

	private String status() {
		return this.jdbc.queryForObject("select status from contact_message where id = ?", String.class,
				this.oadbyMessage);
	}

	private Visitor signedIn(String email) {
		Visitor visitor = this.site.visitor();
		HttpResponse<String> response = visitor.submit(visitor.page("/staff/sign-in"), "main form",
				Map.of("email", email, "password", PASSWORD));
		assertThat(response.statusCode()).as("sign in as " + email).isIn(302, 303);
		return visitor;
	}

}
