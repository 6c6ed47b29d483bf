package uk.yourarea.station;

import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Embeddable;

import org.springframework.context.MessageSource;

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

	/**
	 * The hours as a page in a language says them: "9am to 5pm", "9am to 12:30pm and
	 * 1:30pm to 5pm", or "Closed"; the words are in the bundle.
	 */
	public static String describe(List<Period> periods, MessageSource text, Locale language) {
		List<String> each = periods.stream()
			.sorted(Comparator.comparing(Period::getOpensAt))
			.map((period) -> text.getMessage("station.hours.period",
					new Object[] { TimeOfDay.format(period.opensAt, Noon.MIDDAY, text, language),
							TimeOfDay.format(period.closesAt, Noon.MIDDAY, text, language) },
					language))
			.toList();
		if (each.isEmpty()) {
			return text.getMessage("station.hours.closed", null, language);
		}
		String hours = each.get(0);
		for (String next : each.subList(1, each.size())) {
			hours = text.getMessage("station.hours.and", new Object[] { hours, next }, language);
		}
		return hours;
	}

}
