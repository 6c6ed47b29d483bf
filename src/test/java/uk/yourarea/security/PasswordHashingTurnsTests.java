package uk.yourarea.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How many passwords are hashed at once, and what happens to the rest. */
class PasswordHashingTurnsTests {

	private static final long MIB = 1024 * 1024;

	@Test
	void sizesTheTurnsToTheHeapAndTheProcessors() {
		assertThat(PasswordHashingTurns.HEAP_PER_HASH).as("four times Argon2's 19 MiB").isEqualTo(76 * MIB);
		assertThat(PasswordHashingTurns.sizedTo(256 * MIB, 2)).as("-Xmx256m on 2 cores").isEqualTo(2);
		assertThat(PasswordHashingTurns.sizedTo(256 * MIB, 8)).as("-Xmx256m on 8 cores: the heap decides").isEqualTo(3);
		assertThat(PasswordHashingTurns.sizedTo(4096 * MIB, 4)).as("a large heap on 4 cores").isEqualTo(4);
		assertThat(PasswordHashingTurns.sizedTo(64 * MIB, 4)).as("never fewer than one").isEqualTo(1);
	}

	@Test
	void neverRunsMoreHashesAtOnceThanItHasTurns() throws Exception {
		PasswordHashingTurns turns = new PasswordHashingTurns(2, Duration.ofSeconds(10));
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> hashes = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				hashes.add(threads.submit(() -> turns.inTurn(() -> {
					most.accumulateAndGet(running.incrementAndGet(), Math::max);
					sleep(50);
					running.decrementAndGet();
					return 1;
				})));
			}
			int done = 0;
			for (Future<Integer> hash : hashes) {
				done += hash.get(10, TimeUnit.SECONDS);
			}
			assertThat(done).isEqualTo(8);
			assertThat(most.get()).isEqualTo(2);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aHashWaitsForATurnThatComesInTime() throws Exception {
		PasswordHashingTurns turns = new PasswordHashingTurns(1, Duration.ofSeconds(5));
		turns.take();
		CountDownLatch waiting = new CountDownLatch(1);
		Thread releaser = new Thread(() -> {
			try {
				waiting.await();
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			turns.giveBack();
		});
		releaser.start();
		long start = System.nanoTime();
		waiting.countDown();

		String hashed = turns.inTurn(() -> "hashed");

		assertThat(hashed).isEqualTo("hashed");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
		releaser.join();
	}

	@Test
	void refusesAHashThatFindsNoTurnWithinTheWaitAndRunsNothing() {
		PasswordHashingTurns turns = new PasswordHashingTurns(1, Duration.ofMillis(300));
		turns.take();
		AtomicInteger ran = new AtomicInteger();
		long start = System.nanoTime();

		assertThatExceptionOfType(PasswordHashingBusyException.class)
			.isThrownBy(() -> turns.inTurn(ran::incrementAndGet));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250))
			.isLessThan(Duration.ofSeconds(3));
		assertThat(ran.get()).isZero();
		turns.giveBack();
		assertThat(turns.inTurn(ran::incrementAndGet)).as("once the turn is given back").isEqualTo(1);
	}

	@Test
	void givesTheTurnBackWhenTheHashFails() {
		PasswordHashingTurns turns = new PasswordHashingTurns(1, Duration.ofMillis(100));

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> turns.inTurn(() -> {
			throw new IllegalStateException("broken");
		}));

		assertThat(turns.inTurn(() -> "next")).isEqualTo("next");
	}

	@Test
	void theSitesEncoderHashesAndChecksOnlyInATurn() {
		PasswordHashingTurns turns = new PasswordHashingTurns(1, Duration.ofMillis(100));
		PasswordEncoder encoder = PasswordHashing.encoder(turns,
				new PasswordHashingMemory(turns.atOnce(), Clock.systemUTC()));
		String hash = encoder.encode("a long enough password");
		assertThat(encoder.matches("a long enough password", hash)).isTrue();

		turns.take();
		try {
			assertThatExceptionOfType(PasswordHashingBusyException.class)
				.isThrownBy(() -> encoder.matches("a long enough password", hash));
			assertThatExceptionOfType(PasswordHashingBusyException.class)
				.isThrownBy(() -> encoder.encode("another password"));
			assertThat(encoder.upgradeEncoding(hash)).as("no hash needed to tell").isFalse();
		}
		finally {
			turns.giveBack();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
