package uk.yourarea.consultation;

import java.sql.Timestamp;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps respondents' personal data only as long as it is needed. Every night: answers
 * never confirmed are deleted once their link has expired, and email addresses are erased
 * from the answers of consultations closed longer ago than the retention period (30 days
 * by default), leaving what was chosen and the (moderated) concern. Each run is two
 * idempotent statements, so several instances running it at once do no harm.
 */
@Component
class ConsultationRetention {

	private static final Logger log = LoggerFactory.getLogger(ConsultationRetention.class);

	private final JdbcTemplate jdbc;

	private final ConsultationProperties properties;

	private final ConsultationDates dates;

	ConsultationRetention(JdbcTemplate jdbc, ConsultationProperties properties, ConsultationDates dates) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.dates = dates;
	}

	@Scheduled(cron = "${yourarea.consultation.retention-cron:0 20 3 * * *}", zone = "Europe/London")
	void scheduled() {
		forgetWhatIsNoLongerNeeded();
	}

	/**
	 * @return how many answers were deleted plus how many email addresses were erased
	 */
	@Transactional
	int forgetWhatIsNoLongerNeeded() {
		Instant now = this.dates.now();
		int deleted = this.jdbc.update(
				"delete from consultation_response where confirmed_at is null and token_expires_at <= ?",
				Timestamp.from(now));
		int erased = this.jdbc.update("""
				update consultation_response r set email = null
				from consultation c
				where c.id = r.consultation_id and r.email is not null and c.closes_at <= ?""",
				Timestamp.from(now.minus(this.properties.emailRetention())));
		if (deleted + erased > 0) {
			log.info("Consultation retention: {} unconfirmed answers deleted, {} email addresses erased", deleted,
					erased);
		}
		return deleted + erased;
	}

}
