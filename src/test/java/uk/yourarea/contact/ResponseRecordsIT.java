package uk.yourarea.contact;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response-record arithmetic on real messages in PostgreSQL, as of a fixed moment:
 * only full replies count, held messages and messages older than 90 days do not, and a
 * message inside its first 72 hours is waiting.
 */
@DemoSiteTest
class ResponseRecordsIT {

	private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	private ResponseRecords records;

	@Autowired
	private JdbcTemplate jdbc;

	private long neighbourhoodId;

	@BeforeEach
	void aNeighbourhoodOfItsOwn() {
		String code = "RR" + Math.abs(RANDOM.nextInt(100_000_000));
		this.neighbourhoodId = this.jdbc.queryForObject("""
				insert into neighbourhood (code, slug, name, local_policing_area_id)
				select ?, ?, ?, min(id) from local_policing_area returning id
				""", Long.class, code, code.toLowerCase(), "Response record test " + code);
	}

	@AfterEach
	void removeIt() {
		this.jdbc.update("delete from contact_message where neighbourhood_id = ?", this.neighbourhoodId);
		this.jdbc.update("delete from neighbourhood where id = ?", this.neighbourhoodId);
	}

	@Test
	void countsFullRepliesWithinSeventyTwoHoursOfTheMessagesDecidedSoFar() {
		for (int hours = 1; hours <= 9; hours++) {
			message(days(10), Duration.ofHours(hours * 7), "OPEN");
		}
		message(days(20), Duration.ofHours(80), "ANSWERED");
		// Only a holding reply, and its 72 hours are over: late.
		message(Duration.ofHours(100), null, "OPEN");
		// Still inside its 72 hours: waiting.
		message(Duration.ofHours(10), null, "OPEN");
		// Not counted: held as suspected abuse, or older than 90 days.
		message(days(5), null, "HELD_FOR_REVIEW");
		message(days(91), Duration.ofHours(1), "ANSWERED");

		ResponseRecord record = this.records.byNeighbourhoodAsOf(NOW).get(this.neighbourhoodId);

		assertThat(record.received()).isEqualTo(12);
		assertThat(record.repliedOnTime()).isEqualTo(9);
		assertThat(record.waiting()).isEqualTo(1);
		assertThat(record.late()).isEqualTo(2);
		assertThat(record.percentOnTime()).isEqualTo(81);
		assertThat(record.fairToPublish()).isTrue();
		// Reply times 7, 14, … 63 hours and 80 hours: the median is between 35 and 42.
		assertThat(record.medianReply()).isEqualTo(Duration.ofMinutes(38 * 60 + 30));
	}

	@Test
	void aReplyAtExactlySeventyTwoHoursIsOnTimeAndOneSecondLaterIsNot() {
		message(days(10), Duration.ofHours(72), "ANSWERED");
		message(days(10), Duration.ofHours(72).plusSeconds(1), "ANSWERED");

		ResponseRecord record = this.records.byNeighbourhoodAsOf(NOW).get(this.neighbourhoodId);

		assertThat(record.repliedOnTime()).isEqualTo(1);
		assertThat(record.late()).isEqualTo(1);
		assertThat(record.fairToPublish()).isFalse();
	}

	@Test
	void aNeighbourhoodWithNoMessagesHasNoRecord() {
		assertThat(this.records.byNeighbourhoodAsOf(NOW)).doesNotContainKey(this.neighbourhoodId);
	}

	@Test
	void theForceWideRecordAddsEveryTeamsMessages() {
		ResponseRecord before = this.records.forceWideAsOf(NOW);
		message(days(1), Duration.ofHours(2), "ANSWERED");
		message(days(4), null, "OPEN");
		message(days(1), null, "OPEN");

		ResponseRecord after = this.records.forceWideAsOf(NOW);

		assertThat(after.received()).isEqualTo(before.received() + 3);
		assertThat(after.repliedOnTime()).isEqualTo(before.repliedOnTime() + 1);
		assertThat(after.late()).isEqualTo(before.late() + 1);
		assertThat(after.waiting()).isEqualTo(before.waiting() + 1);
	}

	private static Duration days(int days) {
		return Duration.ofDays(days);
	}

	/**
	 * A message received {@code ago} before now, first fully answered {@code replyAfter}
	 * later.
	 */
	private void message(Duration ago, @Nullable Duration replyAfter, String status) {
		Instant received = NOW.minus(ago);
		Timestamp answered = (replyAfter == null) ? null : Timestamp.from(received.plus(replyAfter));
		String reference = "YA-" + code(4) + "-" + code(4);
		this.jdbc.update("""
				insert into contact_message (reference, neighbourhood_id, sender_name, sender_email, preferred_contact,
				    sender_type, topic, body, status, received_at, clock_started_at, due_at, due_explanation,
				    first_answered_at, answered_at, idempotency_key)
				values (?, ?, 'Test Resident', 'resident@example.org', 'EMAIL', 'RESIDENT', 'GENERAL_ENQUIRY', 'Hello',
				    ?, ?, ?, ?, '72 hours', ?, ?, ?)
				""", reference, this.neighbourhoodId, status, Timestamp.from(received), Timestamp.from(received),
				Timestamp.from(received.plus(Duration.ofHours(72))), answered, answered, reference + "-idempotency");
	}

	private static String code(int length) {
		String alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < length; i++) {
			code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		return code.toString();
	}

}
