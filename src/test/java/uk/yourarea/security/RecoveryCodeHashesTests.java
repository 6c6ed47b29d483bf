package uk.yourarea.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryCodeHashesTests {

	private static final String CURRENT = "a-current-secret-of-at-least-32-characters";

	private static final String OLD = "an-old-secret-that-was-in-use-until-yesterday";

	// SHA-256 of "ABCDE23456", the code below as it is compared.
	private static final String PLAIN = "82a15347a056ccbf451fbd1c865eed21ec190069eedd32b0c9dc6452887811cc";

	// HMAC-SHA256 of the same under "yourarea recovery codes:" and CURRENT: codes kept
	// under a secret must stay recognisable from one release to the next.
	private static final String KEYED = "1adb30d86c55dccbe69301fe848c3529817f74d6a6f3fdffde13d8ab716956c8";

	private static RecoveryCodeHashes hashes(String current, String... previous) {
		return new RecoveryCodeHashes(new AuthenticatorKeyProperties(current, List.of(previous)));
	}

	@Test
	void withoutASecretACodeIsKeptAsItsPlainSha256AsBefore() {
		assertThat(hashes(null).hash("ABCDE-23456")).isEqualTo(PLAIN);
		assertThat(hashes(null).candidates("abcde 23456")).containsExactly(PLAIN);
	}

	@Test
	void withASecretACodeIsKeptAsAnHmacThatTheDatabaseAloneCannotCheck() {
		String kept = hashes(CURRENT).hash("ABCDE-23456");

		assertThat(kept).isEqualTo(KEYED).isNotEqualTo(PLAIN).isNotEqualTo(hashes(OLD).hash("ABCDE-23456"));
		assertThat(hashes(CURRENT).candidates("abcde23456")).first().isEqualTo(kept);
	}

	@Test
	void aCodeKeptUnderThePreviousSecretOrBeforeAnyIsStillRecognised() {
		String keptUnderOld = hashes(OLD).hash("ABCDE-23456");

		assertThat(hashes(CURRENT, OLD).candidates("ABCDE-23456")).contains(keptUnderOld, PLAIN);
		assertThat(hashes(CURRENT).candidates("ABCDE-23456")).doesNotContain(keptUnderOld);
	}

}
