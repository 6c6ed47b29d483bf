package uk.yourarea.station;

import java.time.LocalTime;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import uk.yourarea.web.FormError;
import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;

class HoursInputTests {

	private static final MessageSource MESSAGES = messages();

	private static MessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "staff");
		messages.setDefaultEncoding("UTF-8");
		return messages;
	}

	private static HoursInput.Result check(@Nullable String opens, @Nullable String closes, @Nullable String opensAgain,
			@Nullable String closesAgain) {
		return new HoursInput("Monday", "monday-", opens, closes, opensAgain, closesAgain).check(MESSAGES);
	}

	@Test
	void allBlankIsClosed() {
		HoursInput.Result result = check(" ", "", null, "");

		assertThat(result.ok()).isTrue();
		assertThat(result.periods()).isEmpty();
	}

	@Test
	void onePeriod() {
		HoursInput.Result result = check("9am", "17:00", "", "");

		assertThat(result.ok()).isTrue();
		assertThat(Period.describe(result.periods(), MESSAGES, Languages.ENGLISH)).isEqualTo("9am to 5pm");
	}

	@Test
	void twoPeriodsWithABreak() {
		HoursInput.Result result = check("9:00", "12:30pm", "1:30pm", "5pm");

		assertThat(result.ok()).isTrue();
		assertThat(result.periods()).extracting(Period::getOpensAt)
			.containsExactly(LocalTime.of(9, 0), LocalTime.of(13, 30));
		assertThat(Period.describe(result.periods(), MESSAGES, Languages.ENGLISH))
			.isEqualTo("9am to 12:30pm and 1:30pm to 5pm");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", value = { "-|5pm|-|-|monday-opens|Enter an opening time for Monday",
			"-|-|1pm|5pm|monday-opens|Enter an opening time for Monday",
			"nine|5pm|-|-|monday-opens|Enter the opening time for Monday as a time, like 9am or 09:00",
			"9am|-|-|-|monday-closes|Enter a closing time for Monday",
			"9am|25:00|-|-|monday-closes|Enter the closing time for Monday as a time, like 5pm or 17:00",
			"9am|9am|-|-|monday-closes|The closing time for Monday must be after the opening time",
			"5pm|9am|-|-|monday-closes|The closing time for Monday must be after the opening time",
			"9am|12:30pm|-|5pm|monday-opens-again|Enter the time it opens again for Monday, or clear the second period",
			"9am|12:30pm|1pm|-|monday-closes-again|Enter the time it closes again for Monday",
			"9am|12:30pm|1:3Opm|5pm|monday-opens-again|Enter the time it opens again for Monday as a time, like 1:30pm or 13:30",
			"9am|12:30pm|1:30pm|5|monday-closes-again|Enter the time it closes again for Monday as a time, like 5pm or 17:00",
			"9am|1pm|12:30pm|5pm|monday-opens-again|The time it opens again for Monday must be after the first closing time, so the periods do not overlap",
			"9am|12:30pm|12:30pm|5pm|monday-opens-again|The time it opens again for Monday must be after the first closing time, so the periods do not overlap",
			"9am|12:30pm|1:30pm|1pm|monday-closes-again|The time it closes again for Monday must be after the time it opens again" })
	void saysWhatIsWrongAndWhere(@Nullable String opens, @Nullable String closes, @Nullable String opensAgain,
			@Nullable String closesAgain, String field, String message) {
		HoursInput.Result result = check(opens, closes, opensAgain, closesAgain);

		assertThat(result.ok()).isFalse();
		assertThat(result.error()).isEqualTo(new FormError(field, message));
		assertThat(result.periods()).isEmpty();
	}

	@Test
	void showsSavedPeriodsInTheFormsBoxes() {
		HoursInput.Result result = check("9am", "12:30pm", "1:30pm", "5pm");

		assertThat(HoursInput.boxes(result.periods())).containsExactly("9:00", "12:30", "13:30", "17:00");
	}

}
