package uk.yourarea.station;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import uk.yourarea.web.FormError;
import uk.yourarea.web.TimeOfDay;

/**
 * The hours typed for one day: blank for closed, or one period, or two with a break
 * between ("9am", "12:30pm", "1:30pm", "5pm"). Checks them and says what is wrong in
 * GOV.UK words from the bundle, naming the field to fix.
 *
 * @param day how messages name the day, like "Monday", or null when the form is about one
 * day
 * @param idPrefix the ids of the 4 inputs start with it: "monday-" gives "monday-opens",
 * "monday-closes", "monday-opens-again", "monday-closes-again"
 */
record HoursInput(@Nullable String day, String idPrefix, @Nullable String opens, @Nullable String closes,
		@Nullable String opensAgain, @Nullable String closesAgain) {

	/** Either the periods (none for closed) or what is wrong. */
	record Result(List<Period> periods, @Nullable FormError error) {

		boolean ok() {
			return this.error == null;
		}

	}

	Result check(MessageSource messages) {
		boolean first = !blank(this.opens) || !blank(this.closes);
		boolean second = !blank(this.opensAgain) || !blank(this.closesAgain);
		if (!first && !second) {
			return new Result(List.of(), null);
		}
		if (blank(this.opens)) {
			return error(messages, "opens", "station.hours.opens.required");
		}
		Optional<LocalTime> opensAt = TimeOfDay.parse(this.opens);
		if (opensAt.isEmpty()) {
			return error(messages, "opens", "station.hours.opens.format");
		}
		if (blank(this.closes)) {
			return error(messages, "closes", "station.hours.closes.required");
		}
		Optional<LocalTime> closesAt = TimeOfDay.parse(this.closes);
		if (closesAt.isEmpty()) {
			return error(messages, "closes", "station.hours.closes.format");
		}
		if (!closesAt.get().isAfter(opensAt.get())) {
			return error(messages, "closes", "station.hours.closes.not-after-opens");
		}
		Period period = new Period(opensAt.get(), closesAt.get());
		if (!second) {
			return new Result(List.of(period), null);
		}
		if (blank(this.opensAgain)) {
			return error(messages, "opens-again", "station.hours.opens-again.required");
		}
		Optional<LocalTime> opensAgainAt = TimeOfDay.parse(this.opensAgain);
		if (opensAgainAt.isEmpty()) {
			return error(messages, "opens-again", "station.hours.opens-again.format");
		}
		if (blank(this.closesAgain)) {
			return error(messages, "closes-again", "station.hours.closes-again.required");
		}
		Optional<LocalTime> closesAgainAt = TimeOfDay.parse(this.closesAgain);
		if (closesAgainAt.isEmpty()) {
			return error(messages, "closes-again", "station.hours.closes-again.format");
		}
		if (!opensAgainAt.get().isAfter(closesAt.get())) {
			return error(messages, "opens-again", "station.hours.opens-again.overlaps");
		}
		if (!closesAgainAt.get().isAfter(opensAgainAt.get())) {
			return error(messages, "closes-again", "station.hours.closes-again.not-after-opens-again");
		}
		return new Result(List.of(period, new Period(opensAgainAt.get(), closesAgainAt.get())), null);
	}

	/**
	 * The message names the day where the form has several: each key has a ".day" twin.
	 */
	private Result error(MessageSource messages, String field, String key) {
		String message = (this.day != null)
				? messages.getMessage(key + ".day", new Object[] { this.day }, LocaleContextHolder.getLocale())
				: messages.getMessage(key, null, LocaleContextHolder.getLocale());
		return new Result(List.of(), new FormError(this.idPrefix + field, message));
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	/** The 4 boxes as a form shows saved periods. */
	static String[] boxes(List<Period> periods) {
		String[] boxes = { "", "", "", "" };
		for (int i = 0; i < Math.min(2, periods.size()); i++) {
			boxes[2 * i] = TimeOfDay.forTwentyFourHourBox(periods.get(i).getOpensAt());
			boxes[2 * i + 1] = TimeOfDay.forTwentyFourHourBox(periods.get(i).getClosesAt());
		}
		return boxes;
	}

}
