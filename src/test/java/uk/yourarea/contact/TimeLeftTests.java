package uk.yourarea.contact;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeLeftTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@Test
	void saysHowLongIsLeftOrHowLateItIs() {
		assertThat(TimeLeft.describe(NOW.plus(Duration.ofHours(5)).plusSeconds(59), NOW)).isEqualTo("due in 5 hours");
		assertThat(TimeLeft.describe(NOW.plus(Duration.ofMinutes(1)), NOW)).isEqualTo("due in 1 minute");
		assertThat(TimeLeft.describe(NOW.plusSeconds(20), NOW)).isEqualTo("due in 1 minute");
		assertThat(TimeLeft.describe(NOW.plus(Duration.ofHours(71)), NOW)).isEqualTo("due in 2 days");
		assertThat(TimeLeft.describe(NOW.minus(Duration.ofHours(2)), NOW)).isEqualTo("2 hours overdue");
		assertThat(TimeLeft.describe(NOW.minus(Duration.ofMinutes(30)), NOW)).isEqualTo("30 minutes overdue");
		assertThat(TimeLeft.describe(NOW.minus(Duration.ofHours(1)), NOW)).isEqualTo("1 hour overdue");
	}

}
