package uk.yourarea.contact;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;

class TimeLeftTests {

	private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

	@Test
	void saysInTheBundlesWordsHowLongIsLeftOrHowLateItIs() {
		ResourceBundleMessageSource staff = new ResourceBundleMessageSource();
		staff.setBasename("staff");
		staff.setDefaultEncoding("UTF-8");

		assertThat(describe(NOW.plus(Duration.ofHours(5)).plusSeconds(59), staff)).isEqualTo("due in 5 hours");
		assertThat(describe(NOW.plus(Duration.ofMinutes(1)), staff)).isEqualTo("due in 1 minute");
		assertThat(describe(NOW.plusSeconds(20), staff)).isEqualTo("due in 1 minute");
		assertThat(describe(NOW.plus(Duration.ofHours(71)), staff)).isEqualTo("due in 2 days");
		assertThat(describe(NOW.plus(Duration.ofDays(20)), staff)).isEqualTo("due in 20 days");
		assertThat(describe(NOW.minus(Duration.ofHours(2)), staff)).isEqualTo("2 hours overdue");
		assertThat(describe(NOW.minus(Duration.ofMinutes(30)), staff)).isEqualTo("30 minutes overdue");
		assertThat(describe(NOW.minus(Duration.ofHours(1)), staff)).isEqualTo("1 hour overdue");
		assertThat(describe(NOW.minus(Duration.ofDays(1)), staff)).isEqualTo("24 hours overdue");
	}

	private static String describe(Instant due, ResourceBundleMessageSource staff) {
		return TimeLeft.describe(due, NOW, staff, Languages.ENGLISH);
	}

}
