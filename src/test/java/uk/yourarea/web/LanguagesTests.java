package uk.yourarea.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTests {

	@Test
	void welshIsWelshWhateverItsCountryAndAnythingElseIsEnglish() {
		assertThat(Languages.of(Locale.forLanguageTag("cy-GB"))).isEqualTo(Languages.WELSH);
		assertThat(Languages.of(Locale.FRENCH)).isEqualTo(Languages.ENGLISH);
		assertThat(Languages.of(null)).isEqualTo(Languages.ENGLISH);
	}

	@Test
	void storedTagsAndPathPrefixes() {
		assertThat(Languages.tagOf(Languages.WELSH)).isEqualTo("cy");
		assertThat(Languages.tagOf(Locale.US)).isEqualTo("en");
		assertThat(Languages.fromTag("cy")).isEqualTo(Languages.WELSH);
		assertThat(Languages.fromTag("xx")).isEqualTo(Languages.ENGLISH);
		assertThat(Languages.pathPrefix(Languages.WELSH)).isEqualTo("/cy");
		assertThat(Languages.pathPrefix(Languages.ENGLISH)).isEmpty();
	}

}
