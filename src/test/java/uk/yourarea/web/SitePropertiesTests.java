package uk.yourarea.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Links in emails join the base URL to a path, however the base URL was written. */
class SitePropertiesTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://police.example", "https://police.example/", "https://police.example///" })
	void aLinkJoinsTheBaseUrlToThePathWithOneSlash(String baseUrl) {
		SiteProperties site = new SiteProperties("Your Area", null, false, Duration.ZERO, Duration.ofSeconds(60),
				baseUrl, Duration.ofSeconds(60), List.of("en"));

		assertThat(site.link("/area/wigston")).isEqualTo("https://police.example/area/wigston");
		assertThat(site.baseUrl()).isEqualTo("https://police.example");
	}

}
