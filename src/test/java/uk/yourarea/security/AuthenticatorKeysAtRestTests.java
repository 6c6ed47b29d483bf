package uk.yourarea.security;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What start-up says about the authenticator-app keys at rest, with the keys' storage
 * replaced by what it would report.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticatorKeysAtRestTests {

	private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

	private final SecondFactors secondFactors = mock(SecondFactors.class);

	@Test
	void withoutASecretOutsideTheDemoEveryStartWarnsThatKeysAreInClear(CapturedOutput output) {
		given(this.secondFactors.storeAsConfigured()).willReturn(new SecondFactors.AtRest(0, List.of()));

		atRest(null, "default").afterSingletonsInstantiated();

		assertThat(output.getOut().lines().filter((line) -> line.contains(AuthenticatorKeysAtRest.IN_CLEAR)))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN"));
	}

	@Test
	void neitherTheDemoNorASiteWithASecretWarns(CapturedOutput output) {
		given(this.secondFactors.storeAsConfigured()).willReturn(new SecondFactors.AtRest(0, List.of()));

		atRest(null, "demo").afterSingletonsInstantiated();
		atRest(SECRET, "default").afterSingletonsInstantiated();

		assertThat(output).doesNotContain("stored in clear");
	}

	@Test
	void keysSealedAgainAreCounted(CapturedOutput output) {
		given(this.secondFactors.storeAsConfigured()).willReturn(new SecondFactors.AtRest(3, List.of()));

		atRest(SECRET, "default").afterSingletonsInstantiated();

		assertThat(output).contains("3 authenticator-app key(s) stored again sealed with the configured key");
	}

	@Test
	void keysNoSecretOpensStopTheStartNamingTheirAccounts() {
		given(this.secondFactors.storeAsConfigured()).willReturn(new SecondFactors.AtRest(1, List.of(7L, 12L)));

		assertThatIllegalStateException().isThrownBy(atRest(SECRET, "default")::afterSingletonsInstantiated)
			.withMessageStartingWith("Refusing to start")
			.withMessageContaining("2 staff account(s) [7, 12]");
	}

	@Test
	void aDatabaseDownAtStartLeavesTheKeysForLaterAndStartsAllTheSame(CapturedOutput output) {
		given(this.secondFactors.storeAsConfigured())
			.willThrow(new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"))
			.willThrow(new DataAccessResourceFailureException("Connection refused"));

		atRest(SECRET, "default").afterSingletonsInstantiated();
		atRest(SECRET, "default").afterSingletonsInstantiated();

		assertThat(output).contains("Could not check how authenticator-app keys are stored: Could not open JPA")
			.contains("Could not check how authenticator-app keys are stored: Connection refused");
	}

	private AuthenticatorKeysAtRest atRest(String secret, String profile) {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles(profile);
		return new AuthenticatorKeysAtRest(this.secondFactors,
				new AuthenticatorKeySeal(new AuthenticatorKeyProperties(secret, List.of())), environment);
	}

}
