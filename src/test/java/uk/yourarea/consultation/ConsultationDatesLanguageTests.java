package uk.yourarea.consultation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consultation's dates read in the language of the page: English on an English page,
 * with Welsh day and month names on a Welsh one.
 */
class ConsultationDatesLanguageTests {

	static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 30);

	final ConsultationDates dates = new ConsultationDates(
			Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneId.of("Europe/London")), siteWording());

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void englishOnAnEnglishPage() {
		LocaleContextHolder.setLocale(Languages.ENGLISH);

		assertThat(this.dates.day(LAST_DAY)).isEqualTo("Monday 30 November 2026");
		assertThat(this.dates.shortDay(LAST_DAY)).isEqualTo("30 November 2026");
		assertThat(this.dates.endOfInWords(LAST_DAY)).isEqualTo("the end of Monday 30 November 2026");
		assertThat(this.dates.moment(Instant.parse("2026-11-30T14:15:00Z"))).isEqualTo("2:15pm on 30 November 2026");
	}

	@Test
	void welshDayAndMonthNamesOnAWelshPage() {
		LocaleContextHolder.setLocale(Languages.WELSH);

		assertThat(this.dates.day(LAST_DAY)).isEqualTo("Dydd Llun 30 Tachwedd 2026");
		assertThat(this.dates.shortDay(LAST_DAY)).isEqualTo("30 Tachwedd 2026");
	}

	private static ResourceBundleMessageSource siteWording() {
		ResourceBundleMessageSource wording = new ResourceBundleMessageSource();
		wording.setBasename("messages");
		wording.setDefaultEncoding("UTF-8");
		wording.setFallbackToSystemLocale(false);
		return wording;
	}

}
