package uk.yourarea.browser;

import java.time.Clock;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on every page of station editing, with and without errors, in a real browser:
 * a web editor adds a station, sets its hours, adds a closure, meets someone else's
 * change, and removes it; the public page shows the closure.
 */
@DemoSiteTest
class StationEditingBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Test
	void everyStationEditingPageHasNoAccessibilityViolations() {
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		signIn(browser, "webeditor@example.org");

		browser.get(url("/staff/stations"));
		Axe.assertNoViolations(browser);

		Chromium.clickThrough(browser, browser.findElement(By.linkText("Add a station or hub")));
		waitForTitle(browser, "Add a station or hub");
		Axe.assertNoViolations(browser);
		submit(browser);
		waitForTitle(browser, "Error: ");
		assertThat(browser.findElements(By.cssSelector(".govuk-error-summary li"))).hasSize(6);
		Axe.assertNoViolations(browser);

		String name = "Browser Hub " + UUID.randomUUID().toString().substring(0, 8);
		type(browser, "name", name);
		browser.findElement(By.cssSelector("label[for=kind-2]")).click();
		type(browser, "address", "3 Market Place, Uppingham");
		type(browser, "postcode", "le15 9qh");
		browser.findElement(By.cssSelector("label[for=frontCounter-2]")).click();
		long uppingham = this.jdbc.queryForObject("select id from neighbourhood where code = 'NR38'", Long.class);
		browser.findElement(By.cssSelector("input[name=neighbourhoodIds][value='" + uppingham + "'] + label")).click();
		submit(browser);
		waitForTitle(browser, name);
		Axe.assertNoViolations(browser);
		String stationPage = browser.getCurrentUrl();
		long id = Long.parseLong(stationPage.substring(stationPage.lastIndexOf('/') + 1));

		Chromium.clickThrough(browser, browser.findElement(By.linkText("Change details")));
		waitForTitle(browser, "Change " + name);
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("postcode")).clear();
		type(browser, "postcode", "not a postcode");
		submit(browser);
		waitForTitle(browser, "Error: ");
		Axe.assertNoViolations(browser);

		browser.get(url("/staff/stations/" + id + "/edit"));
		this.jdbc.update("update station set address = 'Changed elsewhere', version = version + 1 where id = ?", id);
		browser.findElement(By.id("address")).clear();
		type(browser, "address", "Mine");
		submit(browser);
		waitForTitle(browser, "Error: Change " + name);
		assertThat(browser.findElement(By.id("edit-conflict")).getText()).contains("Changed elsewhere");
		Axe.assertNoViolations(browser);

		browser.get(url("/staff/stations/" + id + "/hours"));
		Axe.assertNoViolations(browser);
		type(browser, "monday-opens", "9am");
		type(browser, "monday-closes", "12:30pm");
		type(browser, "monday-opens-again", "noon");
		type(browser, "monday-closes-again", "5pm");
		type(browser, "tuesday-opens", "25:00");
		type(browser, "wednesday-opens", "9am");
		submit(browser);
		waitForTitle(browser, "Error: ");
		assertThat(browser.findElements(By.cssSelector(".govuk-error-summary li"))).hasSize(3);
		Axe.assertNoViolations(browser);

		browser.get(url("/staff/stations/" + id + "/hours"));
		this.jdbc.update("update station set version = version + 1 where id = ?", id);
		type(browser, "monday-opens", "9am");
		type(browser, "monday-closes", "5pm");
		submit(browser);
		waitForTitle(browser, "Error: Opening hours of " + name);
		assertThat(browser.findElements(By.id("edit-conflict"))).hasSize(1);
		Axe.assertNoViolations(browser);
		submit(browser);
		waitForTitle(browser, name);

		Chromium.clickThrough(browser, browser.findElement(By.linkText("Add a closure or changed hours")));
		waitForTitle(browser, "Closure or changed hours");
		Axe.assertNoViolations(browser);
		type(browser, "date-month", "2");
		type(browser, "opens", "9am");
		submit(browser);
		waitForTitle(browser, "Error: ");
		Axe.assertNoViolations(browser);

		LocalDate today = LocalDate.now(this.clock);
		browser.get(url("/staff/stations/" + id + "/exceptions/new"));
		type(browser, "date-day", "" + today.getDayOfMonth());
		type(browser, "date-month", "" + today.getMonthValue());
		type(browser, "date-year", "" + today.getYear());
		type(browser, "reason", "training day");
		submit(browser);
		waitForTitle(browser, name);
		assertThat(browser.findElement(By.id("exceptions")).getText()).contains("Closed (training day)");
		Axe.assertNoViolations(browser);

		browser.get(url("/area/uppingham"));
		WebElement shown = browser.findElements(By.cssSelector(".ya-station"))
			.stream()
			.filter((station) -> station.getText().contains(name))
			.findFirst()
			.orElseThrow();
		assertThat(shown.findElement(By.cssSelector("strong")).getText()).isEqualTo("Closed today (training day)");
		Axe.assertNoViolations(browser);

		browser.get(url("/staff/stations/" + id));
		Chromium.clickThrough(browser, browser.findElement(By.linkText("Remove this station or hub")));
		waitForTitle(browser, "Remove " + name);
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitForTitle(browser, "Stations and community hubs");
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner")).getText())
			.contains(name + " has been removed");
		Axe.assertNoViolations(browser);
	}

	private static void type(WebDriver browser, String id, String text) {
		browser.findElement(By.id(id)).sendKeys(text);
	}

	private static void submit(WebDriver browser) {
		Chromium.clickThrough(browser,
				browser.findElement(By.cssSelector("main form[novalidate] button[type=submit]")));
	}

	private static void waitForTitle(WebDriver browser, String start) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().startsWith(start));
	}

	private void signIn(WebDriver browser, String email) {
		Chromium.signIn(browser, url("/staff/sign-in"), email, PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
