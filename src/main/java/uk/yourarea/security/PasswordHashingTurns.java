package uk.yourarea.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.yourarea.security.StaffSecurityProperties.PasswordHashingLimits;

/**
 * Keeps the number of Argon2id hashes running at once within what the heap can hold. Each
 * takes {@link PasswordHashing#MEMORY_KIB} (19 MiB) while it runs: 32 sign-ins at once
 * would want 608 MiB, more than an instance's whole heap. A hash waits for its turn for
 * up to {@code yourarea.security.password-hashing.wait-for-turn} (2 s); after that it is
 * refused with {@link PasswordHashingBusyException}, which the site answers 503 with
 * {@code Retry-After}. Nothing queues without bound: only request threads wait, and only
 * that long.
 */
class PasswordHashingTurns {

	private static final Logger log = LoggerFactory.getLogger(PasswordHashingTurns.class);

	/** The heap kept for each hash: its memory cost, four times over. */
	static final long HEAP_PER_HASH = 4L * PasswordHashing.MEMORY_KIB * 1024;

	private final Semaphore turns;

	private final int atOnce;

	private final Duration wait;

	PasswordHashingTurns(int atOnce, Duration wait) {
		this.atOnce = atOnce;
		this.turns = new Semaphore(atOnce, true);
		this.wait = wait;
	}

	/** Sized to this JVM unless the setting names a number. */
	static PasswordHashingTurns forThisInstance(PasswordHashingLimits limits) {
		int atOnce = (limits.atOnce() > 0) ? limits.atOnce()
				: sizedTo(Runtime.getRuntime().maxMemory(), Runtime.getRuntime().availableProcessors());
		log.info("Up to {} passwords are hashed at once; a request waits up to {} for its turn", atOnce,
				limits.waitForTurn());
		return new PasswordHashingTurns(atOnce, limits.waitForTurn());
	}

	/** {@code max(1, min(processors, max heap / (4 × memory cost)))}. */
	static int sizedTo(long maxHeapBytes, int processors) {
		return (int) Math.max(1, Math.min(processors, maxHeapBytes / HEAP_PER_HASH));
	}

	int atOnce() {
		return this.atOnce;
	}

	Duration waitForTurn() {
		return this.wait;
	}

	/**
	 * Runs the hash in a turn of its own.
	 * @throws PasswordHashingBusyException when no turn came within the wait
	 */
	<T> T inTurn(Supplier<T> hash) {
		take();
		try {
			return hash.get();
		}
		finally {
			this.turns.release();
		}
	}

	/**
	 * Takes a turn, waiting up to the configured time; {@link #giveBack()} it when done.
	 */
	void take() {
		boolean turn;
		try {
			turn = this.turns.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			turn = false;
		}
		if (!turn) {
			log.info("A password hash waited {} for a turn and was refused: {} are running", this.wait, this.atOnce);
			throw new PasswordHashingBusyException();
		}
	}

	void giveBack() {
		this.turns.release();
	}

}
