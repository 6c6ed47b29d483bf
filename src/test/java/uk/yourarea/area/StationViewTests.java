package uk.yourarea.area;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import uk.yourarea.area.AreaView.ExceptionView;
import uk.yourarea.area.AreaView.StationDay;
import uk.yourarea.area.AreaView.StationView;
import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a station shows on a day is worked out when the page is shown, from what was read
 * when it was cached: a page cached on Sunday evening is right on Monday morning.
 */
class StationViewTests {

	/** Sunday 20 December 2026. */
	private static final LocalDate SUNDAY = LocalDate.of(2026, 12, 20);

	private static final List<String> USUAL = List.of("8am to 6pm", "8am to 6pm", "8am to 6pm", "8am to 6pm",
			"8am to 6pm", "9am to 1pm", "Closed");

	private final StationView station = new StationView("Wigston Police Station", "Police station", "Bull Head Street",
			"LE18 1PA", true, USUAL, Set.of(DayOfWeek.SUNDAY),
			List.of(new ExceptionView(SUNDAY.plusDays(1), "10am to 2pm", null, false),
					new ExceptionView(SUNDAY.plusDays(5), "Closed", "Christmas Day", true),
					new ExceptionView(SUNDAY.plusDays(15), "Closed", "Refurbishment", true)));

	@Test
	void usualHoursOnADayWithoutAnException() {
		StationDay sunday = this.station.on(SUNDAY);

		assertThat(sunday.headlineKey()).isEqualTo("area.stations.closed-today");
		assertThat(sunday.unusualToday()).isFalse();
		assertThat(sunday.week()).filteredOn(AreaView.DayHours::today)
			.extracting(AreaView.DayHours::day)
			.containsExactly("Sunday");
		assertThat(sunday.upcoming()).extracting(AreaView.UpcomingChange::day)
			.containsExactly("Monday 21 December", "Friday 25 December");
	}

	@Test
	void afterMidnightTheSameCachedViewShowsTheNewDay() {
		StationDay monday = this.station.on(SUNDAY.plusDays(1));

		assertThat(monday.headlineKey()).isEqualTo("area.stations.open-today");
		assertThat(monday.hoursToday()).isEqualTo("10am to 2pm");
		assertThat(monday.unusualToday()).isTrue();
		assertThat(monday.week()).filteredOn(AreaView.DayHours::today)
			.extracting(AreaView.DayHours::day)
			.containsExactly("Monday");
		assertThat(monday.upcoming()).extracting(AreaView.UpcomingChange::hours)
			.containsExactly("10am to 2pm", "Closed (Christmas Day)", "Closed (Refurbishment)");
		assertThat(monday.upcoming().get(0).today()).isTrue();
	}

	@Test
	void closedForAReasonToday() {
		StationDay christmas = this.station.on(SUNDAY.plusDays(5));

		assertThat(christmas.headlineKey()).isEqualTo("area.stations.closed-today-because");
		assertThat(christmas.reasonToday()).isEqualTo("Christmas Day");
		assertThat(christmas.upcoming()).extracting(AreaView.UpcomingChange::date)
			.containsExactly("2026-12-25", "2027-01-04");
	}

	@Test
	void pastExceptionsDropOff() {
		StationDay later = this.station.on(SUNDAY.plusDays(6));

		assertThat(later.headlineKey()).isEqualTo("area.stations.open-today");
		assertThat(later.hoursToday()).isEqualTo("9am to 1pm");
		assertThat(later.upcoming()).extracting(AreaView.UpcomingChange::day).containsExactly("Monday 4 January");
	}

	@Test
	void dayNamesInWelshOnAWelshPage() {
		LocaleContextHolder.setLocale(Languages.WELSH);
		try {
			StationDay sunday = this.station.on(SUNDAY);

			assertThat(sunday.week()).filteredOn(AreaView.DayHours::today)
				.extracting(AreaView.DayHours::day)
				.containsExactly("Dydd Sul");
			assertThat(sunday.upcoming()).extracting(AreaView.UpcomingChange::day)
				.containsExactly("Dydd Llun 21 Rhagfyr", "Dydd Gwener 25 Rhagfyr");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void aDayIsClosedByItsFlagNotByItsWordsSoAlsoInWelsh() {
		StationView welsh = new StationView("Gorsaf Heddlu Wigston", "Gorsaf heddlu", "Bull Head Street", "LE18 1PA",
				true, List.of("8yb i 6yh", "8yb i 6yh", "8yb i 6yh", "8yb i 6yh", "8yb i 6yh", "9yb i 1yh", "Ar gau"),
				Set.of(DayOfWeek.SUNDAY), List.of());

		assertThat(welsh.on(SUNDAY).headlineKey()).isEqualTo("area.stations.closed-today");
		assertThat(welsh.on(SUNDAY).hoursToday()).isEqualTo("Ar gau");
		assertThat(welsh.on(SUNDAY.plusDays(1)).headlineKey()).isEqualTo("area.stations.open-today");
	}

}
