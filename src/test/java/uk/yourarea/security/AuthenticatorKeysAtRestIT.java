package uk.yourarea.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * With a secret to seal authenticator-app keys configured, keys stored in clear (before
 * it was set) or sealed with the previous secret are sealed with the current one at
 * start-up or when next used, and still give their app's codes; a key no configured
 * secret opens stops the start rather than lock its owner out unseen.
 */
@SiteSealingAuthenticatorKeys
class AuthenticatorKeysAtRestIT {

	private static final String KEY = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	private static final String UNKNOWN_SECRET = "a-secret-this-site-has-never-been-given-at-all";

	@Autowired
	StaffAccounts accounts;

	@Autowired
	SecondFactors secondFactors;

	@Autowired
	AuthenticatorKeysAtRest atRest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	/**
	 * The test run's other contexts share this database and have no secret: a key sealed
	 * here would stop them starting.
	 */
	@AfterEach
	void noKeySealedLeftBehind() {
		SealingSecrets.removeSealedKeys(this.jdbc);
	}

	@Test
	void aKeyInClearIsSealedAtStartAndStillGivesItsCodes() {
		long officer = officerWithApp("PC Key In Clear");

		this.atRest.afterSingletonsInstantiated();

		assertThat(stored(officer)).startsWith(AuthenticatorKeySeal.SEALED).doesNotContain(KEY);
		assertThat(onlyCurrent().open(officer, stored(officer)).key()).isEqualTo(KEY);
		assertThat(this.secondFactors.check(officer, SecondFactorCodes.next(KEY, this.clock)))
			.isEqualTo(SecondFactors.CodeCheck.ACCEPTED_APP);
	}

	@Test
	void aKeySealedWithThePreviousSecretIsSealedAgainWithTheCurrentOne() {
		long officer = officerWithApp("PC Previous Secret");
		setStored(officer, sealWith(SealingSecrets.PREVIOUS).seal(officer, KEY));

		this.atRest.afterSingletonsInstantiated();

		assertThat(onlyCurrent().open(officer, stored(officer))).as("opened without the previous secret")
			.isEqualTo(new AuthenticatorKeySeal.Opened(KEY, true));
	}

	@Test
	void aKeyInClearIsSealedWhenItsCodeIsNextAccepted() {
		long officer = officerWithApp("PC Sealed On Use");

		assertThat(this.secondFactors.check(officer, SecondFactorCodes.next(KEY, this.clock)))
			.isEqualTo(SecondFactors.CodeCheck.ACCEPTED_APP);

		assertThat(stored(officer)).startsWith(AuthenticatorKeySeal.SEALED).doesNotContain(KEY);
	}

	@Test
	void aKeySealedWithAnUnknownSecretStopsTheStartAndNamesItsAccount() {
		long unknown = officerWithApp("PC Unknown Secret");
		setStored(unknown, sealWith(UNKNOWN_SECRET).seal(unknown, KEY));
		long inClear = officerWithApp("PC Sealed Anyway");
		assertThatIllegalStateException().isThrownBy(this.atRest::afterSingletonsInstantiated)
			.withMessageContaining("Refusing to start")
			.withMessageContaining("[" + unknown + "]")
			.withMessageContaining("YOURAREA_SECURITY_TOTP_PREVIOUS");
		assertThat(stored(inClear)).as("the others are sealed all the same").startsWith(AuthenticatorKeySeal.SEALED);
		assertThat(this.secondFactors.check(unknown, SecondFactorCodes.next(KEY, this.clock)))
			.as("its codes cannot be checked, without an error page")
			.isEqualTo(SecondFactors.CodeCheck.APP_KEY_NOT_OPENED);
	}

	@Test
	void codesOfAnAppThisInstanceCannotOpenAreNotCountedAsWrongSoARecoveryCodeStillWorks() {
		long officer = officerWithApp("PC Site's Fault");
		List<String> recoveryCodes = this.secondFactors.newRecoveryCodes(officer);
		setStored(officer, sealWith(UNKNOWN_SECRET).seal(officer, KEY));
		for (int i = 0; i <= SecondFactors.WRONG_CODES_ALLOWED; i++) {
			assertThat(this.secondFactors.check(officer, SecondFactorCodes.next(KEY, this.clock)))
				.isEqualTo(SecondFactors.CodeCheck.APP_KEY_NOT_OPENED);
		}

		assertThat(this.secondFactors.check(officer, recoveryCodes.get(0)))
			.isEqualTo(SecondFactors.CodeCheck.ACCEPTED_RECOVERY_CODE);
	}

	@Test
	void recoveryCodesAreKeptAsHashesTheDatabaseAloneCannotCheck() {
		long officer = officerWithApp("PC Recovery Codes");

		List<String> codes = this.secondFactors.newRecoveryCodes(officer);

		List<String> kept = this.jdbc.queryForList(
				"select code_hash from staff_recovery_code where staff_account_id = ?", String.class, officer);
		RecoveryCodeHashes withoutSecret = new RecoveryCodeHashes(new AuthenticatorKeyProperties(null, List.of()));
		assertThat(kept).hasSize(10)
			.noneMatch((hash) -> codes.stream().map(withoutSecret::hash).toList().contains(hash));
		assertThat(this.secondFactors.check(officer, codes.get(0)))
			.isEqualTo(SecondFactors.CodeCheck.ACCEPTED_RECOVERY_CODE);
		assertThat(this.secondFactors.check(officer, codes.get(0))).as("once").isEqualTo(SecondFactors.CodeCheck.WRONG);
	}

