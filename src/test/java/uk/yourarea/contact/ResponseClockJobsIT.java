package uk.yourarea.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.testing.MutableClock;
import uk.yourarea.web.FormStamps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens when the response clock runs out, with time moved by hand: escalation
 * once, the resident and the area's supervisors told, and one digest a day per
 * supervisor.
 */
@SpringBootTest(properties = { "yourarea.contact.escalation-initial-delay=24h", "yourarea.contact.digest-cron=-",
		"yourarea.mail.relay-enabled=false" })
@ActiveProfiles("demo")
class ResponseClockJobsIT {

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now(), ZoneId.of("Europe/London"));
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	FormStamps stamps;

	@Autowired
	ResponseClockJobs jobs;

	@Autowired
	ContactMessages contact;

	@Autowired
	NeighbourhoodDirectory neighbourhoods;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUnansweredMessageIsEscalatedOnceWhenItsDeadlinePasses() {
		String email = send("NA53");
		long id = messageFrom(email);

		this.clock.advance(Duration.ofHours(71));
		this.jobs.escalateOverdue();
		assertThat(escalatedAt(id)).as("not yet due").isNull();

		this.clock.advance(Duration.ofHours(2));
		this.jobs.escalateOverdue();
		this.jobs.escalateOverdue();

		assertThat(escalatedAt(id)).isNotNull();
		assertThat(subjects(email)).contains("We have not replied in time (reference " + reference(id) + ")");
		assertThat(this.jdbc.queryForObject(
				"""
						select count(*) from outbox_email where to_address = 'sergeant@example.org' and contact_message_id = ?""",
				Long.class, id))
			.as("the area's sergeant is told, once")
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from message_entry where contact_message_id = ? and kind = 'ESCALATED'""", Long.class,
				id))
			.isEqualTo(1);
	}

	@Test
	void aFullReplyInTimeIsNeverEscalated() {
		String email = send("NA53");
		long id = messageFrom(email);
		this.jdbc.update("update contact_message set status = 'ANSWERED', answered_at = now() where id = ?", id);

		this.clock.advance(Duration.ofHours(100));
		this.jobs.escalateOverdue();

		assertThat(escalatedAt(id)).isNull();
	}

	@Test
	void eachSupervisorGetsOneDigestADay() {
		send("NA54");
		this.clock.advance(Duration.ofHours(60));
		long before = digestsToSergeant();

		this.jobs.sendDailyDigests();
		this.jobs.sendDailyDigests();

		assertThat(digestsToSergeant() - before).isEqualTo(1);
		String body = this.jdbc.queryForObject("""
				select body from outbox_email where to_address = 'sergeant@example.org'
				and subject like 'Messages due or overdue today%' order by id desc limit 1""", String.class);
		assertThat(body).contains("due in").contains("/staff/inbox/messages/");
	}

	private long digestsToSergeant() {
		return this.jdbc.queryForObject("""
				select count(*) from outbox_email where to_address = 'sergeant@example.org'
				and subject like 'Messages due or overdue today%'""", Long.class);
	}

	private String send(String neighbourhoodCode) {
		NeighbourhoodSummary neighbourhood = this.neighbourhoods.byCode(neighbourhoodCode).orElseThrow();
		String email = "clock-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		this.contact.receive(neighbourhood,
				new ContactForm("Chris Clock", email, null, PreferredContact.EMAIL, SenderType.RESIDENT,
						Topic.GENERAL_ENQUIRY, "When is the next beat surgery?", null, null,
						this.stamps.at(this.clock.instant().minusSeconds(60)),
						UUID.randomUUID().toString().replace("-", ""), null),
				"192.0.2." + (int) (Math.random() * 250));
		return email;
	}

	private long messageFrom(String email) {
		return this.jdbc.queryForObject("select id from contact_message where sender_email = ?", Long.class, email);
	}

	private String reference(long id) {
		return this.jdbc.queryForObject("select reference from contact_message where id = ?", String.class, id);
	}

	private Object escalatedAt(long id) {
		return this.jdbc.queryForObject("select escalated_at from contact_message where id = ?", Object.class, id);
	}

	private List<String> subjects(String email) {
		return this.jdbc.queryForList("select subject from outbox_email where to_address = ?", String.class, email);
	}

}
