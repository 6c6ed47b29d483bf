package uk.yourarea.station;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One opening period of a station on a day of the week. */
@Embeddable
public class OpeningHours {

	@Column(name = "day_of_week")
	private int dayOfWeek;

	private LocalTime opensAt;

	private LocalTime closesAt;

	protected OpeningHours() {
	}

	public OpeningHours(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {
		if (!closesAt.isAfter(opensAt)) {
			throw new IllegalArgumentException("A station must close after it opens");
		}
		this.dayOfWeek = day.getValue();
		this.opensAt = opensAt;
		this.closesAt = closesAt;
	}

	public DayOfWeek getDay() {
		return DayOfWeek.of(this.dayOfWeek);
	}

	public LocalTime getOpensAt() {
		return this.opensAt;
	}

	public LocalTime getClosesAt() {
		return this.closesAt;
	}

}
