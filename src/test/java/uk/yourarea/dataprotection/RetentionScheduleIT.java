package uk.yourarea.dataprotection;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.yourarea.contact.Conversations;
import uk.yourarea.personaldata.LegalHolds;
import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.MutableClock;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.ResidentMessages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention schedule with time moved by hand: what it erases and when, what it never
 * erases, what it logs, and the private links that stop working once a conversation has
 * been closed for the period set, without a write to the database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "yourarea.mail.relay-enabled=false", "yourarea.contact.escalation-initial-delay=24h",
				"yourarea.contact.digest-cron=-", "yourarea.retention.cron=-" })
@ActiveProfiles("demo")
@Import(Site.class)
class RetentionScheduleIT {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(now(), LONDON);
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	RetentionSchedule schedule;

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

	@Autowired
	RateLimits rateLimits;

	@Autowired
	Conversations conversations;

	@Autowired
	LegalHolds holds;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aConversationIsErasedTwelveMonthsAfterItEndsAndNeverWhileOpenOrOnHold() {
		Instant start = now();
		this.clock.set(start);
		long closedLongAgo = send("Closed thirteen months before the run");
		long closedLater = send("Closed eleven months before the run");
		long open = send("Still open after thirteen months");
		long answeredAndIdle = send("Answered and then left alone");
		long heldForReview = send("Held for review and then left alone");
		long onLegalHold = send("Closed but kept for a court case");
		try (ActingAs officer = ActingAs.staff(officer())) {
			this.conversations.reply(officer(), closedLongAgo, "We have looked into it.", true);
			this.conversations.close(officer(), closedLongAgo, "Advice given");
			this.conversations.reply(officer(), answeredAndIdle, "Patrols are arranged.", true);
			this.conversations.close(officer(), onLegalHold, "Passed to the council");
		}
		this.jdbc.update("update contact_message set status = 'HELD_FOR_REVIEW', held_reason = ? where id = ?",
				"Looked automated", heldForReview);
		assertThat(this.holds.place(reference(onLegalHold), "Evidence in a court case",
				LocalDate.now(this.clock).plusYears(2), officer().id(), start))
			.isTrue();
		this.clock.set(start.atZone(LONDON).plusMonths(2).toInstant());
		try (ActingAs officer = ActingAs.staff(officer())) {
			this.conversations.close(officer(), closedLater, "Advice given");
		}

		this.clock.set(start.atZone(LONDON).plusMonths(12).minusMinutes(1).toInstant());
		this.schedule.run();
		assertThat(erased(closedLongAgo, closedLater, open, answeredAndIdle, heldForReview, onLegalHold))
			.as("nothing a minute short of twelve months")
			.isEmpty();

		this.clock.set(start.atZone(LONDON).plusMonths(13).toInstant());
		ListAppender<ILoggingEvent> log = listenTo(RetentionSchedule.class);
		Map<String, Integer> counts;
		try {
			counts = this.schedule.run();
		}
		finally {
			((Logger) LoggerFactory.getLogger(RetentionSchedule.class)).detachAppender(log);
		}

		assertThat(erased(closedLongAgo, closedLater, open, answeredAndIdle, heldForReview, onLegalHold))
			.containsExactlyInAnyOrder(closedLongAgo, answeredAndIdle, heldForReview);
		assertThat(counts.get("contact-message")).isGreaterThanOrEqualTo(3);
		for (long id : List.of(closedLongAgo, answeredAndIdle, heldForReview)) {
			assertThat(this.jdbc.queryForMap("""
					select sender_name, sender_email, sender_phone, body, location, outcome, held_reason, erased_because
					from contact_message where id = ?""", id)).as("message %d keeps no personal data", id)
				.containsEntry("erased_because", "RETENTION")
				.containsEntry("sender_name", null)
				.containsEntry("sender_email", null)
				.containsEntry("body", null)
				.containsEntry("outcome", null)
				.containsEntry("held_reason", null);
			assertThat(this.jdbc.queryForObject(
					"select count(*) from message_entry where contact_message_id = ? and body is not null", Long.class,
					id))
				.as("no words left in the history of message %d", id)
				.isZero();
		}
		assertThat(status(heldForReview)).as("still out of the response record").isEqualTo("HELD_FOR_REVIEW");
		assertThat(status(open)).isEqualTo("OPEN");
		assertThat(this.jdbc.queryForObject("select body from contact_message where id = ?", String.class, onLegalHold))
			.isEqualTo("Closed but kept for a court case");

		assertThat(log.list).as("one line, of counts").singleElement().satisfies((event) -> {
			String line = event.getFormattedMessage();
			assertThat(line).startsWith("Retention schedule: erased {").contains("contact-message=");
			for (long id : List.of(closedLongAgo, answeredAndIdle, heldForReview)) {
				assertThat(line).doesNotContain(reference(id)).doesNotContain("Ottoline").doesNotContain("@");
			}
		});

		Map<String, Integer> again = this.schedule.run();
		assertThat(new TreeMap<>(again).values()).as("a second run erases nothing more: %s", again)
			.allMatch((count) -> count == 0);
	}

