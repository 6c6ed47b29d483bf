package uk.yourarea.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * What a staff session remembers besides who is signed in: when they signed in (for the
 * absolute lifetime) and a fingerprint of the password hash they signed in with, so that
 * a new password, set by them elsewhere or by an administrator, ends every other session.
 */
final class StaffSessions {

	static final String SIGNED_IN_AT = StaffSessions.class.getName() + ".signedInAt";

	static final String PASSWORD_STAMP = StaffSessions.class.getName() + ".passwordStamp";

	private StaffSessions() {
	}

	static void started(HttpSession session, Instant at, String passwordHash) {
		session.setAttribute(SIGNED_IN_AT, at);
		passwordChanged(session, passwordHash);
	}

	static void passwordChanged(HttpSession session, String passwordHash) {
		session.setAttribute(PASSWORD_STAMP, stamp(passwordHash));
	}

	static @Nullable Instant signedInAt(HttpSession session) {
		return (session.getAttribute(SIGNED_IN_AT) instanceof Instant at) ? at : null;
	}

	static boolean passwordUnchanged(HttpSession session, String passwordHash) {
		return stamp(passwordHash).equals(session.getAttribute(PASSWORD_STAMP));
	}

	/** A short fingerprint of the hash; the hash itself never goes into the session. */
	static String stamp(String passwordHash) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
