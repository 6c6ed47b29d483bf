package uk.yourarea.area;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;

import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Your Area page's wording and dates are in the request's language, so an English and a
 * Welsh page are cached apart: a Welsh reader never gets the English page from the cache.
 */
class AreaPagesCacheKeyTests {

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void englishAndWelshPagesAreCachedApart() {
		LocaleContextHolder.setLocale(Languages.ENGLISH);
		String english = AreaPages.cacheKey("wigston");
		LocaleContextHolder.setLocale(Languages.WELSH);
		String welsh = AreaPages.cacheKey("wigston");

		assertThat(english).isEqualTo("wigston");
		assertThat(welsh).isNotEqualTo(english).contains("wigston");
	}

	@Test
	void aPageReadBeforeAChangeIsCachedWhereNoOneLooksAfterIt() {
		AreaPages pages = new AreaPages(null, null, null, null, null, null, null, null, null, null);
		String before = pages.cacheKeyNow("wigston");

		pages.changed();

		assertThat(pages.cacheKeyNow("wigston")).isNotEqualTo(before).endsWith("wigston");
		assertThat(pages.cacheKeyNow("wigston")).isEqualTo(pages.cacheKeyNow("wigston"));
	}

}
