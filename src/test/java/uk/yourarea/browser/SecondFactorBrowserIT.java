package uk.yourarea.browser;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.PasskeyOrigins;
import uk.yourarea.security.SecondFactorCodes;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.TestAccounts;
import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of staff sets up a second factor and signs in with it, in Chromium: a passkey
 * made with Chromium's virtual authenticator, and an authenticator app whose codes the
 * test works out from the key the set-up page shows. In the demo a second factor is
 * optional, but an account that has one must use it. axe checks each page on the way.
 */
@DemoSiteTest
class SecondFactorBrowserIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PasskeyOrigins passkeyOrigins;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	private StaffAccounts.Account officer;

	@BeforeEach
	void newOfficer() {
		this.passkeyOrigins.allow("http://localhost:" + this.port);
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where slug = 'wigston'", Long.class);
		this.officer = TestAccounts.create(this.accounts, "PC Passkey Test", Set.of(StaffRole.OFFICER), Set.of(wigston),
				Set.of());
	}

	@Test
	void registersAPasskeySignsOutAndSignsInWithPasswordAndPasskey() {
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(
				new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
					.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
					.setHasResidentKey(true)
					.setHasUserVerification(true)
					.setIsUserVerified(true));
		try {
			Chromium.signIn(browser, url("/staff/sign-in"), this.officer.email(), TestAccounts.PASSWORD);
			browser.get(url("/staff/second-factor"));
			Axe.assertNoViolations(browser);
			Chromium.clickThrough(browser, browser.findElement(By.linkText("Add a passkey")));
			Axe.assertNoViolations(browser);
			browser.findElement(By.id("label")).sendKeys("Test laptop");
			browser.findElement(By.cssSelector("#create-passkey button")).click();
			// The first passkey is used at once, to show that it works.
			new WebDriverWait(browser, WAIT).until((page) -> page.getCurrentUrl().contains("/staff/second-step"));
			browser.findElement(By.cssSelector("#use-passkey button")).click();
			new WebDriverWait(browser, WAIT).until((page) -> page.getCurrentUrl().contains("passkey-added"));
			assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner")).getText())
				.contains("Your passkey has been added");
			assertThat(browser.findElement(By.id("passkeys")).getText()).contains("Test laptop");
			assertThat(authenticator.getCredentials()).hasSize(1);

			signOut(browser);
			signInWithPassword(browser);
			assertThat(browser.getCurrentUrl()).endsWith("/staff/second-step");
			Axe.assertNoViolations(browser);
			browser.get(url("/staff/inbox"));
			assertThat(browser.getCurrentUrl()).as("nothing until the second step").endsWith("/staff/second-step");

			browser.findElement(By.cssSelector("#use-passkey button")).click();
			new WebDriverWait(browser, WAIT).until((page) -> page.getCurrentUrl().contains("/staff/inbox"));
			assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
			assertThat(browser.getPageSource()).doesNotContain("Prove it is you");
		}
		finally {
			((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
		}
	}

	@Test
	void setsUpAnAuthenticatorAppAndSignsInWithPasswordAndCode() {
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		Chromium.signIn(browser, url("/staff/sign-in"), this.officer.email(), TestAccounts.PASSWORD);
		browser.get(url("/staff/second-factor/authenticator-app"));
		Axe.assertNoViolations(browser);
		String key = browser.findElement(By.id("app-key")).getText().replace(" ", "");
		browser.findElement(By.id("code")).sendKeys("123");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("The code is not right");
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("code")).sendKeys(SecondFactorCodes.now(key, this.clock));
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(browser.findElements(By.cssSelector("#recovery-codes code"))).hasSize(10);
		Axe.assertNoViolations(browser);

		signOut(browser);
		signInWithPassword(browser);
		assertThat(browser.getCurrentUrl()).endsWith("/staff/second-step");
		browser.findElement(By.id("code")).sendKeys(SecondFactorCodes.next(key, this.clock));
		Chromium.clickThrough(browser, browser.findElement(By.xpath("//button[normalize-space()='Continue']")));
		new WebDriverWait(browser, WAIT).until((page) -> page.getCurrentUrl().matches(".*/staff(\\?.*)?"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("What do you want to do?");
	}

	private void signInWithPassword(WebDriver browser) {
		browser.manage().deleteAllCookies();
		browser.get(url("/staff/sign-in"));
		browser.findElement(By.id("email")).sendKeys(this.officer.email());
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	private void signOut(WebDriver browser) {
		browser.get(url("/staff"));
		Chromium.clickThrough(browser, browser.findElement(By.xpath("//button[normalize-space()='Sign out']")));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
