package uk.yourarea.web;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The police force this deployment serves, as residents see it on every page.
 * <p>
 * {@code nameCy} and {@code shortNameCy} are the force's names in Welsh ("Heddlu
 * Dyfed-Powys"), for the Welsh pages and the emails to residents who chose Welsh; unset,
 * those show the English names. Staff pages and the open data API always use the English.
 */
@ConfigurationProperties("yourarea.force")
public record ForceProperties(String name, @Nullable String nameCy, String shortName, @Nullable String shortNameCy,
		String website, String onlineReportingUrl, @DefaultValue("https://www.police.uk/") String policeUkUrl,
		String policeForceAreaCode, @DefaultValue List<String> localAuthorityCodes,
		@DefaultValue List<SocialLink> socialLinks) {

	/**
	 * The force's name in a language: its Welsh name where it has one, else the English.
	 */
	public String nameIn(@Nullable Locale language) {
		return TextIn.pick(language, this.name, this.nameCy);
	}

	/** The force's short name in a language, like {@link #nameIn}. */
	public String shortNameIn(@Nullable Locale language) {
		return TextIn.pick(language, this.shortName, this.shortNameCy);
	}

	public record SocialLink(String label, String url) {
	}

}
