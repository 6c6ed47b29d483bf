package uk.yourarea.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.web.RateLimits;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out over real HTTP, with the CSRF token taken from the form as a browser
 * sends it. Tests that lock out or disable an account use accounts of their own, never
 * the demo accounts.
 */
@DemoSiteTest
@ExtendWith(OutputCaptureExtension.class)
class SignInIT {

	private static final String WRONG = "Enter a correct email address and password";

	private static final String TOO_MANY = "Too many attempts. Wait 5 minutes and try again.";

	@Autowired
	private Environment environment;

	@Autowired
	private StaffAccounts accounts;

	@Autowired
	private PasswordHashingTurns turns;

	@Autowired
	private RateLimits rateLimits;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PasswordEncoder encoder;

	private Instant started;

	@BeforeEach
	void notePerAddressFailuresFromNow() {
		this.started = Instant.now();
	}

	/**
	 * Every test signing in from this machine shares one client address, and its limit of
	 * 50 failures (which {@link SignInThrottleIT} tests with made-up addresses): each
	 * test here takes back the failures it added there.
	 */
	@AfterEach
	void forgetPerAddressFailures() {
		this.jdbc.update("delete from rate_limit_hit where bucket like 'sign-in-address:%' and at >= ?",
				Timestamp.from(this.started.minusSeconds(1)));
	}

