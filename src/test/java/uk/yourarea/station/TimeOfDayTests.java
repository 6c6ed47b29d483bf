package uk.yourarea.station;

import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
	void showsTimesTheWayThePublicPagesDo(LocalTime time, String shown) {
		assertThat(TimeOfDay.describe(time)).isEqualTo(shown);
	}

}
