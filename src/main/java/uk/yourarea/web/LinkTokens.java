package uk.yourarea.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret part of a link sent by email (a private conversation, a confirmation): 256
 * random bits as 43 characters of URL-safe Base64. Only its SHA-256 hash is stored, so
 * the database alone opens no link. Personal alert links are signed instead
 * ({@code alert.ManageLinks}), with the same length and alphabet.
 */
public final class LinkTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int LENGTH = 43;

	private LinkTokens() {
	}

	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** What is stored and looked up in place of the token. */
	public static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * Whether the text could be a token at all, so that anything else is not looked up.
	 */
	public static boolean isWellFormed(String text) {
		return text.length() == LENGTH && text.chars()
			.allMatch((c) -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_');
	}

}
