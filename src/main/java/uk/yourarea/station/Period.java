package uk.yourarea.station;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.Embeddable;

import uk.yourarea.web.TimeOfDay;
import uk.yourarea.web.TimeOfDay.Noon;

/** A time a station is open on one day: from {@code opensAt} until {@code closesAt}. */
@Embeddable
public class Period {

	private LocalTime opensAt;

	private LocalTime closesAt;

	protected Period() {
	}

	public Period(LocalTime opensAt, LocalTime closesAt) {
		if (!closesAt.isAfter(opensAt)) {
			throw new IllegalArgumentException("A station must close after it opens");
		}
		this.opensAt = opensAt;
		this.closesAt = closesAt;
	}

	public LocalTime getOpensAt() {
		return this.opensAt;
	}

	public LocalTime getClosesAt() {
		return this.closesAt;
	}

	/** "9am to 5pm", "9am to 12:30pm and 1:30pm to 5pm", or "Closed". */
	public static String describe(List<Period> periods) {
		String hours = periods.stream()
			.sorted(Comparator.comparing(Period::getOpensAt))
			.map((period) -> TimeOfDay.format(period.opensAt, Noon.MIDDAY) + " to "
					+ TimeOfDay.format(period.closesAt, Noon.MIDDAY))
			.collect(Collectors.joining(" and "));
		return hours.isEmpty() ? "Closed" : hours;
	}

}
