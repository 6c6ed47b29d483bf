package uk.yourarea.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedPageCacheTests {

	@Test
	void matchesAnEntityTagStrongOrWeakOrInAList() {
		assertThat(RenderedPageCache.matches("\"abc\"", "\"abc\"")).isTrue();
		assertThat(RenderedPageCache.matches("W/\"abc\"", "\"abc\"")).isTrue();
		assertThat(RenderedPageCache.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
		assertThat(RenderedPageCache.matches("*", "\"abc\"")).isTrue();
		assertThat(RenderedPageCache.matches("\"abd\"", "\"abc\"")).isFalse();
		assertThat(RenderedPageCache.matches(null, "\"abc\"")).isFalse();
	}

	@Test
	void acceptsGzipUnlessItsQualityIsZero() {
		assertThat(RenderedPageCache.acceptsGzip("gzip, deflate, br")).isTrue();
		assertThat(RenderedPageCache.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
		assertThat(RenderedPageCache.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(RenderedPageCache.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(RenderedPageCache.acceptsGzip("deflate")).isFalse();
		assertThat(RenderedPageCache.acceptsGzip(null)).isFalse();
	}

}
