package uk.yourarea.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * How recovery codes are kept: as HMAC-SHA256 under the secret that seals
 * authenticator-app keys ({@link AuthenticatorKeyProperties}) when one is configured, so
 * that a copy of the database alone gives no way to test guesses at a code's 50 random
 * bits; as plain SHA-256 otherwise, as codes made before a secret was set still are. A
 * code typed is compared without case, spaces or dashes.
 */
@Component
class RecoveryCodeHashes {

	private static final String ALGORITHM = "HmacSHA256";

	// Keeps these hashes apart from anything else the same secret may key.
	private static final String PURPOSE = "yourarea recovery codes:";

	private final @Nullable SecretKeySpec current;

	private final List<SecretKeySpec> previous = new ArrayList<>();

	RecoveryCodeHashes(AuthenticatorKeyProperties properties) {
		this.current = (properties.secret() != null) ? key(properties.secret()) : null;
		for (String secret : properties.previous()) {
			this.previous.add(key(secret));
		}
	}

	/** What to store for a new code. */
	String hash(String code) {
		return (this.current != null) ? hmac(this.current, code) : sha256(code);
	}

	/**
	 * Every form a stored code typed this way may have: under the current secret, under
	 * each previous one, and plain, for codes made before a secret was set or changed.
	 */
	List<String> candidates(String typed) {
		List<String> candidates = new ArrayList<>();
		if (this.current != null) {
			candidates.add(hmac(this.current, typed));
		}
		for (SecretKeySpec key : this.previous) {
			candidates.add(hmac(key, typed));
		}
		candidates.add(sha256(typed));
		return candidates;
	}

	private static SecretKeySpec key(String secret) {
		return new SecretKeySpec((PURPOSE + secret).getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	private static String hmac(SecretKeySpec key, String code) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(normalised(code)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sha256(String code) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised(code)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] normalised(String code) {
		return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
	}

}
