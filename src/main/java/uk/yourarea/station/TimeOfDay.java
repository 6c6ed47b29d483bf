package uk.yourarea.station;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times of day as people type and read them on opening hours: "9:00", "09:00", "17:30",
 * "9am", "5:30pm", "9.30am", "midday"; shown as "9am", "5:30pm", "midday".
 */
public final class TimeOfDay {

	private static final Pattern TWENTY_FOUR_HOUR = Pattern.compile("([01]?[0-9]|2[0-3])[:.]([0-5][0-9])");

	private static final Pattern TWELVE_HOUR = Pattern
		.compile("(0?[1-9]|1[0-2])(?:[:.]([0-5][0-9]))?\\s*([ap])\\.?m\\.?");

	private static final DateTimeFormatter TWELVE = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

	private static final DateTimeFormatter FORM = DateTimeFormatter.ofPattern("H:mm", Locale.UK);

	private TimeOfDay() {
	}

	/** The time typed, or empty when it is not a time of day. */
	public static Optional<LocalTime> parse(String typed) {
		String text = typed.strip().toLowerCase(Locale.UK);
		if (text.equals("midday") || text.equals("noon") || text.equals("12 noon")) {
			return Optional.of(LocalTime.NOON);
		}
		Matcher twentyFour = TWENTY_FOUR_HOUR.matcher(text);
		if (twentyFour.matches()) {
			return Optional
				.of(LocalTime.of(Integer.parseInt(twentyFour.group(1)), Integer.parseInt(twentyFour.group(2))));
		}
		Matcher twelve = TWELVE_HOUR.matcher(text);
		if (twelve.matches()) {
			int hour = Integer.parseInt(twelve.group(1)) % 12;
			int minute = (twelve.group(2) != null) ? Integer.parseInt(twelve.group(2)) : 0;
			if (twelve.group(3).equals("p")) {
				hour += 12;
			}
			return Optional.of(LocalTime.of(hour, minute));
		}
		return Optional.empty();
	}

	/** "9am", "5:30pm", "midday". */
	public static String describe(LocalTime time) {
		if (time.equals(LocalTime.NOON)) {
			return "midday";
		}
		return TWELVE.format(time).toLowerCase(Locale.UK).replace(":00", "");
	}

	/** As the form shows a saved time: "9:00", "17:30". */
	static String forForm(LocalTime time) {
		return FORM.format(time);
	}

}
