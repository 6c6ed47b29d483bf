package uk.yourarea.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.springframework.context.MessageSource;

import org.springframework.stereotype.Component;

/**
 * Works out when the team must reply by, and says how, in words a resident understands.
 */
@Component
public class ResponseDeadline {

	/** A due time and the sentence that explains it. */
	public record Due(Instant at, String explanation) {
	}

	private final ResponsePolicy policy;

	private final BankHolidays bankHolidays;

	private final ZoneId zone;

	public ResponseDeadline(ResponsePolicy policy, BankHolidays bankHolidays, Clock clock) {
		this.policy = policy;
		this.bankHolidays = bankHolidays;
		this.zone = clock.getZone();
	}

	public Due from(Instant received) {
		if (this.policy.policy() == ResponsePolicy.Kind.CALENDAR_HOURS) {
			return new Due(received.plus(Duration.ofHours(this.policy.hours())),
					"We aim to reply within " + this.policy.hours() + " hours of receiving your message, "
							+ "including weekends and bank holidays.");
		}
		return new Due(afterWorkingDays(received),
				"We aim to reply within " + this.policy.workingDays()
						+ " working days of receiving your message. Weekends and bank holidays in England and Wales do "
						+ "not count, and a message sent on one counts from the start of the next working day.");
	}

	/**
	 * The sentence that explains the deadline, in a resident's language, for emails: the
	 * one {@link #from} keeps with a message is English.
	 */
	public String explanation(MessageSource text, Locale locale) {
		if (this.policy.policy() == ResponsePolicy.Kind.CALENDAR_HOURS) {
			return text.getMessage("contact.deadline.hours", new Object[] { this.policy.hours() }, locale);
		}
		return text.getMessage("contact.deadline.working-days", new Object[] { this.policy.workingDays() }, locale);
	}

	/**
	 * The same time of day, the given number of working days later. A message that
	 * arrives on a weekend or bank holiday starts the count at midnight of the next
	 * working day.
	 */
	private Instant afterWorkingDays(Instant received) {
		ZonedDateTime start = received.atZone(this.zone);
		LocalDate day = start.toLocalDate();
		if (!this.bankHolidays.isWorkingDay(day)) {
			do {
				day = day.plusDays(1);
			}
			while (!this.bankHolidays.isWorkingDay(day));
			start = day.atStartOfDay(this.zone);
		}
		int remaining = this.policy.workingDays();
		while (remaining > 0) {
			day = day.plusDays(1);
			if (this.bankHolidays.isWorkingDay(day)) {
				remaining--;
			}
		}
		return ZonedDateTime.of(day, start.toLocalTime(), this.zone).toInstant();
	}

}