	@Test
	void aRecoveryCodeSentFourTimesAtOnceLetsOneIn() throws Exception {
		long officer = officerWithApp("PC Double Click");
		String code = this.secondFactors.newRecoveryCodes(officer).get(0);
		CyclicBarrier together = new CyclicBarrier(4);
		ExecutorService clicks = Executors.newFixedThreadPool(4);
		try {
			List<Future<SecondFactors.CodeCheck>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(clicks.submit(() -> {
					together.await();
					return this.secondFactors.check(officer, code);
				}));
			}
			List<SecondFactors.CodeCheck> checks = new ArrayList<>();
			for (Future<SecondFactors.CodeCheck> answer : answers) {
				checks.add(answer.get(30, TimeUnit.SECONDS));
			}

			assertThat(checks).containsOnlyOnce(SecondFactors.CodeCheck.ACCEPTED_RECOVERY_CODE);
		}
		finally {
			clicks.shutdownNow();
		}
	}

	@Test
	void recoveryCodesKeptBeforeTheSecretOrUnderThePreviousOneStillWorkOnce() {
		long officer = officerWithApp("PC Older Codes");
		RecoveryCodeHashes plain = new RecoveryCodeHashes(new AuthenticatorKeyProperties(null, List.of()));
		RecoveryCodeHashes previous = new RecoveryCodeHashes(
				new AuthenticatorKeyProperties(SealingSecrets.PREVIOUS, List.of()));
		this.jdbc.update(
				"insert into staff_recovery_code (staff_account_id, code_hash, created_at) values (?, ?, now())",
				officer, plain.hash("PLAIN-23456"));
		this.jdbc.update(
				"insert into staff_recovery_code (staff_account_id, code_hash, created_at) values (?, ?, now())",
				officer, previous.hash("OLDER-23456"));

		assertThat(this.secondFactors.check(officer, "plain 23456"))
			.isEqualTo(SecondFactors.CodeCheck.ACCEPTED_RECOVERY_CODE);
		assertThat(this.secondFactors.check(officer, "OLDER-23456"))
			.isEqualTo(SecondFactors.CodeCheck.ACCEPTED_RECOVERY_CODE);
		assertThat(this.secondFactors.check(officer, "OLDER-23456")).isEqualTo(SecondFactors.CodeCheck.WRONG);
		assertThat(this.secondFactors.recoveryCodesLeft(officer)).isZero();
	}

	@Test
	void aKeyBeingSetUpOpensAfterARestartOnlyIfItsSecretIsStillConfigured() {
		long officer = officerWithApp("PC Setting Up");

		assertThat(this.secondFactors.openedForSetUp(officer, this.secondFactors.sealedForSetUp(officer, KEY)))
			.contains(KEY);
		assertThat(this.secondFactors.openedForSetUp(officer, sealWith(SealingSecrets.PREVIOUS).seal(officer, KEY)))
			.contains(KEY);
		assertThat(this.secondFactors.openedForSetUp(officer, sealWith(UNKNOWN_SECRET).seal(officer, KEY)))
			.as("set-up starts again with a new key")
			.isEmpty();
	}

	@Test
	void aSealedKeyCopiedFromAnotherAccountGivesNoCodes() {
		long owner = officerWithApp("PC Key Owner");
		this.secondFactors.confirmAuthenticatorApp(owner, KEY, SecondFactorCodes.now(KEY, this.clock));
		long copier = officerWithApp("PC Key Copier");
		setStored(copier, stored(owner));

		assertThat(this.secondFactors.check(copier, SecondFactorCodes.next(KEY, this.clock)))
			.as("no code of it accepted")
			.isEqualTo(SecondFactors.CodeCheck.APP_KEY_NOT_OPENED);
		assertThat(this.secondFactors.check(owner, SecondFactorCodes.next(KEY, this.clock)))
			.isEqualTo(SecondFactors.CodeCheck.ACCEPTED_APP);
	}

	/** A new officer, with an app set up from {@link #KEY}, stored in clear. */
	private long officerWithApp(String name) {
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where slug = 'wigston'", Long.class);
		long id = TestAccounts.create(this.accounts, name, Set.of(StaffRole.OFFICER), Set.of(wigston), Set.of()).id();
		this.jdbc.update("""
				insert into staff_authenticator_app (staff_account_id, secret, created_at, confirmed_at)
				values (?, ?, now(), now())""", id, KEY);
		return id;
	}

	private void setStored(long accountId, String secret) {
		this.jdbc.update("update staff_authenticator_app set secret = ? where staff_account_id = ?", secret, accountId);
	}

	private String stored(long accountId) {
		return this.jdbc.queryForObject("select secret from staff_authenticator_app where staff_account_id = ?",
				String.class, accountId);
	}

	private static AuthenticatorKeySeal onlyCurrent() {
		return sealWith(SealingSecrets.CURRENT);
	}

	private static AuthenticatorKeySeal sealWith(String secret) {
		return new AuthenticatorKeySeal(new AuthenticatorKeyProperties(secret, List.of()));
	}

}
