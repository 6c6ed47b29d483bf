package uk.yourarea.dataprotection;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import uk.yourarea.personaldata.PersonSearch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables the docs name for the desk's log key reach its hashes, from
 * the real application.yml; without a key, start-up outside the demo says what that
 * leaves open, and the demo says nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class SearchKeySettingsTests {

	private static final String SECRET = "the-key-of-this-desk-at-least-32-characters";

	private static final String OLD = "the-key-it-had-last-year-at-least-32-chars";

	@Test
	void theDocumentedEnvironmentVariablesSetTheKeyAndThePreviousOnes(CapturedOutput output) {
		Map<String, Object> variables = Map.of("YOURAREA_DATAPROTECTION_SEARCH_SECRET", SECRET + "\n",
				"YOURAREA_DATAPROTECTION_SEARCH_PREVIOUS", OLD + ", the-key-before-that-one-at-least-32-chars");

		try (ConfigurableApplicationContext context = start(variables)) {
			SearchKeyProperties properties = context.getBean(SearchKeyProperties.class);
			SearchHashes hashes = context.getBean(SearchHashes.class);
			PersonSearch search = PersonSearch.email("Someone@Example.org ");

			assertThat(properties.secret()).isEqualTo(SECRET);
			assertThat(properties.previous()).containsExactly(OLD, "the-key-before-that-one-at-least-32-chars");
			assertThat(hashes.keyed()).isTrue();
			assertThat(hashes.hash(search)).isEqualTo(hashes.hash(PersonSearch.email("someone@example.org")))
				.isEqualTo(hashes.candidates(search).get(0))
				.isNotEqualTo(new SearchHashes(new SearchKeyProperties(OLD, List.of())).hash(search))
				.isNotEqualTo(new SearchHashes(new SearchKeyProperties(null, List.of())).hash(search));
			assertThat(hashes.candidates(search)).hasSize(4)
				.contains(new SearchHashes(new SearchKeyProperties(OLD, List.of())).hash(search))
				.endsWith(new SearchHashes(new SearchKeyProperties(null, List.of())).hash(search));
		}
		assertThat(output).doesNotContain(UnkeyedSearchesWarning.WARNING);
	}

	@Test
	void withoutAKeyStartUpOutsideTheDemoWarns(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(Map.of())) {
			assertThat(context.getBean(SearchHashes.class).keyed()).isFalse();
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains(UnkeyedSearchesWarning.WARNING)))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN"));
	}

	@Test
	void theDemoDoesNotWarn(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(Map.of(), "demo")) {
			assertThat(context.getBeansOfType(UnkeyedSearchesWarning.class)).isEmpty();
		}
		assertThat(output).doesNotContain(UnkeyedSearchesWarning.WARNING);
	}

	private static ConfigurableApplicationContext start(Map<String, Object> variables, String... profiles) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return new SpringApplicationBuilder(Settings.class, SearchHashes.class, UnkeyedSearchesWarning.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.environment(environment)
			.profiles(profiles)
			.run();
	}

	@EnableConfigurationProperties(SearchKeyProperties.class)
	static class Settings {

	}

}
