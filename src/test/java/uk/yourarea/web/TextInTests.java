package uk.yourarea.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which version of something staff wrote a page shows, and when it says the language.
 */
class TextInTests {

	@Test
	void aWelshPageShowsTheWelshUnmarked() {
		assertThat(TextIn.of(Languages.WELSH, "Wigston team", "Tîm Wigston"))
			.isEqualTo(new TextIn("Tîm Wigston", null));
		assertThat(TextIn.of(Locale.forLanguageTag("cy-GB"), "Wigston team", "Tîm Wigston").text())
			.isEqualTo("Tîm Wigston");
	}

	@Test
	void aWelshPageWithoutWelshShowsTheEnglishMarkedAsEnglish() {
		assertThat(TextIn.of(Languages.WELSH, "Wigston team", null)).isEqualTo(new TextIn("Wigston team", "en"));
		assertThat(TextIn.of(Languages.WELSH, "Wigston team", "  ")).isEqualTo(new TextIn("Wigston team", "en"));
	}

	@Test
	void anEnglishPageShowsTheEnglishUnmarkedWhateverWelshThereIs() {
		assertThat(TextIn.of(Languages.ENGLISH, "Wigston team", "Tîm Wigston"))
			.isEqualTo(new TextIn("Wigston team", null));
		assertThat(TextIn.of(Locale.FRENCH, "Wigston team", "Tîm Wigston")).isEqualTo(new TextIn("Wigston team", null));
	}

	@Test
	void onlyWelshShowsOnAnEnglishPageMarkedAsWelsh() {
		assertThat(TextIn.of(Languages.ENGLISH, null, "Tîm Wigston")).isEqualTo(new TextIn("Tîm Wigston", "cy"));
	}

	@Test
	void nothingInEitherLanguageIsNothing() {
		TextIn nothing = TextIn.of(Languages.WELSH, null, null);
		assertThat(nothing.present()).isFalse();
		assertThat(nothing.lang()).isNull();
		assertThat(nothing).hasToString("");
	}

	@Test
	void noEnglishIsNothingAndABlankWelshFieldIsNone() {
		assertThat(TextIn.chooseOptional(Languages.WELSH, null, "Goryrru")).isNull();
		assertThat(TextIn.chooseOptional(Languages.WELSH, "Speeding", "Goryrru")).hasToString("Goryrru");
		assertThat(TextIn.orNull(" ")).isNull();
		assertThat(TextIn.orNull(null)).isNull();
		assertThat(TextIn.orNull(" Goryrru ")).isEqualTo("Goryrru");
	}

}
