package uk.yourarea.notification;

import java.io.UnsupportedEncodingException;
import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay sends email ({@code yourarea.mail.*}). The SMTP server itself is
 * set with {@code spring.mail.*}.
 *
 * @param from the From header, a name and an address:
 * {@code Leicestershire Police Your Area <no-reply@example.org>}
 * @param relayEnabled whether the relay runs on a schedule; tests switch it off and call
 * it themselves
 * @param relayInterval the pause between the end of one run of the relay and the start of
 * the next; while the SMTP server cannot be reached, how often the relay tries it again
 * @param batchSize how many emails one relay takes at a time
 * @param lease how long another relay waits before it takes emails a relay has taken and
 * neither sent nor handed back; a working relay extends it every third of it, so this is
 * how long the emails of a relay that crashed wait
 * @param firstRetryAfter the wait after the first failed attempt, doubled after each
 * further one
 * @param maxRetryInterval the longest wait between two attempts
 * @param giveUpAfter how long after it was queued an email that keeps failing is marked
 * FAILED
 * @param reuseConnection whether the relay sends the emails of a batch over one SMTP
 * connection (several times faster for a large send) rather than one connection each
 */
@ConfigurationProperties("yourarea.mail")
record OutboxProperties(String from, @DefaultValue("true") boolean relayEnabled,
		@DefaultValue("5s") Duration relayInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("30s") Duration lease, @DefaultValue("1m") Duration firstRetryAfter,
		@DefaultValue("1h") Duration maxRetryInterval, @DefaultValue("72h") Duration giveUpAfter,
		@DefaultValue("true") boolean reuseConnection) {

	OutboxProperties {
		try {
			new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalArgumentException("yourarea.mail.from is not a valid address: " + ex.getMessage(), ex);
		}
		if (batchSize < 1 || batchSize > 500) {
			throw new IllegalArgumentException("yourarea.mail.batch-size must be between 1 and 500");
		}
		requirePositive("lease", lease);
		requirePositive("first-retry-after", firstRetryAfter);
		requirePositive("give-up-after", giveUpAfter);
		if (maxRetryInterval.compareTo(firstRetryAfter) < 0) {
			throw new IllegalArgumentException(
					"yourarea.mail.max-retry-interval must not be shorter than first-retry-after");
		}
	}

	private static void requirePositive(String name, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("yourarea.mail." + name + " must be positive");
		}
	}

	/** The From header, with a non-ASCII name encoded as UTF-8. */
	InternetAddress fromAddress() {
		try {
			InternetAddress parsed = new InternetAddress(this.from, true);
			return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
		}
		catch (UnsupportedEncodingException | AddressException ex) {
			throw new IllegalStateException(ex);
		}
	}

	OutboxRetryPolicy retryPolicy() {
		return new OutboxRetryPolicy(this.firstRetryAfter, this.maxRetryInterval, this.giveUpAfter);
	}

}
