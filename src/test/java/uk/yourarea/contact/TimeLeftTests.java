package uk.yourarea.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import uk.yourarea.web.Languages;

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

	@Test
	void theBundlesWordsSayTheSame() {
		ResourceBundleMessageSource staff = new ResourceBundleMessageSource();
		staff.setBasename("staff");
		staff.setDefaultEncoding("UTF-8");
		for (Duration shift : List.of(Duration.ofSeconds(20), Duration.ofMinutes(1), Duration.ofMinutes(30),
				Duration.ofHours(1), Duration.ofHours(5).plusSeconds(59), Duration.ofHours(71), Duration.ofDays(20))) {
			for (Instant due : List.of(NOW.plus(shift), NOW.minus(shift))) {
				assertThat(TimeLeft.describe(due, NOW, staff, Languages.ENGLISH)).as(shift.toString())
					.isEqualTo(TimeLeft.describe(due, NOW));
			}
		}
		assertThat(TimeLeft.describe(NOW.minus(Duration.ofHours(1)), NOW, staff, Languages.ENGLISH))
			.isEqualTo("1 hour overdue");
		assertThat(TimeLeft.describe(NOW.plus(Duration.ofHours(71)), NOW, staff, Languages.ENGLISH))
			.isEqualTo("due in 2 days");
	}

}
