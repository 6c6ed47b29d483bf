package uk.yourarea.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The police force this deployment serves, as residents see it on every page.
 */
@ConfigurationProperties("yourarea.force")
public record ForceProperties(String name, String shortName, String website, String onlineReportingUrl,
		@DefaultValue("https://www.police.uk/") String policeUkUrl, String policeForceAreaCode,
		@DefaultValue List<String> localAuthorityCodes, @DefaultValue List<SocialLink> socialLinks) {

	public record SocialLink(String label, String url) {
	}

}
