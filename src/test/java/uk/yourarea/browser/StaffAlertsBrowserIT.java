package uk.yourarea.browser;

import java.time.Duration;
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

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An officer writes an alert in a real browser, sees its errors, previews it and sends
 * it, and a web editor looks at the subscribers of Wigston: every page on the way passes
 * axe-core.
 */
@DemoSiteTest
class StaffAlertsBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final String title = "Browser alert " + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void deleteTheAlert() {
		this.jdbc.update("delete from alert where title = ?", this.title);
		this.jdbc.update("delete from alert_subscriber_list_view where staff_name = 'Web Editor (demo)'");
	}

	@Test
	void anOfficerWritesPreviewsAndSendsAnAlertWithNoAccessibilityViolations() {
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		Chromium.signIn(browser, url("/staff/sign-in"), "officer.wigston@example.org", PASSWORD);

		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("#staff-tasks a[href=\"/staff/alerts\"]")));
		waitForTitle(browser, "Alerts to residents");
		checkPage(browser, "Alerts to residents");

		Chromium.clickThrough(browser, browser.findElement(By.linkText("Write an alert")));
		waitForTitle(browser, "Write an alert");
		checkPage(browser, "Write an alert");
		submit(browser);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().startsWith("Error: "));
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("Enter a title")
			.contains("Select at least one neighbourhood");
		Axe.assertNoViolations(browser);

		browser.findElement(By.id("title")).sendKeys(this.title);
		browser.findElement(By.id("body"))
			.sendKeys("We are at the library on Tuesday from 6pm.\n\nMore: https://example.org/surgery");
		browser.findElement(By.cssSelector("label[for=topic-3]")).click();
		browser.findElement(By.cssSelector("label[for=neighbourhoodIds]")).click();
		submit(browser);
		waitForTitle(browser, "Check your alert before you send it");
		checkPage(browser, "Check your alert before you send it");
		assertThat(browser.findElement(By.id("email-subject")).getText()).isEqualTo("Wigston team: " + this.title);
		assertThat(browser.findElement(By.id("web-preview")).getText()).contains("collar number 1913");

		browser.findElement(By.cssSelector("label[for=when]")).click();
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitForTitle(browser, this.title);
		checkPage(browser, this.title);
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner")).getText())
			.contains("is on its way to subscribers");
		assertThat(browser.findElement(By.id("alert-details")).getText()).contains("Scheduled");
		assertThat(this.jdbc.queryForObject("select status from alert where title = ?", String.class, this.title))
			.isEqualTo("SCHEDULED");

		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("a.govuk-back-link")));
		waitForTitle(browser, "Alerts to residents");
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser, browser.findElement(By.linkText("Subscribers of your neighbourhoods")));
		waitForTitle(browser, "Subscribers");
		checkPage(browser, "Subscribers");

		Chromium.signIn(browser, url("/staff/sign-in"), "webeditor@example.org", PASSWORD);
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		browser.get(url("/staff/alerts/subscribers/" + wigston));
		waitForTitle(browser, "Subscribers of Wigston");
		checkPage(browser, "Subscribers of Wigston");
		browser.get(url("/staff/alerts/subscribers"));
		waitForTitle(browser, "Subscribers");
		checkPage(browser, "Subscribers");
		assertThat(browser.findElement(By.id("address-views")).getText()).contains("Web Editor (demo)");
		browser.get(url("/staff/alerts/new"));
		waitForTitle(browser, "Write an alert");
		checkPage(browser, "Write an alert");
	}

	private static void checkPage(WebDriver browser, String heading) {
		assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
		Axe.assertNoViolations(browser);
	}

	private static void submit(WebDriver browser) {
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	private static void waitForTitle(WebDriver browser, String part) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getTitle().contains(part) && !page.getTitle().startsWith("Error: "));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
