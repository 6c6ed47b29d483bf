package uk.yourarea.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failing email again: after 1 minute, then 2, 4, 8 … up to an hour between
 * attempts, until 72 hours after it was queued (with the default settings). The last
 * attempt is made at that deadline; if it fails too, the email is given up.
 */
final class OutboxRetryPolicy {

	private final Duration firstRetryAfter;

	private final Duration maxRetryInterval;

	private final Duration giveUpAfter;

	OutboxRetryPolicy(Duration firstRetryAfter, Duration maxRetryInterval, Duration giveUpAfter) {
		this.firstRetryAfter = firstRetryAfter;
		this.maxRetryInterval = maxRetryInterval;
		this.giveUpAfter = giveUpAfter;
	}

	/**
	 * The wait after the given number of failed attempts: the first retry interval
	 * doubled for each failure after the first, never more than the longest interval.
	 * @param failedAttempts 1 or more
	 */
	Duration backoff(int failedAttempts) {
		if (failedAttempts < 1) {
			throw new IllegalArgumentException("There is no backoff before an attempt has failed");
		}
		Duration backoff = this.firstRetryAfter;
		for (int i = 1; i < failedAttempts && backoff.compareTo(this.maxRetryInterval) < 0; i++) {
			backoff = backoff.multipliedBy(2);
		}
		return (backoff.compareTo(this.maxRetryInterval) < 0) ? backoff : this.maxRetryInterval;
	}

	/**
	 * When to try an email again after an attempt that failed at {@code now}, or empty if
	 * it is time to give up. Never later than the deadline, so that the last attempt
	 * falls on it.
	 * @param createdAt when the email was queued
	 * @param failedAttempts the failed attempts so far, the one that has just failed
	 * included
	 * @param now when the attempt failed
	 */
	Optional<Instant> nextAttempt(Instant createdAt, int failedAttempts, Instant now) {
		Instant deadline = createdAt.plus(this.giveUpAfter);
		if (!now.isBefore(deadline)) {
			return Optional.empty();
		}
		Instant next = now.plus(backoff(failedAttempts));
		return Optional.of(next.isBefore(deadline) ? next : deadline);
	}

}
