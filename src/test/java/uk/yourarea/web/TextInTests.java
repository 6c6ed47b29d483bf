package uk.yourarea.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which text a page shows, and in which language it says it is. */
class TextInTests {

	@Test
	void aWelshPageShowsTheWelshWhenThereIsSome() {
		assertThat(TextIn.choose(Languages.WELSH, "Speeding", "Goryrru")).isEqualTo(new TextIn("Goryrru", "cy"));
		assertThat(TextIn.choose(Locale.forLanguageTag("cy-GB"), "Speeding", "Goryrru").lang()).isEqualTo("cy");
	}

	@Test
	void aWelshPageShowsTheEnglishMarkedAsEnglishWhenThereIsNoWelsh() {
		assertThat(TextIn.choose(Languages.WELSH, "Speeding", null)).isEqualTo(new TextIn("Speeding", "en"));
		assertThat(TextIn.choose(Languages.WELSH, "Speeding", "  ")).isEqualTo(new TextIn("Speeding", "en"));
	}

	@Test
	void anEnglishPageShowsTheEnglish() {
		assertThat(TextIn.choose(Languages.ENGLISH, "Speeding", "Goryrru")).isEqualTo(new TextIn("Speeding", "en"));
		assertThat(TextIn.choose(null, "Speeding", "Goryrru").text()).isEqualTo("Speeding");
		assertThat(TextIn.chooseOptional(Languages.WELSH, null, "Goryrru")).isNull();
		assertThat(TextIn.choose(Languages.WELSH, "Speeding", "Goryrru")).hasToString("Goryrru");
	}

	@Test
	void blankIsNone() {
		assertThat(TextIn.orNull(" ")).isNull();
		assertThat(TextIn.orNull(null)).isNull();
		assertThat(TextIn.orNull(" Goryrru ")).isEqualTo("Goryrru");
	}

}
