package uk.yourarea.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables the docs name for the sealing key reach the settings: a key
 * and a comma-separated list of previous ones, from the real application.yml.
 */
class AuthenticatorKeySettingsTests {

	@Test
	void theDocumentedEnvironmentVariablesSetTheKeyAndThePreviousOnes() {
		Map<String, Object> variables = Map.of("YOURAREA_SECURITY_TOTP_SECRET",
				"the-key-of-this-site-at-least-32-characters\n", "YOURAREA_SECURITY_TOTP_PREVIOUS",
				"the-key-it-had-last-year-at-least-32-chars, the-key-before-that-one-at-least-32-chars");

		try (ConfigurableApplicationContext context = start(variables)) {
			AuthenticatorKeyProperties properties = context.getBean(AuthenticatorKeyProperties.class);

			assertThat(properties.secret()).isEqualTo("the-key-of-this-site-at-least-32-characters");
			assertThat(properties.previous()).containsExactly("the-key-it-had-last-year-at-least-32-chars",
					"the-key-before-that-one-at-least-32-chars");
		}
	}

	@Test
	void withoutThemKeysAreKeptInClear() {
		try (ConfigurableApplicationContext context = start(Map.of())) {
			AuthenticatorKeyProperties properties = context.getBean(AuthenticatorKeyProperties.class);

			assertThat(properties.secret()).isNull();
			assertThat(properties.previous()).isEqualTo(List.of());
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.environment(environment)
			.run();
	}

	@EnableConfigurationProperties(AuthenticatorKeyProperties.class)
	static class Settings {

	}

}
