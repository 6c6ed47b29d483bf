package uk.yourarea.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
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
 * The end of issue 5's journey, in Chromium (its start, answering and confirming, is
 * {@link HaveYourSayBrowserIT}): from the results of Oadby's closed consultation an
 * officer adds a priority, updates it and closes it, and the Your Area page, which shows
 * "What you told us", tells its story as You said, We did, Outcome. axe-core checks each
 * page.
 */
@DemoSiteTest
class YouSaidWeDidBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	final String issue = "Shoplifting on The Parade " + System.nanoTime();

	@AfterEach
	void removeIt() {
		this.jdbc.update("delete from priority where issue = ?", this.issue);
	}

	@Test
	void aPriorityFromTheConsultationIsUpdatedClosedAndToldAsYouSaidWeDid() {
		long oadby = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA55'", Long.class);
		long consultation = this.jdbc.queryForObject("""
				select id from consultation where neighbourhood_id = ? and closes_at <= now()
				order by closes_at desc limit 1""", Long.class, oadby);
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		browser.manage().deleteAllCookies();
		browser.get(url("/staff/sign-in"));
		browser.findElement(By.id("email")).sendKeys("officer.oadby@example.org");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));

		browser.get(url("/staff/neighbourhoods/" + oadby + "/consultations/" + consultation));
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser, browser.findElement(By.id("new-priority")));
		assertThat(browser.findElement(By.cssSelector("input[name=origin][value=CONSULTATION]")).isSelected()).isTrue();
		Axe.assertNoViolations(browser);

		// Nothing else typed: the errors, with the consultation still chosen.
		submit(browser);
		assertThat(browser.getTitle()).startsWith("Error: ");
		assertThat(browser.findElement(By.cssSelector("input[name=origin][value=CONSULTATION]")).isSelected()).isTrue();
		Axe.assertNoViolations(browser);

		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		browser.findElement(By.id("issue")).sendKeys(this.issue);
		browser.findElement(By.id("action")).sendKeys("Most of you chose it. We patrol The Parade at closing time.");
		date(browser, "raisedOn", today);
		submit(browser);
		String priority = browser.getCurrentUrl();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(this.issue);
		Axe.assertNoViolations(browser);

		browser.get(priority + "/updates/new");
		browser.findElement(By.id("text")).sendKeys("Two arrests, and a shop watch scheme has started.");
		submit(browser);
		browser.get(priority + "/close");
		browser.findElement(By.id("outcome")).sendKeys("Thefts reported on The Parade fell by half.");
		submit(browser);
		Axe.assertNoViolations(browser);

		browser.manage().deleteAllCookies();
		browser.get(url("/area/oadby"));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> !page.findElements(By.id("what-you-told-us")).isEmpty());
		WebElement story = browser.findElement(By.xpath(
				"//section[@aria-labelledby='what-we-have-done']//div[contains(@class,'ya-priority')][h3[normalize-space()='"
						+ this.issue + "']]"));
		assertThat(story.findElements(By.tagName("h4"))).extracting(WebElement::getText)
			.containsExactly("You said", "We did", "Outcome");
		assertThat(story.getText()).contains("You chose it in our Have your say consultation")
			.contains("Two arrests, and a shop watch scheme has started.")
			.contains("Thefts reported on The Parade fell by half.");
		Axe.assertNoViolations(browser);
	}

	private static void submit(WebDriver browser) {
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	private static void date(WebDriver browser, String id, LocalDate date) {
		for (String part : new String[] { id, id + "-month", id + "-year" }) {
			browser.findElement(By.id(part)).clear();
		}
		browser.findElement(By.id(id)).sendKeys(Integer.toString(date.getDayOfMonth()));
		browser.findElement(By.id(id + "-month")).sendKeys(Integer.toString(date.getMonthValue()));
		browser.findElement(By.id(id + "-year")).sendKeys(Integer.toString(date.getYear()));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
