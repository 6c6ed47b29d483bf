package uk.yourarea.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FormStampsTests {

	static final Instant SHOWN = Instant.parse("2026-12-06T10:15:30.123Z");

	final FormStamps stamps = stamps("a key of at least thirty-two characters, for tests");

	@Test
	void aStampThisSiteSignedGivesTheTimeTheFormWasShown() {
		String stamp = this.stamps.now();

		assertThat(stamp).matches("1796552130123\\.[A-Za-z0-9_-]{43}");
		assertThat(this.stamps.shownAt(stamp)).hasValue(SHOWN);
	}

	@Test
	void anOlderTimeWithTheSameSignatureIsRefused() {
		String stamp = this.stamps.now();
		String older = "1796551530000" + stamp.substring(stamp.indexOf('.'));

		assertThat(this.stamps.shownAt(older)).isEmpty();
	}

	@Test
	void aTimeAloneOrNothingIsRefused() {
		assertThat(this.stamps.shownAt("1796551530000")).isEmpty();
		assertThat(this.stamps.shownAt("1796551530000.")).isEmpty();
		assertThat(this.stamps.shownAt(".abc")).isEmpty();
		assertThat(this.stamps.shownAt("")).isEmpty();
		assertThat(this.stamps.shownAt(null)).isEmpty();
	}

	@Test
	void aStampSignedWithAnotherKeyIsRefused() {
		String forged = stamps("another key, also at least thirty-two characters").at(SHOWN.minusSeconds(3600));

		assertThat(this.stamps.shownAt(forged)).isEmpty();
	}

	@Test
	void aStampOlderThanTwoDaysIsRefused() {
		assertThat(this.stamps.shownAt(this.stamps.at(SHOWN.minus(FormStamps.LONGEST))))
			.hasValue(SHOWN.minus(FormStamps.LONGEST));
		assertThat(this.stamps.shownAt(this.stamps.at(SHOWN.minus(FormStamps.LONGEST).minusSeconds(1)))).isEmpty();
	}

	@Test
	void aShortConfiguredKeyStopsTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FormStampProperties("too short"))
			.withMessageContaining("at least 32 characters");
	}

	private static FormStamps stamps(String secret) {
		return new FormStamps(null, null, Clock.fixed(SHOWN, ZoneOffset.UTC), new FormStampProperties(secret));
	}

}
