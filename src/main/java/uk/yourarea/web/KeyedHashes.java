package uk.yourarea.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Hashes of something a person could guess (a recovery code, an email address searched
 * for), kept so that a copy of the database alone cannot confirm a guess: HMAC-SHA256
 * under a secret from the environment when one is set, plain SHA-256 otherwise, as such
 * hashes were kept before a secret was set. A hash made under a secret since replaced is
 * still recognised while that secret is listed as a previous one.
 */
public final class KeyedHashes {

	private static final String ALGORITHM = "HmacSHA256";

	private final @Nullable SecretKeySpec current;

	private final List<SecretKeySpec> previous = new ArrayList<>();

	/**
	 * @param purpose what the hashes are of, so that the same secret used for two
	 * purposes gives unrelated hashes
	 * @param secret the current secret, or null for plain SHA-256
	 * @param previous secrets that may have made some of the kept hashes
	 */
	public KeyedHashes(String purpose, @Nullable String secret, List<String> previous) {
		this.current = (secret != null) ? key(purpose, secret) : null;
		for (String old : previous) {
			this.previous.add(key(purpose, old));
		}
	}

	/** Whether hashes are keyed, or plain SHA-256 for want of a secret. */
	public boolean keyed() {
		return this.current != null;
	}

	/** The hash to keep, as 64 hex digits. */
	public String hash(byte[] value) {
		return (this.current != null) ? hmac(this.current, value) : sha256(value);
	}

	/**
	 * Every hash the value may have been kept as: under the current secret, under each
	 * previous one, and plain.
	 */
	public List<String> candidates(byte[] value) {
		List<String> candidates = new ArrayList<>();
		if (this.current != null) {
			candidates.add(hmac(this.current, value));
		}
		for (SecretKeySpec key : this.previous) {
			candidates.add(hmac(key, value));
		}
		candidates.add(sha256(value));
		return candidates;
	}

	/**
	 * A secret as set in the environment: stripped (one read from a file often ends with
	 * a line break), null when blank, and at least {@link SharedSecret#SHORTEST}
	 * characters with no comma, so that it can later be listed as a previous one.
	 * @param setting the setting's name, for the message when it is refused
	 */
	public static @Nullable String secretSetting(String setting, @Nullable String secret) {
		String stripped = (secret != null && !secret.isBlank()) ? secret.strip() : null;
		if (stripped != null && stripped.contains(",")) {
			throw new IllegalArgumentException(
					setting + " must have no comma, so that it can be listed as a previous key");
		}
		checkLength(setting, Stream.ofNullable(stripped));
		return stripped;
	}

	/** Previous secrets as set in the environment: stripped, blanks left out. */
	public static List<String> previousSetting(String setting, List<String> previous) {
		List<String> stripped = previous.stream().map(String::strip).filter((key) -> !key.isEmpty()).toList();
		checkLength(setting, stripped.stream());
		return stripped;
	}

	private static void checkLength(String setting, Stream<String> secrets) {
		if (secrets.anyMatch((key) -> key.length() < SharedSecret.SHORTEST)) {
			throw new IllegalArgumentException(
					"Each key of " + setting + " must be at least " + SharedSecret.SHORTEST + " characters");
		}
	}

	private static SecretKeySpec key(String purpose, String secret) {
		return new SecretKeySpec((purpose + secret).getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	private static String hmac(SecretKeySpec key, byte[] value) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(value));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sha256(byte[] value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
