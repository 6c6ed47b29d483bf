package uk.yourarea.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * An officer keeps their neighbourhood's priorities and events up to date in a real
 * browser: adds a priority update and an event, cancels an event, and every page on the
 * way, error states and the someone-else-saved-first answer included, passes axe-core.
 */
@DemoSiteTest
class PrioritiesAndEventsBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anOfficerUpdatesAPriorityAddsAndCancelsAnEventWithNoAccessibilityViolations() {
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		String base = "/staff/neighbourhoods/" + wigston;
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		signIn(browser, "officer.wigston@example.org");

		// Priorities: the list, a priority, and adding an update (with its errors first).
		browser.get(url(base + "/priorities"));
		checkPage(browser, "Priorities");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("#open-priorities tbody tr a")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getCurrentUrl().matches(".*/priorities/[0-9]+$"));
		checkPage(browser, null);
		String issue = browser.findElement(By.tagName("h1")).getText();
		Chromium.clickThrough(browser, browser.findElement(By.linkText("Add an update")));
		waitForTitle(browser, "Add an update");
		checkPage(browser, "Add an update");
		browser.findElement(By.id("writtenOn")).clear();
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Enter what the team has done or is doing")
			.contains("Date of the update must include a day");
		Axe.assertNoViolations(browser);
		String update = "Speed checks on Long Street every week " + unique();
		browser.findElement(By.id("text")).sendKeys(update);
		browser.findElement(By.id("writtenOn")).sendKeys(Integer.toString(today().getDayOfMonth()));
		submit(browser);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> !page.findElements(By.cssSelector(".govuk-notification-banner--success")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
			.contains("Your update has been added");
		assertThat(browser.findElement(By.cssSelector("#updates li")).getText()).contains(update);
		Axe.assertNoViolations(browser);

		// Changing the wording after someone else did, and the close form's error.
		Chromium.clickThrough(browser, browser.findElement(By.linkText("Change the wording")));
		waitForTitle(browser, "Change the wording");
		checkPage(browser, "Change the wording");
		this.jdbc.update("update priority set version = version + 1 where issue = ? and neighbourhood_id = ?", issue,
				wigston);
		WebElement wording = browser.findElement(By.id("issue"));
		wording.clear();
		wording.sendKeys(issue + " and parking");
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElements(By.id("edit-conflict"))).hasSize(1);
		Axe.assertNoViolations(browser);
		browser.get(url(base + "/priorities"));
		Chromium.clickThrough(browser, browser.findElement(By.linkText(issue)));
		waitForTitle(browser, issue);
		Chromium.clickThrough(browser, browser.findElement(By.linkText("Close this priority")));
		waitForTitle(browser, "Close the priority");
		checkPage(browser, "Close this priority");
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("Enter the outcome");
		Axe.assertNoViolations(browser);

		// A new priority's form and its errors.
		browser.get(url(base + "/priorities/new"));
		checkPage(browser, "Add a priority");
		browser.findElement(By.id("raisedOn")).sendKeys("31");
		browser.findElement(By.id("raisedOn-month")).sendKeys("2");
		browser.findElement(By.id("raisedOn-year")).sendKeys("2026");
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Date the priority was raised must be a real date");
		Axe.assertNoViolations(browser);

		// Events: the list, adding one (errors first), changing it, cancelling it.
		browser.get(url(base + "/events"));
		checkPage(browser, "Meetings and events");
		Chromium.clickThrough(browser, browser.findElement(By.linkText("Add an event")));
		waitForTitle(browser, "Add an event");
		checkPage(browser, "Add an event");
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElements(By.cssSelector(".govuk-error-summary li"))).hasSize(6);
		Axe.assertNoViolations(browser);
		String title = "Street meeting " + unique();
		LocalDate day = today().plusDays(2);
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.cssSelector("input[name=type][value=PUBLIC_MEETING] + label")).click();
		browser.findElement(By.id("description")).sendKeys("Talk to us about speeding.");
		browser.findElement(By.id("address")).sendKeys("Corner of Long Street and Bull Head Street, Wigston");
		browser.findElement(By.id("date")).sendKeys(Integer.toString(day.getDayOfMonth()));
		browser.findElement(By.id("date-month")).sendKeys(Integer.toString(day.getMonthValue()));
		browser.findElement(By.id("date-year")).sendKeys(Integer.toString(day.getYear()));
		browser.findElement(By.id("startTime")).sendKeys("7pm");
		browser.findElement(By.id("endTime")).sendKeys("6pm");
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("End time must be after the start time");
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("endTime")).clear();
		browser.findElement(By.id("endTime")).sendKeys("8pm");
		submit(browser);
		waitForTitle(browser, "Meetings and events");
		assertThat(browser.findElement(By.id("upcoming-events")).getText()).contains(title);
		Axe.assertNoViolations(browser);

		long eventId = this.jdbc.queryForObject("select id from event where title = ?", Long.class, title);
		browser.get(url(base + "/events/" + eventId + "/edit"));
		checkPage(browser, "Change an event");
		browser.get(url(base + "/events/" + eventId + "/cancel"));
		checkPage(browser, "Cancel an event");
		browser.findElement(By.id("reason")).sendKeys("x".repeat(501));
		submit(browser);
		waitForError(browser);
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("reason")).clear();
		browser.findElement(By.id("reason")).sendKeys("The road is closed for resurfacing.");
		submit(browser);
		waitForTitle(browser, "Meetings and events");
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
			.contains("has been cancelled");
		Axe.assertNoViolations(browser);

		// What residents see, straight away.
		browser.get(url("/area/wigston"));
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains(update).contains(title).contains("The road is closed for resurfacing.");
		WebElement event = browser.findElements(By.cssSelector("li.ya-event"))
			.stream()
			.filter((element) -> element.getText().contains(title))
			.findFirst()
			.orElseThrow();
		assertThat(event.findElement(By.cssSelector(".govuk-tag--red")).getText()).isEqualToIgnoringCase("Cancelled");
		Axe.assertNoViolations(browser);
	}

	private static void checkPage(WebDriver browser, String heading) {
		assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
		if (heading != null) {
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
		}
		Axe.assertNoViolations(browser);
	}

	private static void submit(WebDriver browser) {
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	private static void waitForError(WebDriver browser) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().startsWith("Error: "));
	}

	private static void waitForTitle(WebDriver browser, String part) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getTitle().contains(part) && !page.getTitle().startsWith("Error: "));
	}

	private void signIn(WebDriver browser, String email) {
		Chromium.signIn(browser, url("/staff/sign-in"), email, PASSWORD);
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/London"));
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
