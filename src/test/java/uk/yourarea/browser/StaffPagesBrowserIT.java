package uk.yourarea.browser;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on the pages of the contact and staff features that the main journey does not
 * pass through: sign-in errors, the staff home page, staff administration, the forced
 * password change and the contact form's limit page.
 */
@DemoSiteTest
class StaffPagesBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RateLimits rateLimits;

	@AfterEach
	void forgetTheLimit() {
		this.rateLimits.clear("contact-address:127.0.0.1");
	}

	@Test
	void signInErrorsStaffHomeAndAdministrationHaveNoAccessibilityViolations() {
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		browser.manage().deleteAllCookies();
		browser.get(url("/staff/sign-in"));
		browser.findElement(By.id("email")).sendKeys("admin@example.org");
		browser.findElement(By.id("password")).sendKeys("not the password");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitForError(browser);
		Axe.assertNoViolations(browser);

		signIn(browser, "admin@example.org", PASSWORD);
		for (String page : new String[] { "/staff", "/staff/admin/accounts", "/staff/admin/accounts/new" }) {
			browser.get(url(page));
			assertThat(browser.findElements(By.tagName("h1"))).as(page).hasSize(1);
			Axe.assertNoViolations(browser);
		}
		Chromium.clickThrough(browser, browser.findElement(By.xpath("//button[normalize-space()='Add account']")));
		waitForError(browser);
		Axe.assertNoViolations(browser);

		long officer = this.jdbc
			.queryForObject("select id from staff_account where email = 'officer.oadby@example.org'", Long.class);
		for (String page : new String[] { "/staff/admin/accounts/" + officer,
				"/staff/admin/accounts/" + officer + "/edit",
				"/staff/admin/accounts/" + officer + "/temporary-password" }) {
			browser.get(url(page));
			assertThat(browser.findElements(By.tagName("h1"))).as(page).hasSize(1);
			Axe.assertNoViolations(browser);
		}
	}

	@Test
	void theForcedPasswordChangeHasNoAccessibilityViolations() {
		long adminId = this.jdbc.queryForObject("select id from staff_account where email = 'admin@example.org'",
				Long.class);
		StaffUser admin = new StaffUser(adminId, "Admin", "admin@example.org", Set.of(StaffRole.ADMIN), Set.of(),
				Set.of());
		String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		try (ActingAs acting = ActingAs.staff(admin)) {
			this.accounts.create(
					new StaffAccounts.Details("Robin New", email, Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of()),
					"temporary passphrase 42", admin);
		}

		WebDriver browser = chromium.open(url("/staff/sign-in"));
		browser.manage().deleteAllCookies();
		browser.get(url("/staff/sign-in"));
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys("temporary passphrase 42");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getCurrentUrl().contains("/staff/change-password"));
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitForError(browser);
		Axe.assertNoViolations(browser);
	}

	@Test
	void theContactFormsLimitPageHasNoAccessibilityViolations() throws InterruptedException {
		for (int i = 0; i < 5; i++) {
			this.rateLimits.tryAcquire("contact-address:127.0.0.1", 100, Duration.ofMinutes(10));
		}
		// By address rather than "localhost", so the limit applies to the address counted
		// above.
		WebDriver browser = chromium.open("http://127.0.0.1:" + this.port + "/area/oadby/contact");
		browser.findElement(By.id("name")).sendKeys("Lee Limit");
		browser.findElement(By.id("email"))
			.sendKeys("limit-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
		browser.findElement(By.cssSelector("label[for=preferredContact]")).click();
		browser.findElement(By.cssSelector("input[name=senderType][value=RESIDENT] + label")).click();
		browser.findElement(By.cssSelector("input[name=topic][value=GENERAL_ENQUIRY] + label")).click();
		browser.findElement(By.id("message")).sendKeys("When is the next beat surgery?");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getTitle().startsWith("You have sent a lot of messages"));

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You have sent a lot of messages");
		assertThat(browser.findElement(By.id("kept-message")).getAttribute("value"))
			.isEqualTo("When is the next beat surgery?");
		Axe.assertNoViolations(browser);
	}

	/**
	 * A form sent with errors comes back titled "Error: …"; wait for the new page, not
	 * the old one.
	 */
	private static void waitForError(WebDriver browser) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().startsWith("Error: "));
	}

	private void signIn(WebDriver browser, String email, String password) {
		Chromium.signIn(browser, url("/staff/sign-in"), email, password);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
