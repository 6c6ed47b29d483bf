package uk.yourarea.event;

import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOfDayTests {

	@ParameterizedTest
	@CsvSource({ "6:30pm, 18:30", "6pm, 18:00", "6.30 pm, 18:30", "6:30 P.M., 18:30", "12am, 00:00", "12pm, 12:00",
			"12:15am, 00:15", "18:30, 18:30", "09:05, 09:05", "0:00, 00:00", "midday, 12:00", "noon, 12:00",
			"10AM, 10:00" })
	void readsTimesAsPeopleTypeThem(String typed, String expected) {
		assertThat(TimeOfDay.parse(typed)).contains(LocalTime.parse(expected));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "6", "18", "25:00", "18:60", "13pm", "0am", "half six", "6:3pm", "6:30xm" })
	void refusesWhatIsNotATime(String typed) {
		assertThat(TimeOfDay.parse(typed)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "18:30, 6:30pm", "10:00, 10am", "12:00, 12pm", "00:00, 12am", "09:05, 9:05am" })
	void writesTimesAsTheSiteDoes(String time, String expected) {
		assertThat(TimeOfDay.format(LocalTime.parse(time))).isEqualTo(expected);
	}

}
