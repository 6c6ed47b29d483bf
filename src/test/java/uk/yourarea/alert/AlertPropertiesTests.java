package uk.yourarea.alert;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The sending settings a force can get wrong are refused when the application starts. */
class AlertPropertiesTests {

	@Test
	void aRestBetweenStepsIsBetweenNothingAndOneSecond() {
		assertThat(withStepPause(Duration.ZERO).stepPause()).isZero();
		assertThat(withStepPause(Duration.ofMillis(20)).stepPause()).hasMillis(20);
		assertThatIllegalArgumentException().isThrownBy(() -> withStepPause(Duration.ofMillis(-1)))
			.withMessageContaining("step-pause");
		assertThatIllegalArgumentException().isThrownBy(() -> withStepPause(Duration.ofMillis(1001)))
			.withMessageContaining("step-pause");
	}

	@Test
	void aStepQueuesBetweenOneAndTenThousandRecipients() {
		assertThatIllegalArgumentException().isThrownBy(() -> withBatchSize(0))
			.withMessageContaining("queue-batch-size");
		assertThatIllegalArgumentException().isThrownBy(() -> withBatchSize(10_001))
			.withMessageContaining("queue-batch-size");
		assertThat(withBatchSize(10_000).queueBatchSize()).isEqualTo(10_000);
	}

	private static AlertProperties withStepPause(Duration pause) {
		return new AlertProperties(Duration.ofDays(7), 10, Duration.ofHours(1), 3, Duration.ofHours(24),
				Duration.ofSeconds(2), Duration.ofSeconds(2), 1000, 3, false, Duration.ofDays(60), pause);
	}

	private static AlertProperties withBatchSize(int batchSize) {
		return new AlertProperties(Duration.ofDays(7), 10, Duration.ofHours(1), 3, Duration.ofHours(24),
				Duration.ofSeconds(2), Duration.ofSeconds(2), batchSize, 3, false, Duration.ofDays(60), Duration.ZERO);
	}

}
