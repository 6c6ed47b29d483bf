package uk.yourarea.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.ResidentMessages;
import uk.yourarea.testing.Site;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data protection officer's journey in Chromium, with axe-core on every page: find a
 * resident who wrote twice, export what is held, place a legal hold on one message
 * (getting the form wrong first), and erase the rest on request. The demo's second factor
 * is optional, and the demo DPO has none, so the password signs them in.
 */
@DemoSiteTest
class DataProtectionBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

	@Autowired
	RateLimits rateLimits;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theOfficerFindsExportsHoldsAndErasesWithNoAccessibilityViolations() {
		String email = "dp-browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		ResidentMessages residents = new ResidentMessages(this.site, this.stamps, this.rateLimits, this.jdbc);
		String toErase = residents.send("oadby", "Alex Browser", email, "GENERAL_ENQUIRY", "Please erase this.")
			.reference();
		String toHold = residents.send("oadby", "Alex Browser", email, "GENERAL_ENQUIRY", "Please keep this one.")
			.reference();
		long dpoId = this.jdbc.queryForObject("select id from staff_account where email = 'dpo@example.org'",
				Long.class);

		WebDriver browser = chromium.open(url("/staff/sign-in"));
		Chromium.signIn(browser, url("/staff/sign-in"), "dpo@example.org", PASSWORD);
		browser.get(url("/staff/data-protection"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Data protection");
		Axe.assertNoViolations(browser);

		// Find: nothing chosen first, then by email address.
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("form#search button[type=submit]")));
		waitForTitle(browser, "Error: ");
		Axe.assertNoViolations(browser);
		browser.findElement(By.cssSelector("label[for=by]")).click();
		browser.findElement(By.id("term")).clear();
		browser.findElement(By.id("term")).sendKeys(email);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("form#search button[type=submit]")));
		assertThat(browser.findElements(By.cssSelector("#results article[data-reference='" + toErase + "']")))
			.hasSize(1);
		Axe.assertNoViolations(browser);

		// Export: a download, so the page stays; the desk records it.
		long exportsBefore = exportsBy(dpoId);
		browser.findElement(By.cssSelector("form#export button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> exportsBy(dpoId) > exportsBefore);

		// A legal hold on one message: the form wrong first, then right.
		Chromium.clickThrough(browser, browser
			.findElement(By.cssSelector("article[data-reference='" + toHold + "'] form[action$='/hold/new'] button")));
		waitForTitle(browser, "Place a legal hold");
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("form#hold button[type=submit]")));
		waitForTitle(browser, "Error: ");
		Axe.assertNoViolations(browser);
		LocalDate review = LocalDate.now().plusMonths(3);
		browser.findElement(By.id("reason")).sendKeys("Complaint C-101");
		browser.findElement(By.id("reviewOn")).sendKeys(Integer.toString(review.getDayOfMonth()));
		browser.findElement(By.id("reviewOn-month")).sendKeys(Integer.toString(review.getMonthValue()));
		browser.findElement(By.id("reviewOn-year")).sendKeys(Integer.toString(review.getYear()));
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("form#hold button[type=submit]")));
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner")).getText()).contains(toHold);
		assertThat(browser.findElements(By.cssSelector("#holds tr[data-reference='" + toHold + "']"))).hasSize(1);
		Axe.assertNoViolations(browser);

		// Erase on request: the confirmation (without a reason first), then the result.
		browser.findElement(By.cssSelector("label[for=by]")).click();
		browser.findElement(By.id("term")).sendKeys(email);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("form#search button[type=submit]")));
		// The first search and the export, listed as the desk's earlier actions about
		// them.
		assertThat(browser.findElements(By.cssSelector("#earlier tbody tr"))).extracting(WebElement::getText)
			.satisfiesExactly((export) -> assertThat(export).contains("Export"),
					(search) -> assertThat(search).contains("Search"));
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("form#erase button[type=submit]")));
		waitForTitle(browser, "Erase their data");
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("form#erase button[type=submit]")));
		waitForTitle(browser, "Error: ");
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("reason")).sendKeys("Asked by telephone, checked against the reference");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("form#erase button[type=submit]")));
		waitForTitle(browser, "Erasure done");
		assertThat(browser.findElement(By.id("erased")).getText()).contains(toErase);
		assertThat(browser.findElement(By.id("kept")).getText()).contains(toHold);
		Axe.assertNoViolations(browser);
	}

	private long exportsBy(long staffId) {
		return this.jdbc.queryForObject(
				"select count(*) from data_protection_action where action = 'EXPORT' and staff_account_id = ?",
				Long.class, staffId);
	}

	private static void waitForTitle(WebDriver browser, String start) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().startsWith(start));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
