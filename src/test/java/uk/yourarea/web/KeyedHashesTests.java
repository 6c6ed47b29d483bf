package uk.yourarea.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeyedHashesTests {

	private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

	private static final String OLD = "an-old-secret-of-at-least-thirty-two-characters";

	private static final byte[] VALUE = "EMAIL:someone@example.org".getBytes(StandardCharsets.UTF_8);

	@Test
	void withoutASecretAValueIsKeptAsItsPlainSha256() {
		KeyedHashes hashes = new KeyedHashes("purpose:", null, List.of());

		assertThat(hashes.keyed()).isFalse();
		assertThat(hashes.hash(VALUE)).isEqualTo(RateLimits.hashed("EMAIL:someone@example.org"));
		assertThat(hashes.candidates(VALUE)).containsExactly(hashes.hash(VALUE));
	}

	@Test
	void withASecretTheHashDependsOnTheSecretAndThePurpose() {
		String kept = new KeyedHashes("purpose:", SECRET, List.of()).hash(VALUE);

		assertThat(kept).matches("[0-9a-f]{64}")
			.isNotEqualTo(RateLimits.hashed("EMAIL:someone@example.org"))
			.isNotEqualTo(new KeyedHashes("purpose:", OLD, List.of()).hash(VALUE))
			.isNotEqualTo(new KeyedHashes("another purpose:", SECRET, List.of()).hash(VALUE))
			.isEqualTo(new KeyedHashes("purpose:", SECRET, List.of()).hash(VALUE));
	}

	@Test
	void candidatesAreTheCurrentThenEachPreviousThenThePlainHash() {
		KeyedHashes hashes = new KeyedHashes("purpose:", SECRET, List.of(OLD));

		assertThat(hashes.candidates(VALUE)).containsExactly(hashes.hash(VALUE),
				new KeyedHashes("purpose:", OLD, List.of()).hash(VALUE),
				RateLimits.hashed("EMAIL:someone@example.org"));
	}

	@Test
	void aSecretFromTheEnvironmentIsStrippedAndMustBeLongAndCommaFree() {
		assertThat(KeyedHashes.secretSetting("x.secret", " " + SECRET + "\n")).isEqualTo(SECRET);
		assertThat(KeyedHashes.secretSetting("x.secret", "  ")).isNull();
		assertThat(KeyedHashes.secretSetting("x.secret", null)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> KeyedHashes.secretSetting("x.secret", "short"))
			.withMessage("Each key of x.secret must be at least 32 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> KeyedHashes.secretSetting("x.secret", SECRET + "," + OLD))
			.withMessageStartingWith("x.secret must have no comma");
		assertThat(KeyedHashes.previousSetting("x.previous", List.of(" " + OLD, " "))).containsExactly(OLD);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KeyedHashes.previousSetting("x.previous", List.of(OLD, "short")))
			.withMessage("Each key of x.previous must be at least 32 characters");
	}

}
