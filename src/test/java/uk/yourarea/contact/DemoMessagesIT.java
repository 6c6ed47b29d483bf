package uk.yourarea.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's residents' messages on the demo site: every state of the response clock is
 * there, Wigston's officer sees the most urgent first, the sergeant sees what is overdue,
 * and the response records give figures rather than "too few messages".
 */
@DemoSiteTest
class DemoMessagesIT {

	private static final String DEMO = "m.idempotency_key like '" + DemoMessageScript.KEY_PREFIX + "%'";

	@Autowired
	Environment environment;

	@Autowired
	Site site;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ResponseRecords records;

	@Autowired
	DemoMessages demoMessages;

	@Test
	void theDemoHoldsMessagesInEveryStateOfTheResponseClock() {
		Map<String, String> states = Map.of("new (just received)", """
				m.status = 'OPEN' and m.first_answered_at is null and m.received_at > now() - interval '24 hours'""",
				"due within 24 hours", """
						m.status = 'OPEN' and m.due_at > now() and m.due_at <= now() + interval '24 hours'""",
				"overdue and escalated", """
						m.status = 'OPEN' and m.due_at < now() and m.escalated_at > m.due_at
						and exists (select 1 from message_entry e where e.contact_message_id = m.id
						            and e.kind = 'ESCALATED' and e.at = m.escalated_at)""",
				"answered, awaiting the resident's feedback", """
						m.status = 'ANSWERED' and not exists (select 1 from message_entry e
						    where e.contact_message_id = m.id and e.at > m.answered_at
						    and e.kind in ('RESIDENT_SATISFIED', 'RESIDENT_NOT_SATISFIED', 'RESIDENT_REPLY'))""",
				"reopened after the resident said no", """
						m.status = 'OPEN' and m.first_answered_at is not null
						and exists (select 1 from message_entry e where e.contact_message_id = m.id
						            and e.kind = 'RESIDENT_NOT_SATISFIED' and e.at <= m.clock_started_at)""", "closed",
				"m.status = 'CLOSED' and m.outcome is not null");
		states.forEach((state, condition) -> {
			assertThat(count("select count(*) from contact_message m where " + DEMO + " and " + condition)).as(state)
				.isPositive();
			assertThat(count("""
					select count(*) from contact_message m join neighbourhood n on n.id = m.neighbourhood_id
					where n.code = 'NA54' and %s and %s""".formatted(DEMO, condition))).as("Wigston: " + state)
				.isPositive();
		});
		assertThat(this.jdbc.queryForList("""
				select distinct n.code from contact_message m join neighbourhood n on n.id = m.neighbourhood_id
				where %s""".formatted(DEMO), String.class)).contains("NA54", "NA55", "NA53", "NA42")
			.hasSizeGreaterThanOrEqualTo(6);
		// Escalations left out: ResponseClockJobsIT, sharing this database, runs the job
		// on
		// a clock it moves days ahead.
		assertThat(count("select count(*) from contact_message m where " + DEMO
				+ " and exists (select 1 from message_entry e where e.contact_message_id = m.id"
				+ " and e.kind <> 'ESCALATED' and e.at > now())"))
			.as("nothing the resident or the team did is in the future")
			.isZero();
	}

	@Test
	void queuesNoAcknowledgementsOrRepliesAndIssuesNoPrivateLinks() {
		assertThat(count("select count(*) from contact_message m where " + DEMO)).isGreaterThan(30);
		assertThat(count("""
				select count(*) from outbox_email o join contact_message m on m.id = o.contact_message_id
				where %s and (o.subject like 'We have your message%%' or o.subject like '%%has replied%%')"""
			.formatted(DEMO))).isZero();
		assertThat(count("""
				select count(*) from message_access_token t join contact_message m on m.id = t.contact_message_id
				where %s""".formatted(DEMO))).isZero();
	}

