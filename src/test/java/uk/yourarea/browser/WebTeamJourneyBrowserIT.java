package uk.yourarea.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.coverage.PostcodeImporter;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.TestPostcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's journey, in Chromium: a web editor signs in, creates a neighbourhood, gives
 * it a boundary by uploading a file, adds two team members with a photo, makes one the
 * named officer, adds a priority and an event; a resident then enters a postcode inside
 * that boundary and sees all of it; and the Guarantee view counts the new neighbourhood
 * as meeting every measure. axe-core checks every page on the way.
 */
@DemoSiteTest
class WebTeamJourneyBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	/** In the sea west of Ireland, where no real postcode is. */
	static final double LAT = 53.0;

	static final double LON = -12.5;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PostcodeImporter importer;

	String code;

	String name;

	Path folder;

	@BeforeEach
	void postcodesWhereTheNewNeighbourhoodWillBe() throws IOException {
		String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
		this.code = "JY" + run;
		this.name = "Harbourside " + run;
		this.importer.importFrom(new ByteArrayInputStream(("postcode,positional_quality_indicator,eastings,northings,"
				+ "country_code,nhs_regional_ha_code,nhs_ha_code,admin_county_code,admin_district_code,"
				+ "admin_ward_code,postcode_normalised,latitude,longitude\n" + "ZY7 1AA,10,0,0,E92000001,,,,E06000016,,"
				+ "ZY7 1AA," + LAT + "," + LON + "\n" + "ZY7 1AB,10,0,0,E92000001,,,,E06000016,,ZY7 1AB," + (LAT + 1)
				+ "," + LON + "\n")
			.getBytes(StandardCharsets.UTF_8)));
		this.folder = Files.createTempDirectory("web-team-journey");
	}

	@AfterEach
	void removeWhatTheJourneyMade() throws IOException {
		String made = "(select id from neighbourhood where code = '" + this.code + "')";
		this.jdbc.update("delete from priority where neighbourhood_id in " + made);
		this.jdbc.update("delete from event where neighbourhood_id in " + made);
		this.jdbc.update("delete from team_member where neighbourhood_id in " + made);
		this.jdbc.update("delete from postcode where postcode like 'ZY7 %'");
		this.jdbc.update("delete from neighbourhood where code = ?", this.code);
		TestPostcodes.changedBySql(this.events);
		try (var files = Files.list(this.folder)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(this.folder);
	}

	@Test
	void aWebEditorSetsUpANeighbourhoodThatResidentsFindAndThatMeetsTheGuarantee() throws IOException {
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		signIn(browser, "webeditor@example.org");

		// The neighbourhood, in a local policing area whose supervisor answers its
		// messages.
		long area = this.jdbc.queryForObject("select local_policing_area_id from neighbourhood where code = 'NA54'",
				Long.class);
		visit(browser, "/staff/neighbourhoods/new");
		browser.findElement(By.id("code")).sendKeys(this.code);
		browser.findElement(By.id("name")).sendKeys(this.name);
		browser.findElement(By.id("description")).sendKeys("The streets along the harbour wall.");
		browser.findElement(By.cssSelector("input[name=localPolicingAreaId][value='" + area + "'] + label")).click();
		browser.findElement(By.id("email")).sendKeys("harbourside@example.org");
		submit(browser);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getCurrentUrl().matches(".*/staff/neighbourhoods/\\d+$"));
		String hub = path(browser);
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(this.name);
		Axe.assertNoViolations(browser);

		// Its boundary, uploaded, previewed and applied.
		visit(browser, "/staff/coverage/boundaries");
		Path boundary = this.folder.resolve("harbourside.geojson");
		Files.writeString(boundary, square(this.code, this.name));
		browser.findElement(By.id("file")).sendKeys(boundary.toString());
		submit(browser);
		waitForTitle(browser, "Upload: harbourside.geojson");
		Chromium.refreshUntilStatus(browser, "Ready to apply");
		assertThat(browser.findElement(By.id("moves")).getText()).contains(this.name).contains("ZY7 1AA");
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser,
				browser.findElement(By.xpath("//button[normalize-space()='Apply these changes']")));
		Chromium.refreshUntilStatus(browser, "Applied");
		Axe.assertNoViolations(browser);

		// Two team members, one with a photo, one the named officer.
		String team = hub + "/team";
		addMember(browser, team, "Jordan Ellis", "PC", "4127");
		addMember(browser, team, "Sam Webb", "PCSO", "7001");
		long jordan = memberId("Jordan Ellis");
		visit(browser, team + "/" + jordan + "/photo");
		browser.findElement(By.id("photo")).sendKeys(photo().toString());
		browser.findElement(By.id("alt")).sendKeys("PC Jordan Ellis, smiling, in uniform");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form[enctype] button[type=submit]")));
		waitForTitle(browser, this.name);
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).isDisplayed()).isTrue();
		visit(browser, team + "/named-officer");
		browser.findElement(By.cssSelector("input[name=officer][value='" + jordan + "'] + label")).click();
		browser.findElement(By.cssSelector("label[for=confirmed]")).click();
		submit(browser);
		waitForTitle(browser, this.name);
		Axe.assertNoViolations(browser);

		// A priority and an event.
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		visit(browser, hub + "/priorities/new");
		browser.findElement(By.id("issue")).sendKeys("Speeding on Harbour Road");
		browser.findElement(By.cssSelector("input[name=origin][value=PUBLIC_MEETING] + label")).click();
		browser.findElement(By.id("originDetail")).sendKeys("The harbour residents' meeting in May");
		browser.findElement(By.id("action"))
			.sendKeys("Residents told us at the May meeting. We are running speed checks.");
		date(browser, "raisedOn", today);
		submit(browser);
		waitForTitle(browser, "Speeding on Harbour Road");
		Axe.assertNoViolations(browser);
		LocalDate meeting = today.plusDays(10);
		visit(browser, hub + "/events/new");
		browser.findElement(By.id("title")).sendKeys("Harbourside beat surgery");
		browser.findElement(By.cssSelector("input[name=type][value=BEAT_SURGERY] + label")).click();
		browser.findElement(By.id("description")).sendKeys("Come and talk to your team.");
		browser.findElement(By.id("address")).sendKeys("Harbour Community Centre, Quay Street");
		date(browser, "date", meeting);
		browser.findElement(By.id("startTime")).sendKeys("6pm");
		browser.findElement(By.id("endTime")).sendKeys("7:30pm");
		submit(browser);
		waitForTitle(browser, "Meetings and events");
		Axe.assertNoViolations(browser);

		// Everything done so far is in the page's history, with who did it.
		visit(browser, "/staff/changes/neighbourhood-page/" + hub.substring(hub.lastIndexOf('/') + 1));
		assertThat(browser.findElement(By.id("changes")).getText()).contains("Speeding on Harbour Road")
			.contains("Harbourside beat surgery")
			.contains("Jordan Ellis")
			.contains("Web Editor (demo)");

		// A resident inside the boundary finds all of it.
		browser.manage().deleteAllCookies();
		browser.get(url("/find-your-area?postcode=zy7+1aa"));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getCurrentUrl().contains("/area/"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(this.name);
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Your named officer\nJordan Ellis\nPolice Constable, collar number 4127")
			.contains("The rest of the team\nSam Webb\nPolice Community Support Officer, collar number 7001")
			.contains("Speeding on Harbour Road")
			.contains("We are running speed checks.")
			.contains("Harbourside beat surgery")
			.contains("harbourside@example.org");
		WebElement portrait = browser.findElement(By.cssSelector(".ya-officer img"));
		assertThat(portrait.getAttribute("alt")).isEqualTo("PC Jordan Ellis, smiling, in uniform");
		Axe.assertNoViolations(browser);
		browser.get(url("/find-your-area?postcode=ZY7+1AB"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).doesNotContain(this.name);

		// The Guarantee view counts it as meeting every measure.
		signIn(browser, "webeditor@example.org");
		visit(browser, "/staff/guarantee?area=" + area);
		WebElement row = browser.findElement(By.id("neighbourhood-" + this.code));
		assertThat(row.findElements(By.cssSelector(".govuk-tag"))).hasSize(6)
			.allSatisfy((tag) -> assertThat(tag.getText()).isEqualTo("Met"));
	}

	private void addMember(WebDriver browser, String team, String name, String role, String collar) {
		visit(browser, team + "/new");
		browser.findElement(By.id("name")).sendKeys(name);
		browser.findElement(By.cssSelector("input[name=role][value=" + role + "] + label")).click();
		browser.findElement(By.id("collarNumber")).sendKeys(collar);
		submit(browser);
		waitForTitle(browser, this.name);
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText()).contains(name);
	}

	private long memberId(String memberName) {
		return this.jdbc
			.queryForObject("select t.id from team_member t join neighbourhood n on n.id = t.neighbourhood_id "
					+ "where n.code = ? and t.name = ?", Long.class, this.code, memberName);
	}

	private static void date(WebDriver browser, String id, LocalDate date) {
		for (String part : new String[] { id, id + "-month", id + "-year" }) {
			browser.findElement(By.id(part)).clear();
		}
		browser.findElement(By.id(id)).sendKeys(Integer.toString(date.getDayOfMonth()));
		browser.findElement(By.id(id + "-month")).sendKeys(Integer.toString(date.getMonthValue()));
		browser.findElement(By.id(id + "-year")).sendKeys(Integer.toString(date.getYear()));
	}

	private Path photo() throws IOException {
		BufferedImage image = new BufferedImage(640, 800, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(20, 50, 110));
		graphics.fillRect(0, 0, 640, 800);
		graphics.setColor(new Color(225, 185, 150));
		graphics.fillOval(160, 120, 320, 400);
		graphics.dispose();
		Path file = this.folder.resolve("jordan.jpg");
		ImageIO.write(image, "jpeg", file.toFile());
		return file;
	}

	private static String square(String code, String name) {
		double h = 0.05;
		return """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"%s","name":"%s"},
				"geometry":{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}]}""".formatted(
				code, name, LON - h, LAT - h, LON + h, LAT - h, LON + h, LAT + h, LON - h, LAT + h, LON - h, LAT - h);
	}

	private void visit(WebDriver browser, String path) {
		browser.get(url(path));
		assertThat(browser.findElements(By.tagName("h1"))).as(path).hasSize(1);
		Axe.assertNoViolations(browser);
	}

	private static void submit(WebDriver browser) {
		Chromium.clickThrough(browser,
				browser.findElement(By.cssSelector("main form:not([method=get]) button[type=submit]")));
	}

	private static void waitForTitle(WebDriver browser, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).until((page) -> page.getTitle().contains(text));
	}

	private static String path(WebDriver browser) {
		return browser.getCurrentUrl().replaceAll("^https?://[^/]+", "");
	}

	private void signIn(WebDriver browser, String email) {
		Chromium.signIn(browser, url("/staff/sign-in"), email, PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
