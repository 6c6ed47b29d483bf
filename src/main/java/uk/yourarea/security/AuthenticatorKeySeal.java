package uk.yourarea.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.stereotype.Component;

/**
 * Seals an authenticator-app key for the database with AES-GCM under a key from the
 * environment ({@link AuthenticatorKeyProperties}), and opens it again. The sealed text
 * carries the account's id, so a sealed key copied onto another account does not open.
 * Keys stored before a key was configured are in clear (base32, which has no colon) and
 * open as they are.
 */
@Component
class AuthenticatorKeySeal {

	static final String SEALED = "sealed:";

	// A fixed salt only separates this use of the secret from any other: the secret
	// itself is long and random.
	private static final String SALT = HexFormat.of()
		.formatHex("yourarea authenticator-app keys".getBytes(StandardCharsets.US_ASCII));

	private final @Nullable BytesEncryptor current;

	private final List<BytesEncryptor> previous = new ArrayList<>();

	AuthenticatorKeySeal(AuthenticatorKeyProperties properties) {
		this.current = (properties.secret() != null) ? Encryptors.stronger(properties.secret(), SALT) : null;
		for (String key : properties.previous()) {
			this.previous.add(Encryptors.stronger(key, SALT));
		}
	}

	/** Whether keys are sealed, or stored in clear for want of a configured key. */
	boolean sealing() {
		return this.current != null;
	}

	/** What to store for this account's key. */
	String seal(long accountId, String key) {
		if (this.current == null) {
			return key;
		}
		byte[] sealed = this.current.encrypt((accountId + ":" + key).getBytes(StandardCharsets.UTF_8));
		return SEALED + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
	}

	/**
	 * The key stored for this account.
	 * @throws KeyNotOpened if it was sealed with a key that is not configured, or for
	 * another account
	 */
	Opened open(long accountId, String stored) {
		if (!stored.startsWith(SEALED)) {
			return new Opened(stored, this.current == null);
		}
		byte[] sealed;
		try {
			sealed = Base64.getUrlDecoder().decode(stored.substring(SEALED.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new KeyNotOpened(accountId);
		}
		if (this.current != null) {
			String key = openWith(this.current, accountId, sealed);
			if (key != null) {
				return new Opened(key, true);
			}
		}
		for (BytesEncryptor older : this.previous) {
			String key = openWith(older, accountId, sealed);
			if (key != null) {
				return new Opened(key, false);
			}
		}
		throw new KeyNotOpened(accountId);
	}

	private static @Nullable String openWith(BytesEncryptor encryptor, long accountId, byte[] sealed) {
		String opened;
		try {
			opened = new String(encryptor.decrypt(sealed), StandardCharsets.UTF_8);
		}
		catch (RuntimeException ex) {
			// AES-GCM refuses a text sealed with another key, or changed since.
			return null;
		}
		String owner = accountId + ":";
		return opened.startsWith(owner) ? opened.substring(owner.length()) : null;
	}

	/**
	 * An opened key.
	 *
	 * @param key the key, as the app has it
	 * @param asConfigured whether it is stored as the settings now want it (sealed with
	 * the current key, or in clear when there is none), so needs no sealing again
	 */
	record Opened(String key, boolean asConfigured) {
	}

	/** A stored key that none of the configured keys opens for its account. */
	static class KeyNotOpened extends RuntimeException {

		KeyNotOpened(long accountId) {
			super("The authenticator-app key of staff account " + accountId
					+ " is sealed with a key that is not configured (yourarea.security.totp)");
		}

	}

}
