package uk.yourarea.web;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a force changes the site's wording without building it again, as docs/operations.md
 * ("Welsh") says: a bundle of its own named first in {@code spring.messages.basename}, on
 * the classpath. Spring Boot reads bundles from the classpath only: a {@code file:}
 * basename is not found.
 */
class WordingOverridesTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
		.withPropertyValues("spring.messages.encoding=UTF-8", "spring.messages.fallback-to-system-locale=false");

	@Test
	void aBundleNamedFirstOverridesTheKeysItHasAndNoOthers() {
		this.context.withPropertyValues("spring.messages.basename=wording-test/force-wording,messages")
			.run((context) -> {
				MessageSource messages = context.getBean(MessageSource.class);
				assertThat(messages.getMessage("page.navigation.find", null, Languages.ENGLISH))
					.isEqualTo("Find your neighbourhood team");
				assertThat(messages.getMessage("page.navigation.areas", null, Languages.ENGLISH))
					.isEqualTo("All neighbourhoods");
			});
	}

	@Test
	void aBundleInAFolderAddedToTheClasspathIsFound(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("wording.properties"), "page.navigation.areas=Every neighbourhood\n",
				StandardCharsets.UTF_8);
		Files.writeString(folder.resolve("wording_cy.properties"), "page.navigation.areas=Pob cymdogaeth\n",
				StandardCharsets.UTF_8);
		try (URLClassLoader classpath = new URLClassLoader(new URL[] { folder.toUri().toURL() },
				getClass().getClassLoader())) {
			this.context.withClassLoader(classpath)
				.withPropertyValues("spring.messages.basename=wording,messages")
				.run((context) -> {
					MessageSource messages = context.getBean(MessageSource.class);
					assertThat(messages.getMessage("page.navigation.areas", null, Languages.ENGLISH))
						.isEqualTo("Every neighbourhood");
					assertThat(messages.getMessage("page.navigation.areas", null, Languages.WELSH))
						.isEqualTo("Pob cymdogaeth");
					assertThat(messages.getMessage("page.navigation.find", null, Languages.ENGLISH))
						.isEqualTo("Find your area");
				});
		}
	}

	@Test
	void aFileBasenameIsNotFound(@TempDir Path folder) throws IOException {
		Path wording = folder.resolve("wording.properties");
		Files.writeString(wording, "page.navigation.areas=Every neighbourhood\n", StandardCharsets.UTF_8);
		String basename = "file:" + folder.resolve("wording");
		this.context.withPropertyValues("spring.messages.basename=" + basename + ",messages").run((context) -> {
			MessageSource messages = context.getBean(MessageSource.class);
			assertThat(messages.getMessage("page.navigation.areas", null, Languages.ENGLISH))
				.isEqualTo("All neighbourhoods");
		});
	}

}
