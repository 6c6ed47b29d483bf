package uk.yourarea.personaldata;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A retention period in words, like "12 months" or "90 days", for the pages and notices
 * that state it: they read the same settings the schedule runs on.
 */
@Component
public class RetentionWording {

	private final MessageSource messages;

	RetentionWording(MessageSource messages) {
		this.messages = messages;
	}

	public String describe(Period period, Locale locale) {
		List<String> parts = new ArrayList<>();
		add(parts, "years", period.getYears(), locale);
		add(parts, "months", period.getMonths(), locale);
		add(parts, "days", period.getDays(), locale);
		return String.join(" ", parts);
	}

	/** Whole days, or hours below two days. */
	public String describe(Duration duration, Locale locale) {
		if (duration.toHours() < 48) {
			return this.messages.getMessage("dataprotection.period.hours", new Object[] { duration.toHours() }, locale);
		}
		return this.messages.getMessage("dataprotection.period.days", new Object[] { duration.toDays() }, locale);
	}

	private void add(List<String> parts, String unit, int count, Locale locale) {
		if (count != 0) {
			parts.add(this.messages.getMessage("dataprotection.period." + unit, new Object[] { count }, locale));
		}
	}

}
