package uk.yourarea.security;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a second factor is required (everywhere but the demo): after the password alone
 * no staff page is shown, the first sign-in goes to set-up, and an authenticator app set
 * up from its key lets its owner in, with each code once. Its key is sealed wherever it
 * is kept, since a secret to seal it with is configured.
 */
@SiteSealingAuthenticatorKeys
class SecondFactorRequiredIT {

	@Autowired
	Environment environment;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	private StaffAccounts.Account officer;

	/**
	 * The test run's other contexts share this database and have no secret: a key sealed
	 * here would stop them starting.
	 */
	@AfterEach
	void noKeySealedLeftBehind() {
		SealingSecrets.removeSealedKeys(this.jdbc);
	}

	@BeforeEach
	void newOfficer() {
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where slug = 'wigston'", Long.class);
		this.officer = TestAccounts.create(this.accounts, "PC Second Factor",
				Set.of(StaffRole.OFFICER, StaffRole.ADMIN), Set.of(wigston), Set.of());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/staff", "/staff/inbox", "/staff/neighbourhoods", "/staff/admin/accounts",
			"/staff/change-password", "/staff/guarantee" })
	void withThePasswordAloneEveryStaffPageLeadsToTheSecondStepAndShowsNothing(String path) {
		StaffBrowser browser = passwordOnly();

		HttpResponse<String> response = browser.get(path);

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(response)).isEqualTo(SecondFactorController.SECOND_STEP);
		assertThat(response.body()).doesNotContain("Wigston").doesNotContain("PC Second Factor");
	}

	@Test
	void theFirstSignInGoesToSetUpWhichTheAppCompletes() {
		StaffBrowser browser = passwordOnly();
		HttpResponse<String> secondStep = browser.get(SecondFactorController.SECOND_STEP);
		assertThat(StaffBrowser.redirectPath(secondStep)).isEqualTo(SecondFactorSetUpController.SET_UP);
		assertThat(browser.page(SecondFactorSetUpController.SET_UP).select("#must-set-up").text())
			.contains("You must set up");

		List<String> recoveryCodes = setUpApp(browser).recoveryCodes();

		assertThat(recoveryCodes).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));
		assertThat(browser.get("/staff/inbox").statusCode()).as("in, with the app just set up").isEqualTo(200);
		assertThat(this.jdbc.queryForList("select code_hash from staff_recovery_code where staff_account_id = ?",
				String.class, this.officer.id()))
			.hasSize(10)
			.noneMatch(recoveryCodes::contains);
	}

	@Test
	void aLaterSignInNeedsACodeWhichWorksOnce() {
		String key = setUpApp(passwordOnly()).key();
		StaffBrowser monday = passwordOnly();
		assertThat(StaffBrowser.redirectPath(monday.get("/staff/inbox"))).isEqualTo(SecondFactorController.SECOND_STEP);

		HttpResponse<String> wrong = monday.submit(SecondFactorController.SECOND_STEP,
				SecondFactorController.SECOND_STEP, "code", "000000");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(StaffBrowser.parse(wrong).select(".govuk-error-summary").text()).contains("The code is not right");

		String code = new AuthenticatorAppCodes().codeAt(key, this.clock.instant().plusSeconds(30));
		HttpResponse<String> right = monday.submit(SecondFactorController.SECOND_STEP,
				SecondFactorController.SECOND_STEP, "code", code);
		assertThat(right.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.redirectPath(right)).as("back to the page first asked for").startsWith("/staff/inbox");
		assertThat(monday.get("/staff/inbox").statusCode()).isEqualTo(200);

		StaffBrowser replay = passwordOnly();
		HttpResponse<String> again = replay.submit(SecondFactorController.SECOND_STEP,
				SecondFactorController.SECOND_STEP, "code", code);
		assertThat(again.statusCode()).as("the same code a second time").isEqualTo(200);
		assertThat(replay.get("/staff").statusCode()).isEqualTo(302);
	}

	@Test
	void theAppsKeyIsNeitherInTheDatabaseNorInTheSessionsTableInClear() {
		StaffBrowser browser = passwordOnly();
		Document page = browser.page(SecondFactorSetUpController.SET_UP + "/authenticator-app");
		String shown = page.selectFirst("#app-key").text().replace(" ", "");
		assertThat(sessionsHolding(shown)).as("while it is being set up").isZero();
		assertThat(sessionsHolding(AuthenticatorKeySeal.SEALED)).as("but held sealed").isPositive();

		String key = setUpApp(browser).key();

		String stored = this.jdbc.queryForObject(
				"select secret from staff_authenticator_app where staff_account_id = ?", String.class,
				this.officer.id());
		assertThat(stored).startsWith(AuthenticatorKeySeal.SEALED).doesNotContain(key);
		assertThat(sessionsHolding(key)).as("once set up").isZero();
		assertThat(passwordOnly()
			.submit(SecondFactorController.SECOND_STEP, SecondFactorController.SECOND_STEP, "code",
					SecondFactorCodes.next(key, this.clock))
			.statusCode()).as("the sealed key still gives the app's codes").isEqualTo(303);
	}

	@Test
	void anAppWhoseKeyTheSiteCannotOpenIsSaidToBeTheSitesFault() {
		String key = setUpApp(passwordOnly()).key();
		String sealedElsewhere = new AuthenticatorKeySeal(
				new AuthenticatorKeyProperties("a-secret-this-site-has-never-been-given-at-all", List.of()))
			.seal(this.officer.id(), key);
		this.jdbc.update("update staff_authenticator_app set secret = ? where staff_account_id = ?", sealedElsewhere,
				this.officer.id());

		HttpResponse<String> answer = passwordOnly().submit(SecondFactorController.SECOND_STEP,
				SecondFactorController.SECOND_STEP, "code", SecondFactorCodes.next(key, this.clock));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(StaffBrowser.parse(answer).select(".govuk-error-summary").text())
			.contains("Your authenticator app cannot be checked at the moment")
			.contains("recovery code");
	}

	private int sessionsHolding(String key) {
		return this.jdbc.queryForObject(
				"select count(*) from staff_session_hashed_attributes where position(convert_to(?, 'UTF8') in attribute_bytes) > 0",
				Integer.class, key);
	}

	@Test
	void aRecoveryCodeLetsItsOwnerInOnce() {
		List<String> codes = setUpApp(passwordOnly()).recoveryCodes();

		StaffBrowser first = passwordOnly();
		assertThat(first
			.submit(SecondFactorController.SECOND_STEP, SecondFactorController.SECOND_STEP, "code",
					codes.get(3).toLowerCase().replace("-", " "))
			.statusCode()).isEqualTo(303);
		assertThat(first.get("/staff").statusCode()).isEqualTo(200);

		StaffBrowser second = passwordOnly();
		assertThat(second
			.submit(SecondFactorController.SECOND_STEP, SecondFactorController.SECOND_STEP, "code", codes.get(3))
			.statusCode()).isEqualTo(200);
		assertThat(second.get("/staff").statusCode()).isEqualTo(302);
	}

	@Test
	void fiveWrongCodesStopFurtherGuessesEvenARightOne() {
		String key = setUpApp(passwordOnly()).key();
		StaffBrowser guesser = passwordOnly();
		for (int i = 0; i < SecondFactors.WRONG_CODES_ALLOWED; i++) {
			guesser.submit(SecondFactorController.SECOND_STEP, SecondFactorController.SECOND_STEP, "code",
					String.format("%06d", i));
		}

		HttpResponse<String> right = guesser.submit(SecondFactorController.SECOND_STEP,
				SecondFactorController.SECOND_STEP, "code",
				new AuthenticatorAppCodes().codeAt(key, this.clock.instant().plusSeconds(30)));

		assertThat(StaffBrowser.parse(right).select(".govuk-error-summary").text()).contains("Too many wrong codes");
		assertThat(guesser.get("/staff").statusCode()).isEqualTo(302);
	}

	@Test
	void withAFactorSetUpThePasswordAloneCannotAddAnother() {
		setUpApp(passwordOnly());
		StaffBrowser thief = passwordOnly();

		HttpResponse<String> response = thief.get(SecondFactorSetUpController.SET_UP + "/authenticator-app");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(response)).isEqualTo(SecondFactorController.SECOND_STEP);
		String token = StaffBrowser.csrfToken(thief.page(SecondFactorController.SECOND_STEP),
				SecondFactorController.SECOND_STEP);
		HttpResponse<String> register = thief.post("/webauthn/register", token, "publicKey", "{}");
		assertThat(register.statusCode()).as("no passkey registered with a password alone").isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(register)).isEqualTo(SecondFactorController.SECOND_STEP);
	}

	private StaffBrowser passwordOnly() {
		StaffBrowser browser = StaffBrowser.on(this.environment);
		HttpResponse<String> signedIn = browser.signIn(this.officer.email(), TestAccounts.PASSWORD);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		return browser;
	}

	private AppSetUp setUpApp(StaffBrowser browser) {
		Document page = browser.page(SecondFactorSetUpController.SET_UP + "/authenticator-app");
		String key = page.selectFirst("#app-key").text().replace(" ", "");
		String qrCode = page.selectFirst("#qr-code img").attr("src");
		assertThat(qrCode).startsWith("data:image/svg+xml;base64,");
		assertThat(new String(java.util.Base64.getDecoder().decode(qrCode.substring(qrCode.indexOf(',') + 1)),
				java.nio.charset.StandardCharsets.UTF_8))
			.startsWith("<svg")
			.contains("<path");
		assertThat(page.selectFirst("#qr-code img").attr("alt")).contains("QR code");
		HttpResponse<String> confirmed = browser.post(SecondFactorSetUpController.SET_UP + "/authenticator-app",
				StaffBrowser.csrfToken(page, "/staff/second-factor/authenticator-app"), "code",
				new AuthenticatorAppCodes().codeAt(key, this.clock.instant()));
		assertThat(confirmed.statusCode()).isEqualTo(200);
		return new AppSetUp(key, StaffBrowser.parse(confirmed).select("#recovery-codes code").eachText());
	}

	private record AppSetUp(String key, List<String> recoveryCodes) {
	}

}
