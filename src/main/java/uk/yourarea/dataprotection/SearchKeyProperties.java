package uk.yourarea.dataprotection;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import uk.yourarea.web.KeyedHashes;

/**
 * The key under which the desk's log keeps what was searched for ({@link SearchHashes}),
 * so that a copy of the database alone cannot confirm that a guessed person was searched
 * for, exported or erased. It comes only from the environment and is never stored.
 *
 * @param secret at least 32 random characters
 * ({@code YOURAREA_DATAPROTECTION_SEARCH_SECRET}), the same on every instance; unset,
 * searches are kept as plain SHA-256, and outside the demo profile start-up says so
 * @param previous keys used before ({@code YOURAREA_DATAPROTECTION_SEARCH_PREVIOUS},
 * separated by commas), so that the desk still finds the actions logged under them
 */
@ConfigurationProperties("yourarea.dataprotection.search")
public record SearchKeyProperties(@Nullable String secret, @DefaultValue List<String> previous) {

	public SearchKeyProperties {
		secret = KeyedHashes.secretSetting("yourarea.dataprotection.search.secret", secret);
		previous = KeyedHashes.previousSetting("yourarea.dataprotection.search.previous", previous);
	}

}
