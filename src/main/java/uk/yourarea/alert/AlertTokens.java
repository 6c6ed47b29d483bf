package uk.yourarea.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The links' tokens: 256 random bits, of which only a SHA-256 hash is stored. */
final class AlertTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private AlertTokens() {
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