	@Test
	void wigstonsOfficerSeesTheMessagesMostUrgentFirst() {
		Document inbox = StaffBrowser
			.signedIn(this.environment, "officer.wigston@example.org", StaffBrowser.DEMO_PASSWORD)
			.page("/staff/inbox");

		List<String> references = inbox.select("table tbody tr td:first-child").eachText();
		assertThat(references).containsAll(this.jdbc.queryForList("""
				select m.reference from contact_message m join neighbourhood n on n.id = m.neighbourhood_id
				where n.code = 'NA54' and %s""".formatted(DEMO), String.class))
			.doesNotContainAnyElementsOf(this.jdbc.queryForList("""
					select m.reference from contact_message m join neighbourhood n on n.id = m.neighbourhood_id
					where n.code <> 'NA54' and %s""".formatted(DEMO), String.class));
		List<Deadline> clocks = new ArrayList<>();
		for (String reference : references) {
			clocks.add(this.jdbc.queryForObject("select status, due_at from contact_message where reference = ?",
					(row, n) -> new Deadline(reference, rank(row.getString(1)), row.getTimestamp(2).toInstant()),
					reference));
		}
		assertThat(clocks).as("open first, then answered, then closed; each by its deadline")
			.isSortedAccordingTo(Comparator.comparingInt(Deadline::rank).thenComparing(Deadline::due));
		Element first = inbox.selectFirst("table tbody tr .govuk-tag");
		assertThat(first.text()).endsWith("overdue");
		assertThat(first.hasClass("govuk-tag--red")).isTrue();
		assertThat(inbox.select("table tbody tr .govuk-tag--orange").eachText()).as("due within 24 hours")
			.isNotEmpty()
			.allSatisfy((tag) -> assertThat(tag).matches("due in \\d+ (hours?|minutes?)"));
		assertThat(inbox.select(".ya-counts__item").eachText()).allSatisfy(
				(item) -> assertThat(item).as("every count of the inbox has something in it").doesNotStartWith("0 "));
	}

	@Test
	void theSergeantSeesTheOverdueMessagesOfTheArea() {
		Document view = StaffBrowser.signedIn(this.environment, "sergeant@example.org", StaffBrowser.DEMO_PASSWORD)
			.page("/staff/supervisor");

		assertThat(view.select(".govuk-tag--red").eachText()).isNotEmpty()
			.allSatisfy((tag) -> assertThat(tag).endsWith("overdue"));
		assertThat(view.select("h2").eachText()).contains("Wigston", "Oadby", "Harborough and the Bowdens");
		List<String> overdue = this.jdbc.queryForList("""
				select m.reference from contact_message m join neighbourhood n on n.id = m.neighbourhood_id
				where n.code in ('NA54', 'NA55', 'NA42') and m.status = 'OPEN' and m.due_at < now()
				and m.escalated_at is not null and %s""".formatted(DEMO), String.class);
		assertThat(overdue).hasSizeGreaterThanOrEqualTo(3);
		assertThat(view.select("table tbody tr:has(.govuk-tag--red) td:first-child").eachText()).containsAll(overdue);
	}

	@Test
	void wigstonAndOadbyHaveEnoughMessagesForTheirResponseRecordsToGiveAFigure() {
		for (String slug : List.of("wigston", "oadby")) {
			String sentence = this.site.page("/area/" + slug).select("#response-record").text();
			assertThat(sentence).as(slug)
				.matches("In the last 90 days this team received \\d+ messages and replied to \\d+% within 72 hours"
						+ " \\(median reply time \\d+ hours?\\)\\.");
			long id = this.jdbc.queryForObject("select id from neighbourhood where slug = ?", Long.class, slug);
			assertThat(this.records.of(id).fairToPublish()).as(slug).isTrue();
			assertThat(this.records.of(id).late()).as(slug + ": the demo has late replies too").isPositive();
		}
		Element replies = StaffBrowser.signedIn(this.environment, "sergeant@example.org", StaffBrowser.DEMO_PASSWORD)
			.page("/staff/guarantee")
			.selectFirst("#neighbourhood-NA54 td[data-measure=REPLIES]");
		assertThat(replies.text()).matches("Not met \\d+ of \\d+ on time \\(\\d+%\\).*");
	}

	@Test
	void loadsOnlyIntoADatabaseWithNoMessages() {
		long before = count("select count(*) from contact_message m where " + DEMO);

		this.demoMessages.load();

		assertThat(count("select count(*) from contact_message m where " + DEMO)).isEqualTo(before);
	}

	private record Deadline(String reference, int rank, Instant due) {
	}

	private static int rank(String status) {
		return switch (status) {
			case "OPEN" -> 0;
			case "HELD_FOR_REVIEW" -> 1;
			case "ANSWERED" -> 2;
			default -> 3;
		};
	}

	private long count(String sql) {
		Long value = this.jdbc.queryForObject(sql, Long.class);
		return (value != null) ? value : 0;
	}

}
