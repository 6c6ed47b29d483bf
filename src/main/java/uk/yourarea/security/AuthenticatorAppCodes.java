package uk.yourarea.security;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA1, six digits, 30-second steps, which
 * every authenticator app understands). The key is 20 random bytes, shown to the person
 * as Base32 text and in a QR code.
 */
final class AuthenticatorAppCodes {

	static final Duration STEP = Duration.ofSeconds(30);

	/** A code from the step before or after is accepted too: phones' clocks drift. */
	static final int STEPS_OF_DRIFT = 1;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base32 BASE32 = new Base32();

	private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, 6);

	/** A new random key, as Base32 text without padding. */
	static String newSecret() {
		byte[] key = new byte[20];
		RANDOM.nextBytes(key);
		return BASE32.encodeToString(key).replace("=", "");
	}

	/** The key in groups of four characters, easier to type. */
	static String grouped(String secret) {
		return secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

	/**
	 * The time step a typed code belongs to, if it is right for this key within the drift
	 * allowed around {@code now}.
	 */
	OptionalLong matchingStep(String secret, String typed, Instant now) {
		String code = typed.replaceAll("[\\s-]", "");
		if (!code.matches("[0-9]{6}")) {
			return OptionalLong.empty();
		}
		SecretKeySpec key = new SecretKeySpec(BASE32.decode(secret), "HmacSHA1");
		long current = now.getEpochSecond() / STEP.toSeconds();
		for (long step = current - STEPS_OF_DRIFT; step <= current + STEPS_OF_DRIFT; step++) {
			if (code.equals(codeAt(key, step))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** The code an app shows at this instant (for tests and the demo). */
	String codeAt(String secret, Instant at) {
		return codeAt(new SecretKeySpec(BASE32.decode(secret), "HmacSHA1"), at.getEpochSecond() / STEP.toSeconds());
	}

	private String codeAt(SecretKeySpec key, long step) {
		try {
			return this.generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()),
					Locale.ROOT);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
