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
 * @param forceWideApproval whether an alert to the whole force waits for a second web
 * editor or administrator to approve it before it goes
 * @param latestSchedule how far ahead an alert can be scheduled
 */
@ConfigurationProperties("yourarea.alerts")
record AlertProperties(@DefaultValue("7d") Duration confirmationValidity, @DefaultValue("10") int subscribesPerAddress,
		@DefaultValue("1h") Duration subscribesPerAddressWindow, @DefaultValue("3") int confirmationsPerEmail,
		@DefaultValue("24h") Duration confirmationsPerEmailWindow, @DefaultValue("2s") Duration minimumFillTime,
		@DefaultValue("false") boolean forceWideApproval, @DefaultValue("60d") Duration latestSchedule) {

	AlertProperties {
		if (confirmationValidity.isNegative() || confirmationValidity.isZero()) {
			throw new IllegalArgumentException("yourarea.alerts.confirmation-validity must be positive");
		}
	}

}
