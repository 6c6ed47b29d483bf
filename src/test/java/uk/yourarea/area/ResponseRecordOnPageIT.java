package uk.yourarea.area;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Your Area page says how well the team answers its messages, from the inbox's own
 * data: full replies within 72 hours, with the median, or that there are too few messages
 * to give a fair figure.
 */
@DemoSiteTest
class ResponseRecordOnPageIT {

	@Autowired
	private Site site;

	@Autowired
	private JdbcTemplate jdbc;

	private final List<Long> made = new ArrayList<>();

	@AfterEach
	void removeThem() {
		for (long id : this.made) {
			this.jdbc.update("delete from contact_message where neighbourhood_id = ?", id);
			this.jdbc.update("delete from neighbourhood where id = ?", id);
		}
	}

	@Test
	void tellsResidentsHowQuicklyTheTeamRepliedOverTheLastNinetyDays() {
		long team = neighbourhood();
		for (int hours = 1; hours <= 9; hours++) {
			message(team, Duration.ofDays(10), Duration.ofHours(hours * 7));
		}
		message(team, Duration.ofDays(20), Duration.ofHours(80));
		message(team, Duration.ofHours(100), null);
		message(team, Duration.ofHours(10), null);
		message(team, Duration.ofDays(91), Duration.ofHours(1));

		String sentence = this.site.page("/area/" + slugOf(team)).select("#response-record").text();

		assertThat(sentence).isEqualTo("In the last 90 days this team received 12 messages and replied to 81% within "
				+ "72 hours (median reply time 39 hours).");
	}

	@Test
	void givesNoPercentageForFewerThanTenMessages() {
		long team = neighbourhood();
		for (int i = 0; i < 9; i++) {
			message(team, Duration.ofDays(5), Duration.ofHours(2));
		}

		String sentence = this.site.page("/area/" + slugOf(team)).select("#response-record").text();

		assertThat(sentence).isEqualTo("This team has received 9 messages in the last 90 days, too few to give a fair "
				+ "figure for how quickly it replies.");
	}

	@Test
	void saysSoWhenTheTeamHadNoMessages() {
		long team = neighbourhood();

		assertThat(this.site.page("/area/" + slugOf(team)).select("#response-record").text())
			.isEqualTo("This team has had no messages through this site in the last 90 days.");
	}

	private long neighbourhood() {
		String code = "RP" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		long id = this.jdbc.queryForObject("""
				insert into neighbourhood (code, slug, name, local_policing_area_id)
				select ?, ?, ?, local_policing_area_id from neighbourhood where code = 'NA54' returning id
				""", Long.class, code, code.toLowerCase(), "Reply record " + code);
		this.made.add(id);
		return id;
	}

	private String slugOf(long id) {
		return this.jdbc.queryForObject("select slug from neighbourhood where id = ?", String.class, id);
	}

	private void message(long neighbourhood, Duration ago, @Nullable Duration replyAfter) {
		Instant received = Instant.now().minus(ago);
		Timestamp answered = (replyAfter == null) ? null : Timestamp.from(received.plus(replyAfter));
		String key = UUID.randomUUID().toString();
		String reference = "YA-" + key.substring(0, 4).toUpperCase().replaceAll("[^0-9A-Z]", "X") + "-"
				+ key.substring(4, 8).toUpperCase().replaceAll("[^0-9A-Z]", "X");
		this.jdbc.update("""
				insert into contact_message (reference, neighbourhood_id, sender_name, sender_email, preferred_contact,
				    sender_type, topic, body, status, received_at, clock_started_at, due_at, due_explanation,
				    first_answered_at, answered_at, idempotency_key)
				values (?, ?, 'Test Resident', 'resident@example.org', 'EMAIL', 'RESIDENT', 'GENERAL_ENQUIRY', 'Hello',
				    ?, ?, ?, ?, '72 hours', ?, ?, ?)
				""", reference, neighbourhood, (answered == null) ? "OPEN" : "ANSWERED", Timestamp.from(received),
				Timestamp.from(received), Timestamp.from(received.plus(Duration.ofHours(72))), answered, answered, key);
	}

}
