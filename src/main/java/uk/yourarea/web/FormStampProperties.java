package uk.yourarea.web;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key that signs when a resident's form was shown ({@link FormStamps}). Leave it
 * unset and the first instance makes one and keeps it in the database, shared by every
 * instance; set it (from the environment, {@code YOURAREA_FORMS_STAMP_SECRET}, at least
 * 32 characters) to choose it yourself.
 *
 * @param secret the key, or null for the one kept in the database
 */
@ConfigurationProperties("yourarea.forms.stamp")
public record FormStampProperties(@Nullable String secret) {

	public FormStampProperties {
		if (secret != null && !secret.isBlank() && secret.length() < SharedSecret.SHORTEST) {
			throw new IllegalArgumentException(
					"yourarea.forms.stamp.secret must be at least " + SharedSecret.SHORTEST + " characters");
		}
	}

}
