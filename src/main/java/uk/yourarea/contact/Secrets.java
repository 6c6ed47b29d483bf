package uk.yourarea.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The random strings residents are given: a short reference to quote (not a credential)
 * and the private link's token (256 random bits, of which only a SHA-256 hash is stored).
 */
final class Secrets {

	/** No 0/O, 1/I/L or U: a reference is read out over the phone. */
	private static final char[] REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/** Like YA-7K3M-Q9P2: about 39 bits, random, never sequential. */
	static String newReference() {
		StringBuilder reference = new StringBuilder("YA-");
		for (int i = 0; i < 8; i++) {
			if (i == 4) {
				reference.append('-');
			}
			reference.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
		}
		return reference.toString();
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token is 43 characters of URL-safe Base64; anything else cannot be one. */
	static boolean looksLikeToken(String token) {
		return token.length() == 43
				&& token.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
	}

}
