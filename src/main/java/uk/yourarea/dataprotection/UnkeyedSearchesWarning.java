package uk.yourarea.dataprotection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Outside the {@code demo} profile, warns at start-up when no key is set for the desk's
 * log: what the desk searched for is then kept as plain SHA-256, which anyone with a copy
 * of the database can test guesses against.
 */
@Component
@Profile("!demo")
class UnkeyedSearchesWarning implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(UnkeyedSearchesWarning.class);

	static final String WARNING = "No yourarea.dataprotection.search.secret is set: the data protection desk's log "
			+ "keeps what was searched for as plain SHA-256, so anyone with a copy of the database can confirm that "
			+ "a person they guess was searched for, exported or erased. Set YOURAREA_DATAPROTECTION_SEARCH_SECRET "
			+ "(at least 32 random characters, the same on every instance).";

	private final SearchHashes hashes;

	UnkeyedSearchesWarning(SearchHashes hashes) {
		this.hashes = hashes;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.hashes.keyed()) {
			log.warn(WARNING);
		}
	}

}
