package uk.yourarea.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.yourarea.web.DatabaseFailures;

/**
 * Looks for alerts that are due every {@code yourarea.alerts.send-interval} (2 seconds by
 * default), unless {@code yourarea.alerts.sending-enabled} is false (tests call
 * {@link AlertSending#sendDue()} themselves). Every instance runs it: an alert is taken
 * with {@code FOR UPDATE SKIP LOCKED}, one step at a time.
 */
@Component
@ConditionalOnBooleanProperty(name = "yourarea.alerts.sending-enabled", matchIfMissing = true)
class AlertSendingSchedule {

	private static final Logger log = LoggerFactory.getLogger(AlertSendingSchedule.class);

	private final AlertSending sending;

	AlertSendingSchedule(AlertSending sending) {
		this.sending = sending;
	}

	@Scheduled(fixedDelayString = "${yourarea.alerts.send-interval:2s}",
			initialDelayString = "${yourarea.alerts.send-interval:2s}")
	void sendDue() {
		try {
			this.sending.sendDue();
		}
		catch (RuntimeException ex) {
			if (!DatabaseFailures.isDatabaseFailure(ex)) {
				throw ex;
			}
			// The step rolled back; the alert goes on from where it was once the database
			// is back.
			log.warn("Could not send alerts: {}", DatabaseFailures.describe(ex));
		}
	}

}
