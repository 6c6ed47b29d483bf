package uk.yourarea.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** The time left on a response clock in words: "due in 5 hours", "2 hours overdue". */
public final class TimeLeft {

	private TimeLeft() {
	}

	/**
	 * In the words of the bundle (staff.properties), in a language: plurals by
	 * MessageFormat's choice, not by adding an "s".
	 */
	public static String describe(Instant due, Instant now, MessageSource text, Locale locale) {
		Duration left = Duration.between(now, due);
		String amount = amount(left.isNegative() ? left.negated() : left, text, locale);
		return text.getMessage(left.isNegative() ? "contact.time-left.overdue" : "contact.time-left.due-in",
				new Object[] { amount }, locale);
	}

	private static String amount(Duration duration, MessageSource text, Locale locale) {
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return text.getMessage("contact.time-left.minutes", new Object[] { Math.max(minutes, 1) }, locale);
		}
		long hours = duration.toHours();
		if (hours < 48) {
			return text.getMessage("contact.time-left.hours", new Object[] { hours }, locale);
		}
		return text.getMessage("contact.time-left.days", new Object[] { duration.toDays() }, locale);
	}

}
