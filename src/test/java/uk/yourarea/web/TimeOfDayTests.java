package uk.yourarea.web;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import uk.yourarea.web.TimeOfDay.Noon;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOfDayTests {

	@ParameterizedTest
	@CsvSource({ "9:00, 09:00", "09:00, 09:00", "17:30, 17:30", "9am, 09:00", "9 am, 09:00", "9AM, 09:00",
			"5:30pm, 17:30", "5.30pm, 17:30", "12pm, 12:00", "12:15am, 00:15", "12am, 00:00", "midday, 12:00",
			"noon, 12:00", "0:00, 00:00", "23:59, 23:59", "' 8:45 ', 08:45", "10a.m., 10:00" })
	void readsTimesAsPeopleTypeThem(String typed, LocalTime expected) {
		assertThat(TimeOfDay.parse(typed)).contains(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "9", "17", "25:00", "9:60", "13pm", "0am", "9:5", "nine", "9-5", "9:00:00", "am" })
	void refusesWhatIsNotATimeOfDay(String typed) {
		assertThat(TimeOfDay.parse(typed)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "09:00, 9am", "17:30, 5:30pm", "12:00, midday", "00:00, 12am", "12:30, 12:30pm" })
	void showsOpeningHoursTheWayThePublicPagesDo(LocalTime time, String shown) {
		assertThat(TimeOfDay.format(time, Noon.MIDDAY)).isEqualTo(shown);
	}

	@ParameterizedTest
	@CsvSource({ "6:30pm, 18:30", "6pm, 18:00", "6.30 pm, 18:30", "6:30 P.M., 18:30", "12am, 00:00", "12pm, 12:00",
			"12:15am, 00:15", "18:30, 18:30", "09:05, 09:05", "0:00, 00:00", "midday, 12:00", "noon, 12:00",
			"10AM, 10:00" })
	void readsEventTimesAsPeopleTypeThem(String typed, String expected) {
		assertThat(TimeOfDay.parse(typed)).contains(LocalTime.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "6", "18", "25:00", "18:60", "13pm", "0am", "half six", "6:3pm", "6:30xm" })
	void refusesWhatIsNotAnEventTime(String typed) {
		assertThat(TimeOfDay.parse(typed)).isEmpty();
	}

	@Test
	void readsNothingTypedAsNoTime() {
		assertThat(TimeOfDay.parse(null)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "18:30, 6:30pm", "10:00, 10am", "12:00, 12pm", "00:00, 12am", "09:05, 9:05am" })
	void writesEventTimesAsTheSiteDoes(String time, String expected) {
		assertThat(TimeOfDay.format(LocalTime.parse(time), Noon.TWELVE_PM)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "09:00, 9:00", "17:30, 17:30", "00:05, 0:05" })
	void showsASavedTimeInATwentyFourHourBox(LocalTime time, String shown) {
		assertThat(TimeOfDay.forTwentyFourHourBox(time)).isEqualTo(shown);
	}

}
