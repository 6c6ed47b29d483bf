package uk.yourarea.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import uk.yourarea.web.RateLimits;

/**
 * Slows down password guessing. Failed sign-ins are counted in the database (table
 * {@code rate_limit_hit}), so the limits hold across several instances of the site: after
 * {@code failures-per-account} failures for one email address within the window, or
 * {@code failures-per-address} from one client address, further attempts are refused
 * before any password is checked. Refused attempts are not counted, so a lockout lifts by
 * itself once the failures that caused it are older than the window. Email addresses that
 * have no account are counted just the same, so the answer never tells whether an account
 * exists.
 */
@Component
class SignInThrottle {

	static final String ACCOUNT_BUCKET = "sign-in-account:";

	static final String ADDRESS_BUCKET = "sign-in-address:";

	/**
	 * No rate limit window is longer than a day (see {@link RateLimits#forgetOlderThan}).
	 */
	private static final Duration KEEP_HITS = Duration.ofDays(1);

	private static final Duration TIDY_EVERY = Duration.ofMinutes(10);

	private final RateLimits rateLimits;

	private final StaffSecurityProperties.SignIn limits;

	private final Clock clock;

	private final AtomicReference<Instant> lastTidied = new AtomicReference<>(Instant.EPOCH);

	SignInThrottle(RateLimits rateLimits, StaffSecurityProperties properties, Clock clock) {
		this.rateLimits = rateLimits;
		this.limits = properties.signIn();
		this.clock = clock;
	}

	/**
	 * Whether the next attempt for this email address from this client address must be
	 * refused.
	 */
	boolean isLocked(String email, String address) {
		return this.rateLimits.count(accountBucket(email), this.limits.window()) >= this.limits.failuresPerAccount()
				|| this.rateLimits.count(addressBucket(address), this.limits.window()) >= this.limits
					.failuresPerAddress();
	}

	void failed(String email, String address) {
		this.rateLimits.record(accountBucket(email));
		this.rateLimits.record(addressBucket(address));
		tidy();
	}

	/** A successful sign-in forgets the account's failures (not the client address's). */
	void succeeded(String email) {
		this.rateLimits.clear(accountBucket(email));
	}

	Duration window() {
		return this.limits.window();
	}

	/**
	 * The account's bucket holds a hash of the email address rather than what was typed,
	 * which is sometimes a password typed into the wrong box.
	 */
	static String accountBucket(String email) {
		return ACCOUNT_BUCKET + sha256(StaffAccount.normaliseEmail(email));
	}

	static String addressBucket(String address) {
		return ADDRESS_BUCKET + ((address.length() > 100) ? address.substring(0, 100) : address);
	}

	private void tidy() {
		Instant now = this.clock.instant();
		Instant last = this.lastTidied.get();
		if (now.isAfter(last.plus(TIDY_EVERY)) && this.lastTidied.compareAndSet(last, now)) {
			this.rateLimits.forgetOlderThan(KEEP_HITS);
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
