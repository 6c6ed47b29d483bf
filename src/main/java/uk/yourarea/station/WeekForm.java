package uk.yourarea.station;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A station's usual opening hours as typed: one {@link DayForm} per day, Monday first,
 * and the version of the station the form was opened with.
 */
record WeekForm(@Nullable List<DayForm> days, @Nullable Long version) {

	/** The boxes of one day: all blank for closed, or one or two periods. */
	record DayForm(@Nullable String opens, @Nullable String closes, @Nullable String opensAgain,
			@Nullable String closesAgain) {

		static DayForm blank() {
			return new DayForm("", "", "", "");
		}

	}

	static WeekForm of(Station station) {
		List<DayForm> days = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			String[] boxes = HoursInput.boxes(station.periodsOn(day));
			days.add(new DayForm(boxes[0], boxes[1], boxes[2], boxes[3]));
		}
		return new WeekForm(days, station.getVersion());
	}

	/** The boxes of a day, blank when the request did not send them. */
	DayForm day(DayOfWeek day) {
		int index = day.getValue() - 1;
		if (this.days == null || this.days.size() <= index || this.days.get(index) == null) {
			return DayForm.blank();
		}
		return this.days.get(index);
	}

	/** Every day, for the template. */
	public List<DayForm> week() {
		List<DayForm> week = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			week.add(day(day));
		}
		return week;
	}

	HoursInput input(DayOfWeek day) {
		DayForm boxes = day(day);
		String name = day.getDisplayName(TextStyle.FULL, Locale.UK);
		return new HoursInput(name, idOf(day) + "-", boxes.opens(), boxes.closes(), boxes.opensAgain(),
				boxes.closesAgain());
	}

	static String idOf(DayOfWeek day) {
		return day.name().toLowerCase(Locale.UK);
	}

	WeekForm basedOn(long newVersion) {
		return new WeekForm(week(), newVersion);
	}

}
