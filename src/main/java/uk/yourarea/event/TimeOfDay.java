package uk.yourarea.event;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a time of day as people type it: "6:30pm", "6pm", "6.30 pm", "18:30", "midday".
 * Without am or pm the minutes are needed ("18:30", not "18"), so "6" is never taken for
 * 6am when 6pm was meant.
 */
final class TimeOfDay {

	private static final Pattern TWELVE_HOUR = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?\\s*([ap])\\.?m\\.?");

	private static final Pattern TWENTY_FOUR_HOUR = Pattern.compile("(\\d{1,2})[:.](\\d{2})");

	private TimeOfDay() {
	}

	static Optional<LocalTime> parse(@Nullable String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String text = typed.strip().toLowerCase(Locale.UK);
		if (text.equals("midday") || text.equals("noon") || text.equals("12 noon")) {
			return Optional.of(LocalTime.NOON);
		}
		Matcher twelve = TWELVE_HOUR.matcher(text);
		if (twelve.matches()) {
			int hour = Integer.parseInt(twelve.group(1));
			int minute = (twelve.group(2) != null) ? Integer.parseInt(twelve.group(2)) : 0;
			if (hour < 1 || hour > 12 || minute > 59) {
				return Optional.empty();
			}
			boolean pm = twelve.group(3).equals("p");
			return Optional.of(LocalTime.of((hour % 12) + (pm ? 12 : 0), minute));
		}
		Matcher twentyFour = TWENTY_FOUR_HOUR.matcher(text);
		if (twentyFour.matches()) {
			int hour = Integer.parseInt(twentyFour.group(1));
			int minute = Integer.parseInt(twentyFour.group(2));
			if (hour > 23 || minute > 59) {
				return Optional.empty();
			}
			return Optional.of(LocalTime.of(hour, minute));
		}
		return Optional.empty();
	}

	/** As the site writes times: "6:30pm", "10am", "12pm" for midday. */
	static String format(LocalTime time) {
		int hour = time.getHour() % 12;
		String text = ((hour == 0) ? 12 : hour)
				+ ((time.getMinute() != 0) ? String.format(":%02d", time.getMinute()) : "");
		return text + ((time.getHour() < 12) ? "am" : "pm");
	}

}
