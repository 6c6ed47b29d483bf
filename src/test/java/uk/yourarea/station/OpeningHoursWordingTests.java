package uk.yourarea.station;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening hours as a page says them, in its language: the English as it always was, the
 * Welsh from the Welsh bundle.
 */
class OpeningHoursWordingTests {

	private static final List<Period> SPLIT_DAY = List.of(new Period(LocalTime.of(13, 30), LocalTime.of(17, 0)),
			new Period(LocalTime.of(9, 0), LocalTime.of(12, 30)));

	private static final List<Period> MORNING = List.of(new Period(LocalTime.of(8, 0), LocalTime.NOON));

	private final ResourceBundleMessageSource text = new ResourceBundleMessageSource();

	OpeningHoursWordingTests() {
		this.text.setBasenames("messages");
		this.text.setDefaultEncoding("UTF-8");
		this.text.setFallbackToSystemLocale(false);
	}

	@Test
	void inEnglishAsTheStaffPagesSayThem() {
		assertThat(Period.describe(SPLIT_DAY, this.text, Languages.ENGLISH))
			.isEqualTo("9am to 12:30pm and 1:30pm to 5pm");
		assertThat(Period.describe(MORNING, this.text, Languages.ENGLISH)).isEqualTo("8am to midday");
		assertThat(Period.describe(List.of(), this.text, Languages.ENGLISH)).isEqualTo("Closed");
	}

	@Test
	void inWelsh() {
		assertThat(Period.describe(SPLIT_DAY, this.text, Languages.WELSH)).isEqualTo("9yb i 12:30yh a 1:30yh i 5yh");
		assertThat(Period.describe(MORNING, this.text, Languages.WELSH)).isEqualTo("8yb i canol dydd");
		assertThat(Period.describe(List.of(), this.text, Languages.WELSH)).isEqualTo("Ar gau");
	}

}
