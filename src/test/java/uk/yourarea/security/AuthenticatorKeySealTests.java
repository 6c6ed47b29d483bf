package uk.yourarea.security;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticatorKeySealTests {

	private static final String KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	private static final String CURRENT = "a-current-secret-of-at-least-32-characters";

	private static final String OLD = "an-old-secret-that-was-in-use-until-yesterday";

	private static AuthenticatorKeySeal seal(String current, String... previous) {
		return new AuthenticatorKeySeal(new AuthenticatorKeyProperties(current, List.of(previous)));
	}

	@Test
	void aSealedKeyHidesTheKeyAndOpensForItsAccount() {
		AuthenticatorKeySeal seal = seal(CURRENT);

		String stored = seal.seal(42, KEY);

		assertThat(stored).startsWith(AuthenticatorKeySeal.SEALED).doesNotContain(KEY).hasSizeLessThanOrEqualTo(256);
		assertThat(seal.open(42, stored)).isEqualTo(new AuthenticatorKeySeal.Opened(KEY, true));
	}

	@Test
	void sealingTheSameKeyTwiceGivesDifferentTexts() {
		AuthenticatorKeySeal seal = seal(CURRENT);

		assertThat(seal.seal(42, KEY)).isNotEqualTo(seal.seal(42, KEY));
	}

	@Test
	void aSealedKeyCopiedOntoAnotherAccountDoesNotOpen() {
		AuthenticatorKeySeal seal = seal(CURRENT);
		String stored = seal.seal(42, KEY);

		assertThatThrownBy(() -> seal.open(4, stored)).isInstanceOf(AuthenticatorKeySeal.KeyNotOpened.class)
			.hasMessageContaining("staff account 4 ");
		assertThatThrownBy(() -> seal.open(420, stored)).isInstanceOf(AuthenticatorKeySeal.KeyNotOpened.class);
	}

	@Test
	void aChangedSealedTextDoesNotOpen() {
		AuthenticatorKeySeal seal = seal(CURRENT);
		String stored = seal.seal(42, KEY);
		byte[] sealed = Base64.getUrlDecoder().decode(stored.substring(AuthenticatorKeySeal.SEALED.length()));
		sealed[sealed.length / 2] ^= 1;
		String changed = AuthenticatorKeySeal.SEALED + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);

		assertThatThrownBy(() -> seal.open(42, changed)).isInstanceOf(AuthenticatorKeySeal.KeyNotOpened.class);
		assertThatThrownBy(() -> seal.open(42, AuthenticatorKeySeal.SEALED + "not*base64"))
			.isInstanceOf(AuthenticatorKeySeal.KeyNotOpened.class);
	}

	@Test
	void aKeySealedWithAnotherSecretOpensOnlyWhenThatSecretIsListedAsPrevious() {
		String stored = seal(OLD).seal(42, KEY);

		assertThatThrownBy(() -> seal(CURRENT).open(42, stored)).isInstanceOf(AuthenticatorKeySeal.KeyNotOpened.class);
		assertThat(seal(CURRENT, OLD).open(42, stored)).as("open, but to be sealed again with the current secret")
			.isEqualTo(new AuthenticatorKeySeal.Opened(KEY, false));
	}

	@Test
	void aKeyInClearOpensAsItIsAndIsToBeSealedOnceASecretIsSet() {
		assertThat(seal(CURRENT).open(42, KEY)).isEqualTo(new AuthenticatorKeySeal.Opened(KEY, false));
	}

	@Test
	void withoutASecretKeysAreKeptInClear() {
		AuthenticatorKeySeal inClear = new AuthenticatorKeySeal(new AuthenticatorKeyProperties(" ", List.of()));

		assertThat(inClear.sealing()).isFalse();
		assertThat(inClear.seal(42, KEY)).isEqualTo(KEY);
		assertThat(inClear.open(42, KEY)).isEqualTo(new AuthenticatorKeySeal.Opened(KEY, true));
	}

	@Test
	void withOnlyAPreviousSecretASealedKeyOpensToBeStoredInClear() {
		String stored = seal(OLD).seal(42, KEY);
		AuthenticatorKeySeal unsealing = new AuthenticatorKeySeal(new AuthenticatorKeyProperties(null, List.of(OLD)));

		assertThat(unsealing.open(42, stored)).isEqualTo(new AuthenticatorKeySeal.Opened(KEY, false));
		assertThat(unsealing.seal(42, KEY)).isEqualTo(KEY);
	}

	@Test
	void withNoSecretAtAllASealedKeyDoesNotOpen() {
		String stored = seal(CURRENT).seal(42, KEY);
		AuthenticatorKeySeal inClear = new AuthenticatorKeySeal(new AuthenticatorKeyProperties(null, List.of()));

		assertThatThrownBy(() -> inClear.open(42, stored)).isInstanceOf(AuthenticatorKeySeal.KeyNotOpened.class);
	}

	@Test
	void aSecretReadFromAFileWithItsLineBreakIsTheSameSecret() {
		String stored = seal(CURRENT).seal(42, KEY);

		assertThat(seal(CURRENT + "\n").open(42, stored).key()).isEqualTo(KEY);
		assertThat(seal("x" + CURRENT, " " + CURRENT + "\n").open(42, stored).key()).isEqualTo(KEY);
	}

	@Test
	void aSecretWithACommaIsRefusedSinceItCouldNotBeListedAsPrevious() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuthenticatorKeyProperties(CURRENT + ",more", List.of()))
			.withMessageContaining("no comma");
	}

	@Test
	void aShortSecretIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuthenticatorKeyProperties("too short", List.of()))
			.withMessageContaining("at least 32 characters");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuthenticatorKeyProperties(CURRENT, List.of(" short ")));
	}

}
