package uk.yourarea.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Site-wide settings: the service name, whether this is a demonstration, and how long shared caches
 * may keep a public page.
 */
@ConfigurationProperties("yourarea.site")
public record SiteProperties(@DefaultValue("Your Area") String serviceName, @DefaultValue("true") boolean demonstration,
		@DefaultValue("300s") Duration publicMaxAge) {
}
