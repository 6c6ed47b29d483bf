package uk.yourarea.alert;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.notification.EmailFailed;

/**
 * Stops writing to addresses that do not exist. Each alert email the mail server refuses
 * for good (a 5xx reply) counts against its subscriber; at
 * {@code yourarea.alerts.suppress-after-failures} the subscriber is deleted, with their
 * subscriptions and links, as if they had stopped everything. An email that failed only
 * because the server could not be reached for days does not count.
 */
@Component
class AlertDeliveryFailures {

	private static final Logger log = LoggerFactory.getLogger(AlertDeliveryFailures.class);

	private final JdbcTemplate jdbc;

	private final AlertProperties properties;

	AlertDeliveryFailures(JdbcTemplate jdbc, AlertProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@EventListener
	@Transactional
	void emailFailed(EmailFailed failed) {
		String to = failed.to();
		if (!AlertSending.ALERT_EMAIL.equals(failed.kind()) || !failed.permanent() || to == null) {
			return;
		}
		String email = to.strip().toLowerCase(Locale.ROOT);
		this.jdbc.update("update alert_subscriber set failed_deliveries = failed_deliveries + 1 where email = ?",
				email);
		if (this.jdbc.update("delete from alert_subscriber where email = ? and failed_deliveries >= ?", email,
				this.properties.suppressAfterFailures()) > 0) {
			log.info("An alert subscriber was deleted after {} alert emails to them were refused",
					this.properties.suppressAfterFailures());
		}
	}

}
