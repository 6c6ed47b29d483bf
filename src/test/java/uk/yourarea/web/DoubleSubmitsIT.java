package uk.yourarea.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A double click on a staff form that changes something (a reply, a note, a priority, an
 * update to one, an event) does it once, whether the second request comes at the same
 * moment or after the first answer, and both requests end on the same page.
 */
@DemoSiteTest
class DoubleSubmitsIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RateLimits rateLimits;

	Visitor officer;

	long message;

	long oadby;

	@BeforeEach
	void aMessageToOadbyAndItsOfficer() {
		this.message = new ResidentMessages(this.site, this.stamps, this.rateLimits, this.jdbc)
			.send("oadby", "Robin Twice", "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
					"GENERAL_ENQUIRY", "When is the next beat surgery?")
			.id();
		this.oadby = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA55'", Long.class);
		this.officer = this.site.visitor();
		assertThat(this.officer
			.submit(this.officer.page("/staff/sign-in"), "main form",
					Map.of("email", "officer.oadby@example.org", "password", PASSWORD))
			.statusCode()).isIn(302, 303);
	}

	@Test
	void aReplySentTwiceAtTheSameMomentIsSentOnce() {
		Document page = this.officer.page(messagePath());
		Map<String, String> reply = Map.of("reply", "The next surgery is on Tuesday at the library.", "kind", "FULL");

		List<HttpResponse<String>> answers = atTheSameMoment(
				() -> this.officer.submit(page, "form[action$='/reply']", reply));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(303);
		assertThat(answers).extracting((answer) -> answer.headers().firstValue("Location").orElseThrow())
			.allMatch((location) -> location.endsWith(messagePath()));
		assertThat(entries("FULL_REPLY")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from outbox_email where contact_message_id = ? and subject like '%team has replied%'",
				Long.class, this.message))
			.as("one email to the resident")
			.isEqualTo(1);
	}

	@Test
	void aNoteSentAgainAfterTheFirstAnswerIsAddedOnceButOtherWordsWithTheSameFormAreAdded() {
		Document page = this.officer.page(messagePath());
		assertThat(page.select("form[action$='/note'] input[name=idempotencyKey]").val()).matches("[0-9a-f]{32}");

		this.officer.submit(page, "form[action$='/note']", Map.of("note", "Rang the library."));
		HttpResponse<String> again = this.officer.submit(page, "form[action$='/note']",
				Map.of("note", "Rang the library."));
		assertThat(again.statusCode()).isEqualTo(303);
		assertThat(entries("NOTE")).isEqualTo(1);

		this.officer.submit(page, "form[action$='/note']", Map.of("note", "They will call back."));
		assertThat(entries("NOTE")).as("the page shown again with the back button, and a new note written")
			.isEqualTo(2);
	}

	@Test
	void aFormShownAgainWithAnErrorKeepsItsKey() {
		Document page = this.officer.page(messagePath());
		String key = page.select("form[action$='/reply'] input[name=idempotencyKey]").val();

		Document shownAgain = Pages
			.parse(this.officer.submit(page, "form[action$='/reply']", Map.of("reply", "", "kind", "FULL")));

		assertThat(shownAgain.select("form[action$='/reply'] input[name=idempotencyKey]").val()).isEqualTo(key);
		assertThat(this.officer.page(messagePath()).select("form[action$='/reply'] input[name=idempotencyKey]").val())
			.as("a new page, a new form")
			.isNotEqualTo(key);
	}

	@Test
	void aPriorityAndItsUpdateClickedTwiceAreAddedOnce() {
		String issue = "Double-clicked priority " + UUID.randomUUID().toString().substring(0, 8);
		String priorities = "/staff/neighbourhoods/" + this.oadby + "/priorities";
		Document form = this.officer.page(priorities + "/new");
		LocalDate today = LocalDate.now();
		Map<String, String> fields = Map.of("issue", issue, "action", "Extra patrols.", "origin", "OTHER",
				"originDetail", "A residents' meeting", "raisedOnDay", Integer.toString(today.getDayOfMonth()),
				"raisedOnMonth", Integer.toString(today.getMonthValue()), "raisedOnYear",
				Integer.toString(today.getYear()));

		List<HttpResponse<String>> answers = atTheSameMoment(() -> this.officer.submit(form, "main form", fields));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(303);
		assertThat(answers).extracting((answer) -> answer.headers().firstValue("Location").orElseThrow())
			.as("both sent to the one priority")
			.hasSize(2)
			.containsOnly(answers.get(0).headers().firstValue("Location").orElseThrow());
		long priority = this.jdbc.queryForObject("select id from priority where issue = ?", Long.class, issue);

		Document update = this.officer.page(priorities + "/" + priority + "/updates/new");
		Map<String, String> text = Map.of("text", "Two arrests this week.", "writtenOnDay",
				Integer.toString(today.getDayOfMonth()), "writtenOnMonth", Integer.toString(today.getMonthValue()),
				"writtenOnYear", Integer.toString(today.getYear()));
		atTheSameMoment(() -> this.officer.submit(update, "main form", text));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from priority_update where priority_id = ? and text = 'Two arrests this week.'",
				Long.class, priority))
			.isEqualTo(1);
		this.jdbc.update("delete from priority where id = ?", priority);
	}

	@Test
	void anEventClickedTwiceIsAddedOnce() {
		String title = "Double-clicked surgery " + UUID.randomUUID().toString().substring(0, 8);
		String events = "/staff/neighbourhoods/" + this.oadby + "/events";
		Document form = this.officer.page(events + "/new");
		LocalDate day = LocalDate.now().plusDays(9);
		Map<String, String> fields = Map.of("title", title, "type", "BEAT_SURGERY", "description", "", "address",
				"Oadby Library", "dateDay", Integer.toString(day.getDayOfMonth()), "dateMonth",
				Integer.toString(day.getMonthValue()), "dateYear", Integer.toString(day.getYear()), "startTime", "10am",
				"endTime", "11am");

		List<HttpResponse<String>> answers = atTheSameMoment(() -> this.officer.submit(form, "main form", fields));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(303);
		assertThat(this.jdbc.queryForObject("select count(*) from event where title = ?", Long.class, title))
			.isEqualTo(1);
		this.jdbc.update("delete from event where title = ?", title);
	}

	private String messagePath() {
		return "/staff/inbox/messages/" + this.message;
	}

	private long entries(String kind) {
		return this.jdbc.queryForObject("select count(*) from message_entry where contact_message_id = ? and kind = ?",
				Long.class, this.message, kind);
	}

	private static List<HttpResponse<String>> atTheSameMoment(Supplier<HttpResponse<String>> send) {
		CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(send);
		CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(send);
		return List.of(first.join(), second.join());
	}

}
