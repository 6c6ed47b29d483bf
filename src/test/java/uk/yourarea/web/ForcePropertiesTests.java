package uk.yourarea.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The force's and the service's names in Welsh: set, a Welsh reader gets them; unset or
 * blank, the English, which an English reader always gets.
 */
class ForcePropertiesTests {

	@Test
	void aWelshReaderGetsTheWelshNamesAndAnEnglishReaderTheEnglish() {
		ForceProperties force = force(Map.of("yourarea.force.name-cy", "Heddlu Dyfed-Powys",
				"yourarea.force.short-name-cy", "Dyfed-Powys (cy)"));

		assertThat(force.nameIn(Languages.WELSH)).isEqualTo("Heddlu Dyfed-Powys");
		assertThat(force.nameIn(Locale.forLanguageTag("cy-GB"))).isEqualTo("Heddlu Dyfed-Powys");
		assertThat(force.shortNameIn(Languages.WELSH)).isEqualTo("Dyfed-Powys (cy)");
		assertThat(force.nameIn(Languages.ENGLISH)).isEqualTo("Dyfed-Powys Police");
		assertThat(force.shortNameIn(Languages.ENGLISH)).isEqualTo("Dyfed-Powys");
		assertThat(force.nameIn(null)).isEqualTo("Dyfed-Powys Police");
	}

	@Test
	void withoutWelshNamesAWelshReaderGetsTheEnglishOnes() {
		ForceProperties unset = force(Map.of());
		ForceProperties blank = force(Map.of("yourarea.force.name-cy", " ", "yourarea.force.short-name-cy", ""));

		for (ForceProperties force : new ForceProperties[] { unset, blank }) {
			assertThat(force.nameIn(Languages.WELSH)).isEqualTo("Dyfed-Powys Police");
			assertThat(force.shortNameIn(Languages.WELSH)).isEqualTo("Dyfed-Powys");
		}
		assertThat(unset.nameCy()).isNull();
	}

	@Test
	void theServiceNameFallsBackTheSameWay() {
		SiteProperties welsh = site(Map.of("yourarea.site.service-name-cy", "Eich Ardal"));
		SiteProperties unset = site(Map.of());

		assertThat(welsh.serviceNameIn(Languages.WELSH)).isEqualTo("Eich Ardal");
		assertThat(welsh.serviceNameIn(Languages.ENGLISH)).isEqualTo("Your Area");
		assertThat(unset.serviceNameIn(Languages.WELSH)).isEqualTo("Your Area");
	}

	private static ForceProperties force(Map<String, String> welsh) {
		Map<String, String> settings = new HashMap<>(welsh);
		settings.put("yourarea.force.name", "Dyfed-Powys Police");
		settings.put("yourarea.force.short-name", "Dyfed-Powys");
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("yourarea.force",
				ForceProperties.class);
	}

	private static SiteProperties site(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("yourarea.site",
				SiteProperties.class);
	}

}
