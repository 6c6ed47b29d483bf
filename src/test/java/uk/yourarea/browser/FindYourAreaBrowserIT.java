package uk.yourarea.browser;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident finding their neighbourhood team in a real browser, by mouse and by
 * keyboard.
 */
@DemoSiteTest
class FindYourAreaBrowserIT {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	private int port;

	@Test
	void findsTheNeighbourhoodTeamAndNamedOfficerForAPostcode() {
		WebDriver browser = chromium.open(url("/"));
		browser.findElement(By.id("postcode")).sendKeys("LE18 1AA");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));

		waitUntil(browser, (page) -> path(page).equals("/area/wigston"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Wigston neighbourhood team");
		WebElement namedOfficer = browser.findElement(By.cssSelector("section[aria-labelledby=named-officer]"));
		assertThat(namedOfficer.findElement(By.id("named-officer")).getText()).isEqualTo("Your named officer");
		WebElement officer = namedOfficer.findElement(By.className("ya-officer"));
		assertThat(
				officer.findElement(By.cssSelector(".ya-officer__name, .ya-officer__body > p:first-child")).getText())
			.as("the named officer's name")
			.matches("\\p{Lu}[\\p{L}'’-]+( \\p{Lu}[\\p{L}'’-]+)+");
		assertThat(officer.getText()).as("the named officer's role (only a PC or a PCSO may be one)")
			.containsAnyOf("Police Constable", "Police Community Support Officer")
			.containsPattern("details confirmed on \\d{1,2} \\p{Lu}\\p{Ll}+ \\d{4}");
	}

	@Test
	void skipLinkIsTheFirstThingTheKeyboardReaches() {
		WebDriver browser = chromium.open(url("/"));
		new Actions(browser).sendKeys(Keys.TAB).perform();

		WebElement focused = chromium.focused();
		assertThat(focused.getAttribute("class")).contains("govuk-skip-link");
		assertThat(focused.getDomAttribute("href")).isEqualTo("#main-content");
		assertThat(focused.getText()).isEqualTo("Skip to main content");

		new Actions(browser).sendKeys(Keys.ENTER).perform();
		waitUntil(browser, (page) -> "main-content".equals(chromium.focused().getDomAttribute("id")));
	}

	@Test
	void showsAndFocusesTheErrorSummaryWhenThePostcodeIsEmpty() {
		WebDriver browser = chromium.open(url("/"));
		assertThat(browser.findElement(By.id("postcode")).getDomProperty("value")).isEmpty();
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));

		waitUntil(browser, (page) -> path(page).equals("/find-your-area"));
		WebElement summary = browser.findElement(By.className("govuk-error-summary"));
		assertThat(summary.getText()).contains("There is a problem", "Enter a postcode");
		waitUntil(browser, (page) -> chromium.focused().equals(summary));
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
			.until((page) -> page.getTitle().startsWith("Error: "));

		WebElement link = summary.findElement(By.cssSelector(".govuk-error-summary__list a"));
		assertThat(link.getDomAttribute("href")).isEqualTo("#postcode");
		link.click();
		waitUntil(browser, (page) -> "postcode".equals(chromium.focused().getDomAttribute("id")));
		assertThat(browser.findElement(By.id("postcode")).getDomAttribute("aria-describedby"))
			.contains("postcode-error");
	}

	private static void waitUntil(WebDriver browser, Function<WebDriver, Boolean> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition::apply);
	}

	private static String path(WebDriver browser) {
		return URI.create(browser.getCurrentUrl()).getPath();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
