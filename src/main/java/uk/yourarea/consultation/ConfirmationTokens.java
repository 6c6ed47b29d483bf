package uk.yourarea.consultation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The tokens in confirmation links: 32 random bytes as URL-safe Base64 (43 characters).
 * Only their SHA-256 digest is stored, so a copy of the database confirms nothing.
 */
final class ConfirmationTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int LENGTH = 43;

	private ConfirmationTokens() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/** Whether the text could be a token at all (so anything else is not looked up). */
	static boolean isWellFormed(String text) {
		if (text.length() != LENGTH) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
