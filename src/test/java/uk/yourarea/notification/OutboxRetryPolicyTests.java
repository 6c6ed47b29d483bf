package uk.yourarea.notification;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutboxRetryPolicyTests {

	private static final Instant QUEUED = Instant.parse("2026-03-02T09:00:00Z");

	private final OutboxRetryPolicy policy = new OutboxRetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1),
			Duration.ofHours(72));

	@Test
	void waitsOneMinuteThenDoublesUpToAnHour() {
		assertThat(this.policy.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.policy.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.policy.backoff(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(this.policy.backoff(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(this.policy.backoff(5)).isEqualTo(Duration.ofMinutes(16));
		assertThat(this.policy.backoff(6)).isEqualTo(Duration.ofMinutes(32));
		assertThat(this.policy.backoff(7)).isEqualTo(Duration.ofHours(1));
		assertThat(this.policy.backoff(8)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void staysAtAnHourHoweverManyAttemptsFailed() {
		assertThat(this.policy.backoff(80)).isEqualTo(Duration.ofHours(1));
		assertThat(this.policy.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void hasNoBackoffBeforeAnAttemptHasFailed() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.policy.backoff(0));
	}

	@Test
	void triesAgainAfterTheBackoff() {
		Instant failedAt = QUEUED.plus(Duration.ofMinutes(3));

		assertThat(this.policy.nextAttempt(QUEUED, 3, failedAt)).contains(failedAt.plus(Duration.ofMinutes(4)));
	}

	@Test
	void makesTheLastAttemptSeventyTwoHoursAfterQueueing() {
		Instant failedAt = QUEUED.plus(Duration.ofHours(71)).plus(Duration.ofMinutes(30));

		assertThat(this.policy.nextAttempt(QUEUED, 20, failedAt)).contains(QUEUED.plus(Duration.ofHours(72)));
	}

	@Test
	void givesUpSeventyTwoHoursAfterQueueing() {
		Instant deadline = QUEUED.plus(Duration.ofHours(72));

		assertThat(this.policy.nextAttempt(QUEUED, 77, deadline.minusSeconds(1))).contains(deadline);
		assertThat(this.policy.nextAttempt(QUEUED, 78, deadline)).isEmpty();
		assertThat(this.policy.nextAttempt(QUEUED, 79, deadline.plusSeconds(1))).isEmpty();
	}

}
