package uk.yourarea.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A key every instance of the site shares, for signing with HMAC-SHA256: the one set in
 * the environment, else one made by the first instance that needs it and kept in a table
 * of the feature that uses it. Read once, then kept in memory.
 */
public final class SharedSecret {

	/** The shortest key accepted from the environment, in characters. */
	public static final int SHORTEST = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final @Nullable TransactionTemplate ownTransaction;

	private final UnaryOperator<byte[]> keepFirst;

	private volatile byte @Nullable [] key;

	/**
	 * @param configured the key from the environment, or null or blank for the one kept
	 * in the database
	 * @param transactions the transactions of the database that keeps the key, or null
	 * when there is none (then only a configured key works)
	 * @param keepFirst stores the key it is given unless one is stored already, and
	 * returns the one stored; runs in a transaction of its own
	 */
	public SharedSecret(@Nullable String configured, @Nullable PlatformTransactionManager transactions,
			UnaryOperator<byte[]> keepFirst) {
		this.keepFirst = keepFirst;
		if (transactions != null) {
			this.ownTransaction = new TransactionTemplate(transactions);
			// Never inside a caller's transaction: a rollback there must not take the key
			// with it, and a failure here must not spoil it.
			this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		}
		else {
			this.ownTransaction = null;
		}
		this.key = (configured != null && !configured.isBlank()) ? configured.getBytes(StandardCharsets.UTF_8) : null;
	}

	/**
	 * The key, read (or made and kept) the first time it is needed.
	 * @return null only when there is neither a configured key nor a database
	 * @throws org.springframework.dao.DataAccessException or
	 * {@link org.springframework.transaction.TransactionException} when the database
	 * could not be reached to read the key
	 */
	public byte @Nullable [] key() {
		byte[] known = this.key;
		if (known != null || this.ownTransaction == null) {
			return known;
		}
		byte[] made = new byte[32];
		RANDOM.nextBytes(made);
		// The first instance's key wins and every other one reads it; it is kept in
		// memory only once its transaction has committed.
		known = Objects.requireNonNull(this.ownTransaction.execute((status) -> this.keepFirst.apply(made)));
		this.key = known;
		return known;
	}

	/**
	 * HMAC-SHA256 of the text with the key.
	 * @throws IllegalStateException when there is no key at all
	 */
	public byte[] sign(String text) {
		byte[] secret = key();
		if (secret == null) {
			throw new IllegalStateException("There is no key to sign with");
		}
		return sign(secret, text);
	}

	/** HMAC-SHA256 of the text with a key in hand. */
	public static byte[] sign(byte[] secret, String text) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret, ALGORITHM));
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}

}
