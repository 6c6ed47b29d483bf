package uk.yourarea.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the relay every {@code yourarea.mail.relay-interval} (5 seconds by default) after
 * the last run ended, unless {@code yourarea.mail.relay-enabled} is false. A run goes on,
 * batch after batch, for as long as full batches are due, so a large alert is sent
 * without a pause between batches. Every instance runs it: the relay takes each email
 * under a lease, so two instances never send the same email.
 */
@Component
@ConditionalOnBooleanProperty(name = "yourarea.mail.relay-enabled", matchIfMissing = true)
class OutboxRelaySchedule {

	private final OutboxRelay relay;

	OutboxRelaySchedule(OutboxRelay relay) {
		this.relay = relay;
	}

	@Scheduled(fixedDelayString = "${yourarea.mail.relay-interval:5s}",
			initialDelayString = "${yourarea.mail.relay-interval:5s}")
	void relayDue() {
		this.relay.relayDue();
	}

}
