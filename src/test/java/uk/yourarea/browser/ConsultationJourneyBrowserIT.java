package uk.yourarea.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.coverage.PostcodeImporter;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.TestMail;
import uk.yourarea.testing.TestPostcodes;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's journey in one go, in Chromium, on a neighbourhood of its own: the web team
 * opens a consultation; a resident answers and confirms from the email; the results count
 * it; the consultation is closed and the Your Area page shows "What you told us"; a
 * priority is added from it, updated and closed, and its timeline shows all three steps.
 * axe-core checks every page on the way.
 */
@DemoSiteTest
class ConsultationJourneyBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	GreenMail greenMail;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PostcodeImporter importer;

	@Autowired
	RateLimits rateLimits;

	long neighbourhood;

	String slug;

	final String issue = "Vandalism at the bus station " + System.nanoTime();

	@BeforeEach
	void aNeighbourhoodWithAPostcode() {
		String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
		this.slug = "lakeside-" + run;
		this.neighbourhood = this.jdbc.queryForObject("""
				insert into neighbourhood (code, slug, name, local_policing_area_id)
				select ?, ?, ?, local_policing_area_id from neighbourhood where code = 'NA54' returning id
				""", Long.class, "CJ" + run, this.slug, "Lakeside " + run);
		this.importer.importFrom(new ByteArrayInputStream(("postcode,positional_quality_indicator,eastings,northings,"
				+ "country_code,nhs_regional_ha_code,nhs_ha_code,admin_county_code,admin_district_code,"
				+ "admin_ward_code,postcode_normalised,latitude,longitude\n"
				+ "ZY5 1AA,10,0,0,E92000001,,,,E06000016,,ZY5 1AA,51.0,-13.0\n")
			.getBytes(StandardCharsets.UTF_8)));
		this.jdbc.update("update postcode set neighbourhood_id = ? where postcode = 'ZY5 1AA'", this.neighbourhood);
		TestPostcodes.changedBySql(this.events);
		for (String address : new String[] { "127.0.0.1", "0:0:0:0:0:0:0:1" }) {
			this.rateLimits.clear("have-your-say-address:" + address);
		}
	}

	@AfterEach
	void removeIt() {
		this.jdbc.update("delete from priority where neighbourhood_id = ?", this.neighbourhood);
		this.jdbc.update("delete from postcode where postcode = 'ZY5 1AA'");
		this.jdbc.update("delete from neighbourhood where id = ?", this.neighbourhood);
		TestPostcodes.changedBySql(this.events);
	}

	@Test
	void askCountDecideActAndReportBack() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		signIn(browser, "webeditor@example.org");

		// Ask.
		browser.get(url("/staff/neighbourhoods/" + this.neighbourhood + "/consultations/new"));
		Axe.assertNoViolations(browser);
		WebElement question = browser.findElement(By.id("question"));
		question.clear();
		question.sendKeys("Which problems should the Lakeside team tackle first?");
		WebElement issues = browser.findElement(By.id("issues"));
		issues.clear();
		issues.sendKeys("Vandalism at the bus station\nSpeeding on Lake Road\nDrug dealing");
		date(browser, "opensOn", today);
		date(browser, "closesOn", today.plusDays(14));
		submit(browser);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Consultation results");
		String results = path(browser);
		Axe.assertNoViolations(browser);

		// A resident answers and confirms from the email.
		String email = "lakeside-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		browser.manage().deleteAllCookies();
		browser.get(url("/area/" + this.slug + "/have-your-say"));
		Axe.assertNoViolations(browser);
		browser.findElement(By.cssSelector("label[for=issues]")).click();
		browser.findElement(By.cssSelector("label[for=issues-3]")).click();
		browser.findElement(By.cssSelector("label[for=respondentType]")).click();
		browser.findElement(By.id("postcode")).sendKeys("ZY5 1AA");
		browser.findElement(By.id("email")).sendKeys(email);
		Thread.sleep(3100); // a person takes at least the minimum fill time
		submit(browser);
		assertThat(path(browser)).isEqualTo("/area/" + this.slug + "/have-your-say/check-your-email");
		String link = link(TestMail.body(TestMail.to(this.greenMail, email).get(0)));
		browser.get(url(link));
		Chromium.clickThrough(browser,
				browser.findElement(By.xpath("//button[normalize-space()='Confirm my answer']")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Answer confirmed");

		// Count, then close.
		signIn(browser, "webeditor@example.org");
		browser.get(url(results));
		assertThat(browser.findElement(By.id("confirmed")).getText()).startsWith("1 (1 from residents");
		Chromium.clickThrough(browser,
				browser.findElement(By.xpath("//button[normalize-space()='Close the consultation now']")));
		Axe.assertNoViolations(browser);

		// Report back.
		browser.manage().deleteAllCookies();
		browser.get(url("/area/" + this.slug));
		WebElement told = browser.findElement(By.xpath("//section[@aria-labelledby='what-you-told-us']"));
		assertThat(told.getText()).contains("Which problems should the Lakeside team tackle first?")
			.contains("1 person answered")
			.contains("Vandalism at the bus station");
		Axe.assertNoViolations(browser);

		// Decide and act: a priority from the results, updated, then closed.
		signIn(browser, "webeditor@example.org");
		browser.get(url(results));
		Chromium.clickThrough(browser, browser.findElement(By.id("new-priority")));
		assertThat(browser.findElement(By.cssSelector("input[name=origin][value=CONSULTATION]")).isSelected()).isTrue();
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("issue")).sendKeys(this.issue);
		browser.findElement(By.id("action")).sendKeys("You put it first. We are patrolling the bus station at night.");
		date(browser, "raisedOn", today);
		submit(browser);
		String priority = browser.getCurrentUrl();
		browser.get(priority + "/updates/new");
		browser.findElement(By.id("text")).sendKeys("CCTV is now watched live on Friday and Saturday nights.");
		submit(browser);
		browser.get(priority + "/close");
		browser.findElement(By.id("outcome")).sendKeys("No vandalism reported for six weeks.");
		submit(browser);

		browser.manage().deleteAllCookies();
		browser.get(url("/area/" + this.slug));
		WebElement story = browser.findElement(By.xpath(
				"//section[@aria-labelledby='what-we-have-done']//div[contains(@class,'ya-priority')][h3[normalize-space()='"
						+ this.issue + "']]"));
		assertThat(story.findElements(By.tagName("h4"))).extracting(WebElement::getText)
			.containsExactly("You said", "We did", "Outcome");
		assertThat(story.getText()).contains("where we asked: Which problems should the Lakeside team tackle first?")
			.contains("CCTV is now watched live")
			.contains("No vandalism reported for six weeks.");
		Axe.assertNoViolations(browser);
	}

	private void signIn(WebDriver browser, String email) {
		Chromium.signIn(browser, url("/staff/sign-in"), email, PASSWORD);
	}

	private static void submit(WebDriver browser) {
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	private static void date(WebDriver browser, String id, LocalDate date) {
		String day = browser.findElements(By.id(id + "-day")).isEmpty() ? id : id + "-day";
		for (String part : new String[] { day, id + "-month", id + "-year" }) {
			browser.findElement(By.id(part)).clear();
		}
		browser.findElement(By.id(day)).sendKeys(Integer.toString(date.getDayOfMonth()));
		browser.findElement(By.id(id + "-month")).sendKeys(Integer.toString(date.getMonthValue()));
		browser.findElement(By.id(id + "-year")).sendKeys(Integer.toString(date.getYear()));
	}

	private static String link(String body) {
		Matcher matcher = Pattern.compile("(/have-your-say/confirm/[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static String path(WebDriver browser) {
		return browser.getCurrentUrl().replaceAll("^https?://[^/]+", "");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
