package uk.yourarea.security;

import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How staff passwords are hashed: Argon2id with OWASP's minimum settings (19 MiB of
 * memory, 2 iterations, 1 thread), a 16-byte random salt and a 32-byte hash, stored as
 * {@code {argon2}$argon2id$v=19$m=19456,t=2,p=1$…}. The {@code {argon2}} prefix (a
 * {@link DelegatingPasswordEncoder}) lets a later, stronger scheme take over: hashes made
 * with weaker settings are replaced at the next successful sign-in.
 * <p>
 * The site's encoder hashes in turns ({@link PasswordHashingTurns}), so that a burst of
 * sign-ins cannot take more memory than the heap has, with the memory of each turn kept
 * from one hash to the next while staff sign in ({@link PasswordHashingMemory}) rather
 * than allocated for each.
 */
final class PasswordHashing {

	static final String ID = "argon2";

	static final int SALT_BYTES = 16;

	static final int HASH_BYTES = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	private PasswordHashing() {
	}

	/**
	 * The encoder, without turns: for tests and tools that hash one password at a time.
	 */
	static PasswordEncoder encoder() {
		return encoder(new PasswordHashingMemory(1, Clock.systemUTC()));
	}

	/**
	 * The site's encoder, hashing only in a turn, with the memory of the turns pooled.
	 */
	static PasswordEncoder encoder(PasswordHashingTurns turns, PasswordHashingMemory memory) {
		return new InTurns(encoder(memory), turns);
	}

	private static PasswordEncoder encoder(PasswordHashingMemory memory) {
		Argon2Hashes argon2 = new Argon2Hashes(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS, memory);
		return new DelegatingPasswordEncoder(ID, Map.of(ID, argon2));
	}

	/**
	 * Hashes and checks passwords only in a turn; may throw
	 * {@link PasswordHashingBusyException}.
	 */
	private static final class InTurns implements PasswordEncoder {

		private final PasswordEncoder encoder;

		private final PasswordHashingTurns turns;

		InTurns(PasswordEncoder encoder, PasswordHashingTurns turns) {
			this.encoder = encoder;
			this.turns = turns;
		}

		@Override
		public @Nullable String encode(@Nullable CharSequence rawPassword) {
			return this.turns.inTurn(() -> this.encoder.encode(rawPassword));
		}

		@Override
		public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
			return this.turns.inTurn(() -> this.encoder.matches(rawPassword, encodedPassword));
		}

		@Override
		public boolean upgradeEncoding(@Nullable String encodedPassword) {
			return this.encoder.upgradeEncoding(encodedPassword);
		}

	}

}