	@ParameterizedTest
	@CsvSource({ "officer.wigston@example.org, true, false", "officer.oadby@example.org, true, false",
			"sergeant@example.org, true, false", "webeditor@example.org, false, false",
			"admin@example.org, true, true" })
	void eachDemoAccountLandsOnTheStaffHomePageWithTheLinksItsRolesAllow(String email, boolean inbox,
			boolean accounts) {
		StaffBrowser browser = StaffBrowser.on(this.environment);

		HttpResponse<String> signedIn = browser.signIn(email, StaffBrowser.DEMO_PASSWORD);

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(signedIn)).isEqualTo("/staff");
		HttpResponse<String> home = browser.get("/staff");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");
		Document page = StaffBrowser.parse(home);
		Pages.assertAccessibleStructure(page);
		assertThat(page.select("main a[href=/staff/inbox]")).as("link to the inbox").hasSize(inbox ? 1 : 0);
		assertThat(page.select("main a[href=/staff/admin/accounts]")).as("link to staff accounts")
			.hasSize(accounts ? 1 : 0);
		assertThat(page.select("nav a[href=/staff/inbox]")).as("inbox in the navigation").hasSize(inbox ? 1 : 0);
		assertThat(page.select("nav a[href=/staff/admin/accounts]")).as("staff accounts in the navigation")
			.hasSize(accounts ? 1 : 0);
		assertThat(page.select("form[action=/staff/sign-out] button").text()).isEqualTo("Sign out");
	}

	@Test
	void showsTheSignInFormWithACsrfTokenAndNoErrors() {
		StaffBrowser browser = StaffBrowser.on(this.environment);

		HttpResponse<String> response = browser.get("/staff/sign-in");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		Document page = StaffBrowser.parse(response);
		Pages.assertAccessibleStructure(page);
		assertThat(page.title()).startsWith("Sign in – ");
		assertThat(page.select(".govuk-error-summary")).isEmpty();
		assertThat(page.select("nav")).as("no staff navigation before signing in").isEmpty();
		assertThat(page.select("form[action=/staff/sign-in] input[name=_csrf]").val()).isNotBlank();
		assertThat(page.select("input#email").attr("autocomplete")).isEqualTo("username");
		assertThat(page.select("input#password").attr("type")).isEqualTo("password");
	}

	@Test
	void sendsSomeoneWhoIsNotSignedInToTheSignInPage() {
		HttpResponse<String> response = StaffBrowser.on(this.environment).get("/staff");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(response)).isEqualTo("/staff/sign-in");
	}

	@Test
	void goesBackToThePageAskedForAfterSigningIn() {
		StaffBrowser browser = StaffBrowser.on(this.environment);
		browser.get("/staff/change-password");

		HttpResponse<String> signedIn = browser.signIn("officer.oadby@example.org", StaffBrowser.DEMO_PASSWORD);

		assertThat(StaffBrowser.redirectPath(signedIn)).startsWith("/staff/change-password");
	}

	@Test
	void givesTheSameAnswerForAWrongPasswordAndAnUnknownEmailAddress() {
		StaffBrowser first = StaffBrowser.on(this.environment);
		HttpResponse<String> wrongPassword = first.signIn("webeditor@example.org", "not the right password");
		StaffBrowser second = StaffBrowser.on(this.environment);
		HttpResponse<String> unknownEmail = second.signIn("nobody-here@example.org", "not the right password");

		assertThat(wrongPassword.statusCode()).as("the form again, in the answer").isEqualTo(200);
		assertThat(unknownEmail.statusCode()).isEqualTo(200);
		Document afterWrongPassword = StaffBrowser.parse(wrongPassword);
		Document afterUnknownEmail = StaffBrowser.parse(unknownEmail);
		for (Document page : List.of(afterWrongPassword, afterUnknownEmail)) {
			assertThat(page.title()).startsWith("Error: Sign in");
			assertThat(page.select(".govuk-error-summary__list a").text()).isEqualTo(WRONG);
			assertThat(page.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#email");
			assertThat(page.select("#email-error").text()).isEqualTo("Error: " + WRONG);
			assertThat(page.select("input#password").val()).as("the password is never sent back").isEmpty();
			assertThat(page.select("form[action=/staff/sign-in] input[name=_csrf]").val()).isNotBlank();
			Pages.assertAccessibleStructure(page);
		}
		assertThat(afterWrongPassword.select("input#email").val()).isEqualTo("webeditor@example.org");
		assertThat(afterUnknownEmail.select("input#email").val()).isEqualTo("nobody-here@example.org");
		afterWrongPassword.select("input[name=_csrf]").remove();
		afterUnknownEmail.select("input[name=_csrf]").remove();
		assertThat(afterWrongPassword.select("main").html().replace("webeditor@example.org", "EMAIL"))
			.as("the whole page, but for the email address typed")
			.isEqualTo(afterUnknownEmail.select("main").html().replace("nobody-here@example.org", "EMAIL"));
		assertThat(first.get("/staff").statusCode()).as("still not signed in").isEqualTo(302);
		HttpResponse<String> again = first.submit("/staff/sign-in", "/staff/sign-in", "email", "webeditor@example.org",
				"password", StaffBrowser.DEMO_PASSWORD);
		assertThat(again.statusCode()).as("the form shown again works").isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(again)).as("the form shown again works").startsWith("/staff");
		assertThat(first.get("/staff").statusCode()).as("signed in").isEqualTo(200);
	}

	@Test
	void twentyFailedSignInsStoreNoSession() {
		long sessionsBefore = sessions();
		StaffBrowser browser = StaffBrowser.on(this.environment);
		for (int attempt = 1; attempt <= 20; attempt++) {
			HttpResponse<String> failed = browser.signIn("nobody-" + attempt + "@example.org", "wrong password");
			assertThat(failed.statusCode()).as("attempt %d", attempt).isEqualTo(200);
			assertThat(failed.headers().allValues("Set-Cookie")).as("attempt %d", attempt)
				.noneMatch((cookie) -> cookie.startsWith(StaffSecurityProperties.PLAIN_COOKIE_NAME + "="));
		}

		assertThat(browser.sessionId()).isEmpty();
		assertThat(sessions()).as("rows in staff_session_hashed").isEqualTo(sessionsBefore);
	}

	@Test
	void refusesTheEleventhAttemptWithinFiveMinutesEvenWithTheRightPassword() {
		StaffAccounts.Account account = TestAccounts.create(this.accounts, "Locked Out", Set.of(StaffRole.WEB_EDITOR),
				Set.of(), Set.of());
		StaffBrowser browser = StaffBrowser.on(this.environment);
		for (int attempt = 1; attempt <= 10; attempt++) {
			HttpResponse<String> failed = browser.signIn(account.email(), "wrong password " + attempt);
			assertThat(StaffBrowser.parse(failed).select(".govuk-error-summary__list").text()).as("attempt %d", attempt)
				.isEqualTo(WRONG);
		}

		HttpResponse<String> eleventh = browser.signIn(account.email(), TestAccounts.PASSWORD);

		assertThat(eleventh.statusCode()).isEqualTo(429);
		assertThat(eleventh.headers().firstValue("Retry-After")).hasValue("300");
		Document page = StaffBrowser.parse(eleventh);
		assertThat(page.select(".govuk-error-summary__list").text()).isEqualTo(TOO_MANY);
		assertThat(page.select("input#email").val()).isEqualTo(account.email());
		Pages.assertAccessibleStructure(page);
		assertThat(browser.get("/staff").statusCode()).as("not signed in").isEqualTo(302);
		HttpResponse<String> otherAccount = StaffBrowser.on(this.environment)
			.signIn("officer.wigston@example.org", StaffBrowser.DEMO_PASSWORD);
		assertThat(StaffBrowser.redirectPath(otherAccount)).as("other accounts are not locked").isEqualTo("/staff");
	}

	@Test
	void saysTheServiceIsBusyWhenNoTurnToHashComesInTime() {
		StaffAccounts.Account account = TestAccounts.create(this.accounts, "Busy Day", Set.of(StaffRole.WEB_EDITOR),
				Set.of(), Set.of());
		StaffBrowser browser = StaffBrowser.on(this.environment);
		String token = StaffBrowser.csrfToken(browser.page("/staff/sign-in"), "/staff/sign-in");
		HttpResponse<String> busy;
		for (int turn = 0; turn < this.turns.atOnce(); turn++) {
			this.turns.take();
		}
		try {
			busy = browser.post("/staff/sign-in", token, "email", account.email(), "password", TestAccounts.PASSWORD);
		}
		finally {
			for (int turn = 0; turn < this.turns.atOnce(); turn++) {
				this.turns.giveBack();
			}
		}

		assertThat(busy.statusCode()).isEqualTo(503);
		assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
		Document page = StaffBrowser.parse(busy);
		assertThat(page.select(".govuk-error-summary__list").text())
			.isEqualTo("The service is busy. Wait a moment and sign in again.");
		assertThat(page.select("input#email").val()).isEqualTo(account.email());
		assertThat(this.rateLimits.count(SignInThrottle.accountBucket(account.email()), Duration.ofMinutes(5)))
			.as("not counted as a failure")
			.isZero();
		HttpResponse<String> later = browser.post("/staff/sign-in", token, "email", account.email(), "password",
				TestAccounts.PASSWORD);
		assertThat(StaffBrowser.redirectPath(later)).as("a moment later").isEqualTo("/staff");
	}

	@Test
	void countsWrongCurrentPasswordsLikeFailedSignIns() {
		StaffAccounts.Account account = TestAccounts.create(this.accounts, "Session Left Open",
				Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of());
		StaffBrowser browser = StaffBrowser.signedIn(this.environment, account.email(), TestAccounts.PASSWORD);
		for (int attempt = 1; attempt <= 10; attempt++) {
			HttpResponse<String> wrong = changePassword(browser, "guess number " + attempt);
			assertThat(wrong.statusCode()).as("attempt %d", attempt).isEqualTo(200);
			assertThat(StaffBrowser.parse(wrong).select("#currentPassword-error").text()).as("attempt %d", attempt)
				.isEqualTo("Error: Your current password is not correct");
		}

		HttpResponse<String> eleventh = changePassword(browser, TestAccounts.PASSWORD);

		assertThat(eleventh.statusCode()).isEqualTo(429);
		assertThat(eleventh.headers().firstValue("Retry-After")).hasValue("300");
		assertThat(StaffBrowser.parse(eleventh).select("#currentPassword-error").text())
			.isEqualTo("Error: Too many wrong passwords. Wait 5 minutes and try again.");
		String hash = this.jdbc.queryForObject("select password_hash from staff_account where id = ?", String.class,
				account.id());
		assertThat(this.encoder.matches(TestAccounts.PASSWORD, hash)).as("the password is unchanged").isTrue();
		HttpResponse<String> signIn = StaffBrowser.on(this.environment).signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(signIn.statusCode()).as("signing in from this address counts the same failures").isEqualTo(429);
	}

	@Test
	void sendsAFormWhoseSessionTimedOutBackToSignIn() {
		HttpResponse<String> response = StaffBrowser.on(this.environment)
			.post("/staff/sign-in", "a-token-from-a-session-that-ended", "email", "webeditor@example.org", "password",
					StaffBrowser.DEMO_PASSWORD);

		assertThat(StaffBrowser.redirectPath(response)).isEqualTo("/staff/sign-in?timed-out");
	}

	@Test
	void theSignInPageStartsNoSession() {
		StaffBrowser browser = StaffBrowser.on(this.environment);
		assertThat(browser.get("/staff/sign-in").statusCode()).isEqualTo(200);

		assertThat(browser.sessionId()).as("only the form token's cookie").isEmpty();
	}

	@Test
	void aStaffPageAskedForSignedOutStartsNoSessionAndSigningInLeadsBackToIt() {
		long sessionsBefore = sessions();
		StaffBrowser browser = StaffBrowser.on(this.environment);
		for (int visit = 0; visit < 20; visit++) {
			HttpResponse<String> refused = browser.get("/staff/inbox?status=OPEN");
			assertThat(StaffBrowser.redirectPath(refused)).isEqualTo("/staff/sign-in");
		}
		assertThat(browser.sessionId()).as("no session cookie").isEmpty();
		assertThat(sessions()).as("rows in staff_session_hashed").isEqualTo(sessionsBefore);

		HttpResponse<String> signedIn = browser.signIn("officer.wigston@example.org", StaffBrowser.DEMO_PASSWORD);

		assertThat(StaffBrowser.location(signedIn)).as("back to the page first asked for")
			.endsWith("/staff/inbox?status=OPEN");
	}

	@Test
	void givesANewSessionIdAtSignInSoThatAPlantedSessionGainsNothing() {
		StaffBrowser attacker = StaffBrowser.signedIn(this.environment, "webeditor@example.org",
				StaffBrowser.DEMO_PASSWORD);
		StaffBrowser victim = attacker.copy();
		String planted = victim.sessionId().orElseThrow();
		String token = victim.page("/staff").select("input[name=_csrf]").val();

		HttpResponse<String> signedIn = victim.post("/staff/sign-in", token, "email", "officer.oadby@example.org",
				"password", StaffBrowser.DEMO_PASSWORD);

		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(victim.sessionId()).isPresent().get().isNotEqualTo(planted);
		assertThat(victim.get("/staff/inbox").statusCode()).as("the officer").isEqualTo(200);
		HttpResponse<String> planter = attacker.get("/staff/inbox");
		assertThat(planter.statusCode()).as("the planted id leads nowhere now").isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(planter)).startsWith("/staff/sign-in");
	}

	@Test
	void keepsOnlyTheHashOfASessionIdSoThatTheTableOpensNoSession() throws Exception {
		StaffBrowser browser = StaffBrowser.signedIn(this.environment, "sergeant@example.org",
				StaffBrowser.DEMO_PASSWORD);
		// Spring Session's cookie carries the id in base64.
		String id = new String(Base64.getDecoder().decode(browser.sessionId().orElseThrow()), StandardCharsets.UTF_8);
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));

		assertThat(this.jdbc.queryForObject("select count(*) from staff_session_hashed where session_id = ?",
				Long.class, id))
			.as("the id in clear")
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from staff_session_hashed where session_id = ?",
				Long.class, hash))
			.isOne();
		HttpResponse<String> forged = browser
			.withSessionCookie(Base64.getEncoder().encodeToString(hash.getBytes(StandardCharsets.UTF_8)))
			.get("/staff");
		assertThat(forged.statusCode()).as("what the table holds, sent as the cookie").isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(forged)).isEqualTo("/staff/sign-in");
		assertThat(browser.get("/staff").statusCode()).as("the session itself, found by its hash").isEqualTo(200);
		assertThat(browser.sessionId()).as("the same session, not a new one")
			.hasValue(Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)));

		browser.submit("/staff", "/staff/sign-out");
		assertThat(this.jdbc.queryForObject("select count(*) from staff_session_hashed where session_id = ?",
				Long.class, hash))
			.as("signing out deletes it by its hash")
			.isZero();
	}

	@Test
	void signingOutEndsTheSession() {
		StaffBrowser browser = StaffBrowser.signedIn(this.environment, "sergeant@example.org",
				StaffBrowser.DEMO_PASSWORD);
		StaffBrowser sameSessionElsewhere = browser.copy();
		assertThat(sameSessionElsewhere.get("/staff").statusCode()).isEqualTo(200);

		HttpResponse<String> signedOut = browser.submit("/staff", "/staff/sign-out");

		assertThat(StaffBrowser.redirectPath(signedOut)).isEqualTo("/staff/sign-in?signed-out");
		assertThat(StaffBrowser.parse(browser.follow(signedOut)).select(".govuk-notification-banner").text())
			.contains("You have signed out.");
		HttpResponse<String> reused = sameSessionElsewhere.get("/staff");
		assertThat(reused.statusCode()).as("the old session id no longer works").isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(reused)).isEqualTo("/staff/sign-in");
	}

	@Test
	void signingOutNeedsTheCsrfToken() {
		StaffBrowser browser = StaffBrowser.signedIn(this.environment, "sergeant@example.org",
				StaffBrowser.DEMO_PASSWORD);

		HttpResponse<String> forged = browser.post("/staff/sign-out", null);

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(browser.get("/staff").statusCode()).as("still signed in").isEqualTo(200);
	}

	@Test
	void aDisabledAccountCannotSignInAndItsSessionEnds() {
		StaffAccounts.Account account = TestAccounts.create(this.accounts, "Soon Disabled",
				Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of());
		StaffBrowser browser = StaffBrowser.signedIn(this.environment, account.email(), TestAccounts.PASSWORD);
		assertThat(browser.get("/staff").statusCode()).isEqualTo(200);

		try (ActingAs admin = ActingAs.staff(administrator())) {
			this.accounts.disable(account.id(), administrator());
		}

		HttpResponse<String> next = browser.get("/staff");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(next)).isEqualTo("/staff/sign-in?ended");
		HttpResponse<String> again = StaffBrowser.on(this.environment).signIn(account.email(), TestAccounts.PASSWORD);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(StaffBrowser.parse(again).select(".govuk-error-summary__list").text()).isEqualTo(WRONG);
		try (ActingAs admin = ActingAs.staff(administrator())) {
			this.accounts.enable(account.id(), administrator());
		}
		assertThat(StaffBrowser
			.redirectPath(StaffBrowser.on(this.environment).signIn(account.email(), TestAccounts.PASSWORD)))
			.isEqualTo("/staff");
	}

	@Test
	void aNewPasswordSetByAnAdministratorEndsTheSession() {
		StaffAccounts.Account account = TestAccounts.create(this.accounts, "Forgot Password",
				Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of());
		StaffBrowser browser = StaffBrowser.signedIn(this.environment, account.email(), TestAccounts.PASSWORD);

		try (ActingAs admin = ActingAs.staff(administrator())) {
			this.accounts.setTemporaryPassword(account.id(), "a brand new temporary one", administrator());
		}

		assertThat(StaffBrowser.redirectPath(browser.get("/staff"))).isEqualTo("/staff/sign-in?ended");
	}

	@Test
	void neverLogsPasswords(CapturedOutput output) {
		String canary = "canary-" + System.nanoTime();

		StaffBrowser.on(this.environment).signIn("webeditor@example.org", canary);
		StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);

		assertThat(output.getAll()).contains("Sign-in failed: email=webeditor@example.org")
			.contains("Sign-in succeeded: staff=")
			.doesNotContain(canary)
			.doesNotContain(StaffBrowser.DEMO_PASSWORD);
	}

	private HttpResponse<String> changePassword(StaffBrowser browser, String current) {
		return browser.submit("/staff/change-password", "/staff/change-password", "currentPassword", current,
				"newPassword", "a brand new password of mine", "confirmPassword", "a brand new password of mine");
	}

	private long sessions() {
		return this.jdbc.queryForObject("select count(*) from staff_session_hashed", Long.class);
	}

	private StaffUser administrator() {
		long id = this.jdbc.queryForObject("select id from staff_account where email = 'admin@example.org'",
				Long.class);
		return new StaffUser(id, "Administrator (test)", "admin@example.org", Set.of(StaffRole.ADMIN), Set.of(),
				Set.of());
	}

}
