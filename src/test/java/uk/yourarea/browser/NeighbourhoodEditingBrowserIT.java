package uk.yourarea.browser;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.testing.TestPostcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on every page of neighbourhood and local policing area editing, the error and
 * "someone else saved first" states included, and on the public pages a renamed or
 * retired neighbourhood leaves: the journey a web editor takes, by keyboard-free clicks
 * in headless Chromium.
 */
@DemoSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourhoodEditingBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	/** Leaves the demo data as other test classes count it. */
	@AfterAll
	void removeWhatThisClassMade() {
		TestNeighbourhoods.removeWhereCodeMatches(this.jdbc, this.events, "^X[0-9A-F]{7}$");
	}

	@Test
	void neighbourhoodPagesHaveNoAccessibilityViolationsInAnyState() {
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		signIn(browser, "webeditor@example.org");

		check(browser, "/staff/neighbourhoods");
		check(browser, "/staff/neighbourhoods/new");
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElements(By.cssSelector(".govuk-error-summary__list a"))).hasSizeGreaterThan(2);
		Axe.assertNoViolations(browser);

		String code = unique();
		String name = "Axeford " + code;
		browser.findElement(By.id("code")).sendKeys(code);
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.id("description")).sendKeys("Streets around the axe green.");
		browser.findElement(By.cssSelector("label[for=localPolicingAreaId]")).click();
		browser.findElement(By.id("email")).sendKeys("axeford@example.org");
		submit(browser);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getCurrentUrl().matches(".*/staff/neighbourhoods/\\d+$"));
		String hub = browser.getCurrentUrl().replaceAll("^https?://[^/]+", "");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		Axe.assertNoViolations(browser);
		long id = Long.parseLong(hub.substring(hub.lastIndexOf('/') + 1));

		check(browser, hub + "/edit");
		WebElement nameField = browser.findElement(By.id("name"));
		nameField.clear();
		browser.findElement(By.id("phone")).sendKeys("not a number");
		submit(browser);
		waitForError(browser);
		Axe.assertNoViolations(browser);

		// Someone else saves while this form is open.
		browser.get(url(hub + "/edit"));
		this.jdbc.update("update neighbourhood set phone = '0116 000 0000', version = version + 1 where id = ?", id);
		WebElement renamed = browser.findElement(By.id("name"));
		renamed.clear();
		renamed.sendKeys("Axeton " + code);
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElement(By.id("edit-conflict")).getText()).contains("0116 000 0000");
		Axe.assertNoViolations(browser);
		submit(browser);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getCurrentUrl().endsWith(hub));
		assertThat(browser.findElement(By.id("former-slugs")).getText()).contains("/area/axeford-");
		Axe.assertNoViolations(browser);

		check(browser, "/staff/changes/neighbourhood-page/" + id);

		this.jdbc.update("""
				insert into postcode (postcode, outward_code, in_force_area, neighbourhood_id)
				values ('LE99 9ZZ', 'LE99', true, ?)
				on conflict (postcode) do update set neighbourhood_id = excluded.neighbourhood_id""", id);
		TestPostcodes.changedBySql(this.events);
		check(browser, hub + "/retire");
		assertThat(browser.findElement(By.id("postcode-count")).getText()).startsWith("1 postcode");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("#retire-form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> !page.findElements(By.id("retired")).isEmpty());
		Axe.assertNoViolations(browser);

		check(browser, "/area/axeford-" + code.toLowerCase(Locale.ROOT));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("no longer exists");
		check(browser, "/find-your-area?postcode=LE99+9ZZ");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("is not covered");

		signIn(browser, "officer.wigston@example.org");
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		check(browser, "/staff/neighbourhoods");
		check(browser, "/staff/neighbourhoods/" + wigston);
	}

	@Test
	void localPolicingAreaPagesHaveNoAccessibilityViolationsInAnyState() {
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		signIn(browser, "webeditor@example.org");

		check(browser, "/staff/local-policing-areas");
		check(browser, "/staff/local-policing-areas/new");
		browser.findElement(By.id("commanderRank")).sendKeys("Chief Inspector");
		submit(browser);
		waitForError(browser);
		Axe.assertNoViolations(browser);

		String code = unique();
		browser.findElement(By.id("code")).sendKeys(code);
		browser.findElement(By.id("name")).sendKeys("Axeshire " + code);
		browser.findElement(By.id("commanderName")).sendKeys("Robin Axe");
		submit(browser);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getCurrentUrl().endsWith("/staff/local-policing-areas"));
		Axe.assertNoViolations(browser);
		long id = this.jdbc.queryForObject("select id from local_policing_area where code = ?", Long.class, code);

		String edit = "/staff/local-policing-areas/" + id + "/edit";
		check(browser, edit);
		browser.findElement(By.id("name")).clear();
		submit(browser);
		waitForError(browser);
		Axe.assertNoViolations(browser);

		browser.get(url(edit));
		this.jdbc.update("update local_policing_area set commander_rank = 'Superintendent', version = version + 1 "
				+ "where id = ?", id);
		browser.findElement(By.id("commanderName")).sendKeys(" Jr");
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElement(By.id("edit-conflict")).getText()).contains("Superintendent");
		Axe.assertNoViolations(browser);

		long how = this.jdbc.queryForObject("select id from local_policing_area where code = 'HOW'", Long.class);
		check(browser, "/staff/local-policing-areas/" + how + "/retire");
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("You cannot retire");
		check(browser, "/staff/local-policing-areas/" + id + "/retire");
		assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Are you sure");
	}

	private void check(WebDriver browser, String path) {
		browser.get(url(path));
		assertThat(browser.findElements(By.tagName("h1"))).as(path).hasSize(1);
		Axe.assertNoViolations(browser);
	}

	private static void submit(WebDriver browser) {
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	private static void waitForError(WebDriver browser) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().startsWith("Error: "));
	}

	private void signIn(WebDriver browser, String email) {
		Chromium.signIn(browser, url("/staff/sign-in"), email, PASSWORD);
	}

	private static String unique() {
		return "X" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase(Locale.ROOT);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
