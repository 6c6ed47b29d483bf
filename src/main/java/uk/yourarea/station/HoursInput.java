package uk.yourarea.station;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.FormError;
import uk.yourarea.web.TimeOfDay;

/**
 * The hours typed for one day: blank for closed, or one period, or two with a break
 * between ("9am", "12:30pm", "1:30pm", "5pm"). Checks them and says what is wrong in
 * GOV.UK words, naming the field to fix.
 *
 * @param forWhom how messages name the day, like " for Monday", or "" when the form is
 * about one day
 * @param idPrefix the ids of the 4 inputs start with it: "monday-" gives "monday-opens",
 * "monday-closes", "monday-opens-again", "monday-closes-again"
 */
record HoursInput(String forWhom, String idPrefix, @Nullable String opens, @Nullable String closes,
		@Nullable String opensAgain, @Nullable String closesAgain) {

	/** Either the periods (none for closed) or what is wrong. */
	record Result(List<Period> periods, @Nullable FormError error) {

		boolean ok() {
			return this.error == null;
		}

	}

	Result check() {
		boolean first = !blank(this.opens) || !blank(this.closes);
		boolean second = !blank(this.opensAgain) || !blank(this.closesAgain);
		if (!first && !second) {
			return new Result(List.of(), null);
		}
		if (blank(this.opens)) {
			return error("opens", "Enter an opening time" + this.forWhom);
		}
		Optional<LocalTime> opensAt = TimeOfDay.parse(this.opens);
		if (opensAt.isEmpty()) {
			return error("opens", "Enter the opening time" + this.forWhom + " as a time, like 9am or 09:00");
		}
		if (blank(this.closes)) {
			return error("closes", "Enter a closing time" + this.forWhom);
		}
		Optional<LocalTime> closesAt = TimeOfDay.parse(this.closes);
		if (closesAt.isEmpty()) {
			return error("closes", "Enter the closing time" + this.forWhom + " as a time, like 5pm or 17:00");
		}
		if (!closesAt.get().isAfter(opensAt.get())) {
			return error("closes", "The closing time" + this.forWhom + " must be after the opening time");
		}
		Period period = new Period(opensAt.get(), closesAt.get());
		if (!second) {
			return new Result(List.of(period), null);
		}
		if (blank(this.opensAgain)) {
			return error("opens-again",
					"Enter the time it opens again" + this.forWhom + ", or clear the second period");
		}
		Optional<LocalTime> opensAgainAt = TimeOfDay.parse(this.opensAgain);
		if (opensAgainAt.isEmpty()) {
			return error("opens-again",
					"Enter the time it opens again" + this.forWhom + " as a time, like 1:30pm or 13:30");
		}
		if (blank(this.closesAgain)) {
			return error("closes-again", "Enter the time it closes again" + this.forWhom);
		}
		Optional<LocalTime> closesAgainAt = TimeOfDay.parse(this.closesAgain);
		if (closesAgainAt.isEmpty()) {
			return error("closes-again",
					"Enter the time it closes again" + this.forWhom + " as a time, like 5pm or 17:00");
		}
		if (!opensAgainAt.get().isAfter(closesAt.get())) {
			return error("opens-again", "The time it opens again" + this.forWhom
					+ " must be after the first closing time, so the periods do not overlap");
		}
		if (!closesAgainAt.get().isAfter(opensAgainAt.get())) {
			return error("closes-again",
					"The time it closes again" + this.forWhom + " must be after the time it opens again");
		}
		return new Result(List.of(period, new Period(opensAgainAt.get(), closesAgainAt.get())), null);
	}

	private Result error(String field, String message) {
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
