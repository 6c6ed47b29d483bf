package uk.yourarea.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import uk.yourarea.web.KeyedHashes;

/**
 * How recovery codes are kept: as HMAC-SHA256 under the secret that seals
 * authenticator-app keys ({@link AuthenticatorKeyProperties}) when one is configured, so
 * that a copy of the database alone gives no way to test guesses at a code's 50 random
 * bits; as plain SHA-256 otherwise, as codes made before a secret was set still are. A
 * code typed is compared without case, spaces or dashes.
 */
@Component
class RecoveryCodeHashes {

	// Keeps these hashes apart from anything else the same secret may key.
	private static final String PURPOSE = "yourarea recovery codes:";

	private final KeyedHashes hashes;

	RecoveryCodeHashes(AuthenticatorKeyProperties properties) {
		this.hashes = new KeyedHashes(PURPOSE, properties.secret(), properties.previous());
	}

	/** What to store for a new code. */
	String hash(String code) {
		return this.hashes.hash(normalised(code));
	}

	/**
	 * Every form a stored code typed this way may have: under the current secret, under
	 * each previous one, and plain, for codes made before a secret was set or changed.
	 */
	List<String> candidates(String typed) {
		return this.hashes.candidates(normalised(typed));
	}

	private static byte[] normalised(String code) {
		return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
	}

}
