package uk.yourarea.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The memory of the Argon2id hashes ({@link Argon2Hashes}): the 1 KiB blocks of as many
 * hashes as may run at once, kept from one hash to the next while staff sign in, and let
 * go once no hash has run for {@link #KEPT_WHILE_IDLE}. Kept for good, they were 19–38
 * MiB of an instance's live heap (a quarter of it) through every hour nobody signed in;
 * allocated afresh for every hash, a burst of sign-ins kept the collector copying them
 * (docs/benchmarks.md).
 * <p>
 * A block is wiped as it comes back. The pool keeps no more blocks than it was sized for:
 * a hash beyond them (one run outside a turn) allocates its own.
 */
class PasswordHashingMemory implements BlockPool {

	static final Duration KEPT_WHILE_IDLE = Duration.ofMinutes(1);

	private final int maxBlocks;

	private final Clock clock;

	private final Deque<Block> blocks = new ArrayDeque<>();

	private Instant lastUsed;

	/**
	 * @param hashesAtOnce how many hashes' blocks to keep
	 */
	PasswordHashingMemory(int hashesAtOnce, Clock clock) {
		this.maxBlocks = hashesAtOnce
				* Argon2BytesGenerator.getBlockCount(PasswordHashing.MEMORY_KIB, PasswordHashing.PARALLELISM);
		this.clock = clock;
		this.lastUsed = clock.instant();
	}

	@Override
	public synchronized Block allocate() {
		this.lastUsed = this.clock.instant();
		Block kept = this.blocks.pollFirst();
		return (kept != null) ? kept : new Block();
	}

	@Override
	public void deallocate(Block block) {
		block.clear();
		synchronized (this) {
			this.lastUsed = this.clock.instant();
			if (this.blocks.size() < this.maxBlocks) {
				this.blocks.addFirst(block);
			}
		}
	}

	/**
	 * Lets every kept block go if no hash has used the pool for {@link #KEPT_WHILE_IDLE}.
	 * @return how many blocks were let go
	 */
	@Scheduled(fixedDelay = 20_000, initialDelay = 20_000)
	synchronized int letGoIfIdle() {
		if (this.blocks.isEmpty()
				|| Duration.between(this.lastUsed, this.clock.instant()).compareTo(KEPT_WHILE_IDLE) < 0) {
			return 0;
		}
		int released = this.blocks.size();
		this.blocks.clear();
		return released;
	}

	/** How many blocks are kept now. */
	synchronized int kept() {
		return this.blocks.size();
	}

}
