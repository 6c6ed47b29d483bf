package uk.yourarea.web;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * Times of day as people type them into the staff forms ("6:30pm", "6pm", "6.30 pm",
 * "18:30", "9.30am", "midday") and as the site writes them ("6:30pm", "9am"). Without am
 * or pm the minutes are needed ("18:30", not "18"), so "6" is never taken for 6am when
 * 6pm was meant.
 */
public final class TimeOfDay {

	/** How noon is written: events say "12pm", opening hours say "midday". */
	public enum Noon {

		TWELVE_PM, MIDDAY

	}

	private static final Pattern TWENTY_FOUR_HOUR = Pattern.compile("([01]?[0-9]|2[0-3])[:.]([0-5][0-9])");

	private static final Pattern TWELVE_HOUR = Pattern
		.compile("(0?[1-9]|1[0-2])(?:[:.]([0-5][0-9]))?\\s*([ap])\\.?m\\.?");

	private static final DateTimeFormatter TWENTY_FOUR_HOUR_BOX = DateTimeFormatter.ofPattern("H:mm", Locale.UK);

	private TimeOfDay() {
	}

	/** The time typed, or empty when it is not a time of day. */
	public static Optional<LocalTime> parse(@Nullable String typed) {
		if (typed == null) {
			return Optional.empty();
		}
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
			boolean pm = twelve.group(3).equals("p");
			return Optional.of(LocalTime.of(hour + (pm ? 12 : 0), minute));
		}
		return Optional.empty();
	}

	/**
	 * A time as a public page in a language writes it: "6:30pm", "midday" in English,
	 * "6:30yh", "canol dydd" in Welsh. The words are in the bundle.
	 */
	public static String format(LocalTime time, Noon noon, MessageSource text, Locale language) {
		if (time.equals(LocalTime.NOON) && noon == Noon.MIDDAY) {
			return text.getMessage("web.time.midday", null, language);
		}
		int hour = time.getHour() % 12;
		String clock = ((hour == 0) ? 12 : hour)
				+ ((time.getMinute() != 0) ? String.format(":%02d", time.getMinute()) : "");
		return text.getMessage((time.getHour() < 12) ? "web.time.am" : "web.time.pm", new Object[] { clock }, language);
	}

	/** "6:30pm", "9am", "12am" for midnight, and noon as asked. */
	public static String format(LocalTime time, Noon noon) {
		if (time.equals(LocalTime.NOON) && noon == Noon.MIDDAY) {
			return "midday";
		}
		int hour = time.getHour() % 12;
		String text = ((hour == 0) ? 12 : hour)
				+ ((time.getMinute() != 0) ? String.format(":%02d", time.getMinute()) : "");
		return text + ((time.getHour() < 12) ? "am" : "pm");
	}

	/** As a 24-hour box shows a saved time: "9:00", "17:30". */
	public static String forTwentyFourHourBox(LocalTime time) {
		return TWENTY_FOUR_HOUR_BOX.format(time);
	}

}
