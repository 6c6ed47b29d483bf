package uk.yourarea.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Site-wide settings: the service name, whether this is a demonstration, how long
 * browsers ({@code publicMaxAge}) and shared caches such as a CDN ({@code sharedMaxAge})
 * may keep a public page before asking again, how long the site keeps a rendered page
 * itself, the address the site is reached at (for links in emails), and the languages the
 * public site speaks ({@code en}, or {@code en,cy} for a force in Wales).
 * <p>
 * {@code serviceNameCy} is the service's name on Welsh pages; unset, they show
 * {@code serviceName}. Staff pages always show {@code serviceName}.
 */
@ConfigurationProperties("yourarea.site")
public record SiteProperties(@DefaultValue("Your Area") String serviceName, @Nullable String serviceNameCy,
		@DefaultValue("true") boolean demonstration, @DefaultValue("0s") Duration publicMaxAge,
		@DefaultValue("60s") Duration sharedMaxAge, @DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("60s") Duration renderedPageLifetime, @DefaultValue("en") List<String> languages) {

	/** The base URL is kept without a trailing slash, so that links join it to a path. */
	public SiteProperties {
		int end = baseUrl.length();
		while (end > 0 && baseUrl.charAt(end - 1) == '/') {
			end--;
		}
		baseUrl = baseUrl.substring(0, end);
	}

	/**
	 * The service's name in a language: its Welsh name where it has one, else the
	 * English.
	 */
	public String serviceNameIn(@Nullable Locale language) {
		return TextIn.pick(language, this.serviceName, this.serviceNameCy);
	}

	/** Whether the public site is offered in Welsh too (pages under {@code /cy}). */
	public boolean offersWelsh() {
		return this.languages.contains("cy");
	}

	/** The {@code Cache-Control} of every public page, feed and redirect between them. */
	public String publicCacheControl() {
		return "public, max-age=" + this.publicMaxAge.toSeconds() + ", s-maxage=" + this.sharedMaxAge.toSeconds();
	}

	/**
	 * An absolute link for emails: the base URL with the path appended (an alert makes
	 * five for each of its recipients).
	 */
	public String link(String path) {
		return this.baseUrl + path;
	}

}
