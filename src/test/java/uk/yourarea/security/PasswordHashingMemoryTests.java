package uk.yourarea.security;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import uk.yourarea.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory of password hashes is kept while staff sign in, wiped as each hash gives it
 * back, and let go once nobody has signed in for a minute.
 */
class PasswordHashingMemoryTests {

	private static final int BLOCKS_PER_HASH = Argon2BytesGenerator.getBlockCount(PasswordHashing.MEMORY_KIB,
			PasswordHashing.PARALLELISM);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);

	private final PasswordHashingMemory memory = new PasswordHashingMemory(2, this.clock);

	private final Argon2Hashes hashes = new Argon2Hashes(16, 32, 1, PasswordHashing.MEMORY_KIB, 2, this.memory);

	@Test
	void keepsTheMemoryOfAHashForTheNext() {
		String hash = this.hashes.encode("tangerine dream");

		assertThat(this.memory.kept()).isEqualTo(BLOCKS_PER_HASH);
		assertThat(this.hashes.matches("tangerine dream", hash)).isTrue();
		assertThat(this.memory.kept()).as("the same blocks, not more").isEqualTo(BLOCKS_PER_HASH);
		assertThat(new Argon2PasswordEncoder(16, 32, 1, PasswordHashing.MEMORY_KIB, 2).matches("tangerine dream", hash))
			.isTrue();
	}

	@Test
	void letsItGoOnlyOnceNoHashHasRunForAMinute() {
		this.hashes.encode("tangerine dream");
		this.clock.advance(Duration.ofSeconds(59));

		assertThat(this.memory.letGoIfIdle()).isZero();
		this.hashes.encode("another");
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.memory.letGoIfIdle()).as("a minute from the last hash").isZero();

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.memory.letGoIfIdle()).isEqualTo(BLOCKS_PER_HASH);
		assertThat(this.memory.kept()).isZero();
		String hash = this.hashes.encode("after a quiet hour");
		assertThat(this.hashes.matches("after a quiet hour", hash)).as("hashes again with new memory").isTrue();
	}

	@Test
	void keepsNoMoreThanTheTurnsNeedAndWipesWhatItKeeps() throws Exception {
		List<Block> taken = new ArrayList<>();
		for (int i = 0; i < 3 * BLOCKS_PER_HASH; i++) {
			taken.add(this.memory.allocate());
		}
		for (Block block : taken) {
			Arrays.fill(words(block), 7L);
			this.memory.deallocate(block);
		}

		assertThat(this.memory.kept()).isEqualTo(2 * BLOCKS_PER_HASH);
		assertThat(words(this.memory.allocate())).containsOnly(0L);
	}

	/** The block's contents: Bouncy Castle gives no other way to read them. */
	private static long[] words(Block block) throws ReflectiveOperationException {
		Field words = Block.class.getDeclaredField("v");
		words.setAccessible(true);
		return (long[]) words.get(block);
	}

}
