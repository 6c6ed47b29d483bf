package uk.yourarea.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secure, __Host- cookies are the default with the real application.yml; only the demo
 * profile turns them off (for http://localhost), and turning them off anywhere else is
 * possible only explicitly, with a warning at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecureCookiesSettingTests {

	@Test
	void cookiesAreSecureAndHostPrefixedUnlessSetOtherwise(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(new String[0])) {
			StaffSecurityProperties properties = context.getBean(StaffSecurityProperties.class);

			assertThat(properties.secureCookies()).isTrue();
			assertThat(properties.sessionCookieName()).isEqualTo("__Host-YOURAREA_SESSION");
			assertThat(properties.csrfCookieName()).isEqualTo("__Host-YOURAREA_CSRF");
			assertThat(context.getBeansOfType(InsecureCookiesWarning.class)).hasSize(1);
		}
		assertThat(output).doesNotContain("secure-cookies is false");
	}

	@Test
	void turningThemOffOutsideTheDemoLogsAWarning(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(new String[0],
				"--yourarea.security.secure-cookies=false")) {
			assertThat(context.getBean(StaffSecurityProperties.class).secureCookies()).isFalse();
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("secure-cookies is false"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN").contains(InsecureCookiesWarning.WARNING));
	}

	@Test
	void theDemoOnHttpLocalhostHasPlainCookiesAndNoWarning(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start(new String[] { "demo" })) {
			StaffSecurityProperties properties = context.getBean(StaffSecurityProperties.class);

			assertThat(properties.secureCookies()).isFalse();
			assertThat(properties.sessionCookieName()).isEqualTo("JSESSIONID");
			assertThat(context.getBeansOfType(InsecureCookiesWarning.class)).isEmpty();
		}
		assertThat(output).doesNotContain("secure-cookies is false");
	}

	/**
	 * Just the settings and the warning, read from the real application.yml and
	 * application-demo.yml: no database, no web server.
	 */
	private static ConfigurableApplicationContext start(String[] profiles, String... arguments) {
		return new SpringApplicationBuilder(Settings.class, InsecureCookiesWarning.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.profiles(profiles)
			.run(arguments);
	}

	@EnableConfigurationProperties(StaffSecurityProperties.class)
	static class Settings {

	}

}
