package uk.yourarea.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the subscribe form, and how staff send alerts.
 *
 * @param confirmationValidity how long the link in a confirmation email works
 * @param subscribesPerAddress how many subscribe attempts one client address may make in
 * {@code subscribesPerAddressWindow}
 * @param confirmationsPerEmail how many confirmation emails one address may be sent in
 * {@code confirmationsPerEmailWindow}, so that the form cannot be used to flood someone
 * @param minimumFillTime faster than this, the form was not filled in by a person
 * @param sendInterval how often each instance looks for alerts that are due
 * @param queueBatchSize how many recipients one step of sending queues, in one short
 * transaction
 * @param suppressAfterFailures after this many alert emails to one address are refused
 * for good by the mail server, the subscriber is deleted
 * @param forceWideApproval whether an alert to the whole force waits for a second web
 * editor or administrator to approve it before it goes
 * @param latestSchedule how far ahead an alert can be scheduled
 * @param stepPause a rest between two steps of a large send, so that queueing leaves the
 * processors to residents' pages for a moment in between; zero for none
 */
@ConfigurationProperties("yourarea.alerts")
record AlertProperties(@DefaultValue("7d") Duration confirmationValidity, @DefaultValue("10") int subscribesPerAddress,
		@DefaultValue("1h") Duration subscribesPerAddressWindow, @DefaultValue("3") int confirmationsPerEmail,
		@DefaultValue("24h") Duration confirmationsPerEmailWindow, @DefaultValue("2s") Duration minimumFillTime,
		@DefaultValue("2s") Duration sendInterval, @DefaultValue("1000") int queueBatchSize,
		@DefaultValue("3") int suppressAfterFailures, @DefaultValue("false") boolean forceWideApproval,
		@DefaultValue("60d") Duration latestSchedule, @DefaultValue("0s") Duration stepPause) {

	AlertProperties {
		if (confirmationValidity.isNegative() || confirmationValidity.isZero()) {
			throw new IllegalArgumentException("yourarea.alerts.confirmation-validity must be positive");
		}
		if (queueBatchSize < 1 || queueBatchSize > 10_000) {
			throw new IllegalArgumentException("yourarea.alerts.queue-batch-size must be between 1 and 10000");
		}
		if (stepPause.isNegative() || stepPause.compareTo(Duration.ofSeconds(1)) > 0) {
			throw new IllegalArgumentException("yourarea.alerts.step-pause must be between 0 and 1s");
		}
		if (suppressAfterFailures < 1) {
			throw new IllegalArgumentException("yourarea.alerts.suppress-after-failures must be at least 1");
		}
	}

}
