package uk.yourarea.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import uk.yourarea.web.RateLimits;
import uk.yourarea.web.RateLimits.Limit;
import uk.yourarea.web.RateLimits.Reservation;

/**
 * Slows down password guessing without giving anyone a way to lock a member of staff out.
 * Failures are counted in the database (table {@code rate_limit_hit}), so the limits hold
 * across several instances of the site:
 * <ul>
 * <li>per email address <em>and</em> client address: after
 * {@code failures-per-account-and-address} (10) failures within the window, the next
 * attempt for that email address from that address is refused before any password is
 * checked. The same email address from anywhere else is not affected, so a thousand
 * failures from elsewhere leave an officer free to sign in from their own address;</li>
 * <li>per client address, across email addresses: after {@code failures-per-address}
 * (50);</li>
 * <li>per email address from anywhere: only counted, and logged as a warning at every
 * {@code alert-after-account-failures} (100). Nothing is refused for it.</li>
 * </ul>
 * Each password check is counted <em>before</em> it is made, in one atomic step
 * ({@link #tryAttempt}): a burst of attempts in parallel gets no more checks than the
 * limit. The reservation is taken back when the password was right, or was not checked
 * after all. Refused attempts are not counted, so a limit lifts by itself once the
 * failures that reached it are older than the window. Email addresses that have no
 * account are counted just the same, so the answer never tells whether an account exists.
 */
@Component
class SignInThrottle {

	static final String ACCOUNT_BUCKET = "sign-in-account:";

	static final String ACCOUNT_AND_ADDRESS_BUCKET = "sign-in-account-address:";

	static final String ADDRESS_BUCKET = "sign-in-address:";

	/**
	 * No rate limit window is longer than a day (see {@link RateLimits#forgetOlderThan}).
	 */
	private static final Duration KEEP_HITS = Duration.ofDays(1);

	private static final Duration TIDY_EVERY = Duration.ofMinutes(10);

	private final RateLimits rateLimits;

	private final StaffSecurityProperties.SignIn limits;

	private final SecurityEvents events;

	private final Clock clock;

	private final AtomicReference<Instant> lastTidied = new AtomicReference<>(Instant.EPOCH);

	SignInThrottle(RateLimits rateLimits, StaffSecurityProperties properties, SecurityEvents events, Clock clock) {
		this.rateLimits = rateLimits;
		this.limits = properties.signIn();
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Reserves a password check for this email address from this client address, counting
	 * it as a failure until told otherwise.
	 * @return the attempt, to report how it went; empty when a limit was reached, and the
	 * password must not be checked
	 */
	Optional<Attempt> tryAttempt(String email, String address) {
		String account = accountBucket(email);
		List<Limit> limits = List.of(
				new Limit(accountAndAddressBucket(email, address), this.limits.failuresPerAccountAndAddress(),
						this.limits.window()),
				new Limit(addressBucket(address), this.limits.failuresPerAddress(), this.limits.window()),
				Limit.unlimited(account));
		return this.rateLimits.tryAcquireAll(limits).map((reservation) -> new Attempt(reservation, email, address));
	}

	Duration window() {
		return this.limits.window();
	}

	/**
	 * The account's buckets hold a hash of the email address rather than what was typed,
	 * which is sometimes a password typed into the wrong box.
	 */
	static String accountBucket(String email) {
		return ACCOUNT_BUCKET + RateLimits.hashed(StaffAccount.normaliseEmail(email));
	}

	static String accountAndAddressBucket(String email, String address) {
		return ACCOUNT_AND_ADDRESS_BUCKET + RateLimits.hashed(StaffAccount.normaliseEmail(email) + "\n" + address);
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

	/** One password check, counted as a failure from the moment it was allowed. */
	final class Attempt {

		private final Reservation reservation;

		private final String email;

		private final String address;

		private Attempt(Reservation reservation, String email, String address) {
			this.reservation = reservation;
			this.email = email;
			this.address = address;
		}

		/**
		 * The password was wrong (or the attempt failed for another reason): it counts.
		 */
		void failed() {
			SignInThrottle throttle = SignInThrottle.this;
			long fromAnywhere = throttle.rateLimits.count(accountBucket(this.email), throttle.limits.window());
			int alertAfter = throttle.limits.alertAfterAccountFailures();
			if (alertAfter > 0 && fromAnywhere > 0 && fromAnywhere % alertAfter == 0) {
				throttle.events.manySignInFailures(this.email, fromAnywhere, throttle.limits.window());
			}
			throttle.tidy();
		}

		/**
		 * The password was right: this attempt does not count, and the earlier failures
		 * for this email address from this client address are forgotten (not those from
		 * elsewhere, nor the address's failures for other email addresses).
		 */
		void succeeded() {
			SignInThrottle throttle = SignInThrottle.this;
			throttle.rateLimits.release(this.reservation);
			throttle.rateLimits.clear(accountAndAddressBucket(this.email, this.address));
		}

		/** The password could not be checked (the site was busy): it does not count. */
		void notChecked() {
			SignInThrottle.this.rateLimits.release(this.reservation);
		}

	}

}
