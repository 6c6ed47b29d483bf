package uk.yourarea.alert;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import uk.yourarea.web.SharedSecret;

/**
 * The key that signs residents' personal "manage your alerts" links
 * ({@link ManageLinks}). Leave it unset and the first instance makes one and keeps it in
 * the database; set it from the environment ({@code YOURAREA_ALERTS_LINKS_SECRET}, at
 * least 32 characters) so that the database alone opens no link.
 *
 * @param secret the key, or null for the one kept in the database
 */
@ConfigurationProperties("yourarea.alerts.links")
record AlertLinkProperties(@Nullable String secret) {

	AlertLinkProperties {
		if (secret != null && !secret.isBlank() && secret.length() < SharedSecret.SHORTEST) {
			throw new IllegalArgumentException(
					"yourarea.alerts.links.secret must be at least " + SharedSecret.SHORTEST + " characters");
		}
	}

}
