package uk.yourarea.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A limit holds however many requests reach it at the same moment. */
@SpringBootTest(properties = "yourarea.mail.relay-enabled=false")
class RateLimitsIT {

	@Autowired
	RateLimits rateLimits;

	@Test
	void twentyAtOnceAgainstALimitOfFiveGetFive() throws Exception {
		String bucket = "contact-address:test-" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> attempts = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				attempts.add(() -> this.rateLimits.tryAcquire(bucket, 5, Duration.ofMinutes(10)));
			}
			int taken = 0;
			for (Future<Boolean> attempt : pool.invokeAll(attempts)) {
				taken += attempt.get() ? 1 : 0;
			}

			assertThat(taken).isEqualTo(5);
			assertThat(this.rateLimits.count(bucket, Duration.ofMinutes(10))).isEqualTo(5);
		}
		finally {
			pool.shutdownNow();
			this.rateLimits.clear(bucket);
		}
	}

}
