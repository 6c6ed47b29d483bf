package uk.yourarea.personaldata;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long residents' personal data is kept. The privacy notice is written from these
 * same settings, so it cannot disagree with what the site does.
 *
 * @param conversations how long after a conversation ends its personal data is kept (the
 * sender's details, the text of every message, reply and note); its times and outcome
 * stay
 * @param privateLinks how long after a conversation ends its private link keeps working
 * @param unconfirmed how long an answer or subscription that was never confirmed is kept
 * @param consultationEmails how long after a consultation closes its respondents' email
 * addresses are kept
 * @param rateLimits how long records of form submissions and failed sign-ins, counted
 * against abuse, are kept
 * @param securityEvents how long the security log (sign-ins, failures, changes to staff
 * accounts) is kept; it goes to the logging system, which must be set to keep it this
 * long
 * @param cron when the schedule runs (Europe/London)
 */
@ConfigurationProperties("yourarea.retention")
public record RetentionProperties(@DefaultValue("12m") Period conversations, @DefaultValue("90d") Period privateLinks,
		@DefaultValue("7d") Duration unconfirmed, @DefaultValue("30d") Duration consultationEmails,
		@DefaultValue("24h") Duration rateLimits, @DefaultValue("12m") Period securityEvents,
		@DefaultValue("0 40 3 * * *") String cron) {

	public RetentionProperties {
		requirePositive(conversations, "conversations");
		requirePositive(privateLinks, "private-links");
		requirePositive(securityEvents, "security-events");
		if (unconfirmed.isNegative() || unconfirmed.isZero() || consultationEmails.isNegative()
				|| rateLimits.compareTo(Duration.ofHours(24)) < 0) {
			throw new IllegalArgumentException("yourarea.retention: unconfirmed must be positive, "
					+ "consultation-emails not negative, and rate-limits at least 24h (the longest window counted)");
		}
	}

	private static void requirePositive(Period period, String name) {
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("yourarea.retention." + name + " must be a positive period");
		}
	}

}