	@Test
	void rateLimitRecordsGoAfterTwentyFourHours() {
		Instant start = now();
		this.clock.set(start);
		String bucket = "retention-test:" + UUID.randomUUID();
		this.rateLimits.record(bucket);

		this.clock.set(start.plus(Duration.ofHours(24)));
		this.schedule.run();
		assertThat(this.rateLimits.count(bucket, Duration.ofDays(2))).isEqualTo(1);

		this.clock.set(start.plus(Duration.ofHours(24)).plusSeconds(1));
		assertThat(this.schedule.run().get("rate-limit-record")).isPositive();
		assertThat(this.rateLimits.count(bucket, Duration.ofDays(2))).isZero();
	}

	@Test
	void aConsultationAnswerNeverConfirmedGoesSevenDaysAfterItWasSent() {
		Instant start = now();
		this.clock.set(start);
		String email = "unconfirmed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		this.rateLimits.clear("have-your-say-address:127.0.0.1");
		Visitor resident = this.site.visitor();
		String form = "/area/wigston/have-your-say";
		Document page = resident.page(form);
		Map<String, String> fields = new HashMap<>();
		fields.put("issues", page.select("input[name=issues]").eachAttr("value").get(0));
		fields.put("respondentType", "RESIDENT");
		fields.put("postcode", this.jdbc.queryForObject("""
				select p.postcode from postcode p join neighbourhood n on n.id = p.neighbourhood_id
				where n.slug = 'wigston' and p.terminated_on is null order by p.postcode limit 1""", String.class));
		fields.put("email", email);
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(10)));
		assertThat(resident.submit(page, "form[action='" + form + "']", fields).statusCode()).isEqualTo(303);
		assertThat(answersFrom(email)).isEqualTo(1);

		this.clock.set(start.plus(Duration.ofDays(7)).minus(Duration.ofMinutes(1)));
		this.schedule.run();
		assertThat(answersFrom(email)).as("a minute short of seven days").isEqualTo(1);

		this.clock.set(start.plus(Duration.ofDays(7)));
		assertThat(this.schedule.run().get("consultation-answer.unconfirmed")).isPositive();
		assertThat(answersFrom(email)).isZero();
	}

	@Test
	void aPrivateLinkStopsNinetyDaysAfterClosingAndItsPageWritesNothing() {
		Instant start = now();
		this.clock.set(start);
		long id = send("A bin left in the road");
		String link = privateLink(id);
		try (ActingAs officer = ActingAs.staff(officer())) {
			this.conversations.close(officer(), id, "Reported to the council");
		}
		Visitor resident = this.site.visitor();

		this.clock.set(start.atZone(LONDON).plusDays(90).minusMinutes(1).toInstant());
		HttpResponse<String> live = resident.get(link);
		assertThat(live.statusCode()).isEqualTo(200);
		assertThat(live.body()).contains("A bin left in the road");

		this.clock.set(start.atZone(LONDON).plusDays(90).toInstant());
		Map<String, String> before = checksums();
		HttpResponse<String> expired = resident.get(link);
		Map<String, String> after = checksums();

		assertThat(expired.statusCode()).isEqualTo(410);
		Document page = Pages.parse(expired);
		assertThat(page.selectFirst("h1").text()).isEqualTo("This link no longer works");
		assertThat(page.text()).contains(reference(id))
			.contains("closed more than 90 days ago")
			.doesNotContain("A bin left in the road");
		assertThat(page.select("#write-again").attr("href")).isEqualTo("/area/wigston/contact");
		assertThat(after).as("the contact tables, after reading the expired link").isEqualTo(before);

		// The control: the same checksums do see a write.
		this.clock.set(start);
		this.jdbc.update("update contact_message set location = 'Checked' where id = ?", id);
		assertThat(checksums()).isNotEqualTo(before);
	}

	@Test
	void anErasedConversationsLinkSaysItsDetailsAreErased() {
		Instant start = now();
		this.clock.set(start);
		long id = send("Noise from the car park every night");
		String link = privateLink(id);
		this.clock.set(start.atZone(LONDON).plusMonths(13).toInstant());
		this.jdbc.update("update contact_message set status = 'ANSWERED', answered_at = ? where id = ?",
				java.sql.Timestamp.from(start.plusSeconds(60)), id);

		this.schedule.run();

		HttpResponse<String> expired = this.site.visitor().get(link);
		assertThat(expired.statusCode()).isEqualTo(410);
		assertThat(Pages.parse(expired).text()).contains("have been erased").doesNotContain("Noise from the car park");
	}

	/**
	 * A digest of every row of the tables a resident's link could touch: the messages,
	 * their histories, the outbox and the rate-limit records.
	 */
	private Map<String, String> checksums() {
		Map<String, String> sums = new TreeMap<>();
		for (String table : List.of("contact_message", "message_entry", "outbox_email", "rate_limit_hit")) {
			sums.put(table, this.jdbc.queryForObject("select md5(coalesce(string_agg(md5(t::text), ',' order by "
					+ "md5(t::text)), '')) from " + table + " t", String.class));
		}
		return sums;
	}

	private long send(String text) {
		return new ResidentMessages(this.site, this.stamps, this.rateLimits, this.jdbc)
			.send("wigston", "Ottoline Resident",
					"retention-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "GENERAL_ENQUIRY",
					text)
			.id();
	}

	private String privateLink(long id) {
		String body = this.jdbc.queryForObject(
				"select body from outbox_email where contact_message_id = ? and body like '%/messages/%' limit 1",
				String.class, id);
		Matcher link = Pattern.compile("(/messages/[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private List<Long> erased(Long... ids) {
		return this.jdbc.queryForList("select id from contact_message where id = any(?) and erased_at is not null",
				Long.class, (Object) ids);
	}

	private long answersFrom(String email) {
		return this.jdbc.queryForObject("select count(*) from consultation_response where email = ?", Long.class,
				email);
	}

	private String status(long id) {
		return this.jdbc.queryForObject("select status from contact_message where id = ?", String.class, id);
	}

	private String reference(long id) {
		return this.jdbc.queryForObject("select reference from contact_message where id = ?", String.class, id);
	}

	private StaffUser officer() {
		return ActingAs.demo(this.jdbc, "officer.wigston@example.org");
	}

	private static ListAppender<ILoggingEvent> listenTo(Class<?> type) {
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		((Logger) LoggerFactory.getLogger(type)).addAppender(log);
		return log;
	}

	/** Now, to the millisecond: PostgreSQL keeps microseconds. */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
