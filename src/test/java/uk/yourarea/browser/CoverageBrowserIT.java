package uk.yourarea.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.coverage.PostcodeImporter;
import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web editor draws a new neighbourhood's boundary: uploads it, reads the preview,
 * applies it, and a resident whose postcode lies inside then finds that neighbourhood.
 * axe-core checks every coverage page on the way, error states included.
 */
@DemoSiteTest
class CoverageBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	/** In the sea west of Brittany: no other postcode is near. */
	static final double LAT = 47.5;

	static final double LON = -7.5;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PostcodeImporter importer;

	String code;

	String name;

	long neighbourhoodId;

	Path folder;

	@BeforeEach
	void aNewNeighbourhoodWithPostcodesButNoCoverage() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 6);
		this.code = "ZB" + run;
		this.name = "Browser Harbour " + run;
		Long area = this.jdbc.queryForObject("select local_policing_area_id from neighbourhood where code = 'NA54'",
				Long.class);
		this.neighbourhoodId = this.jdbc.queryForObject(
				"insert into neighbourhood (code, slug, name, local_policing_area_id) values (?, ?, ?, ?) returning id",
				Long.class, this.code, "browser-harbour-" + run, this.name, area);
		String ward = "E05" + (800000 + (int) (Math.random() * 99999));
		this.importer.importFrom(new ByteArrayInputStream(("postcode,positional_quality_indicator,eastings,northings,"
				+ "country_code,nhs_regional_ha_code,nhs_ha_code,admin_county_code,admin_district_code,"
				+ "admin_ward_code,postcode_normalised,latitude,longitude\n" + "ZY9 1AA,10,0,0,E92000001,,,,E06000016,"
				+ ward + ",ZY9 1AA," + LAT + "," + LON + "\n" + "ZY9 1AB,10,0,0,E92000001,,,,E06000016," + ward
				+ ",ZY9 1AB," + (LAT + 1) + "," + LON + "\n")
			.getBytes(StandardCharsets.UTF_8)));
		this.folder = Files.createTempDirectory("coverage-browser");
	}

	@AfterEach
	void removeIt() throws Exception {
		this.jdbc.update("delete from neighbourhood where id = ?", this.neighbourhoodId);
		try (var files = Files.list(this.folder)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(this.folder);
	}

	@Test
	void aWebEditorUploadsABoundaryAndResidentsInsideFindTheNeighbourhood() throws Exception {
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		signIn(browser);

		browser.get(url("/staff/coverage"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Postcode coverage");
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser, browser.findElement(By.linkText("Upload neighbourhood boundaries")));
		waitForTitle(browser, "Upload neighbourhood boundaries");
		Axe.assertNoViolations(browser);

		// Nothing chosen: the error state.
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitForTitle(browser, "Error: ");
		assertThat(browser.findElement(By.id("file-error")).getText()).contains("Select a boundary file");
		Axe.assertNoViolations(browser);

		// A feature naming no neighbourhood: the error state with the list of problems.
		Path unknown = this.folder.resolve("unknown.geojson");
		Files.writeString(unknown, square("{\"code\":\"NOWHERE\"}"));
		browser.findElement(By.id("file")).sendKeys(unknown.toString());
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitForTitle(browser, "Error: ");
		assertThat(browser.findElement(By.id("problems")).getText()).contains("names no known neighbourhood");
		Axe.assertNoViolations(browser);

		Path boundary = this.folder.resolve("harbour.geojson");
		Files.writeString(boundary, square("{\"code\":\"" + this.code + "\",\"name\":\"" + this.name + "\"}"));
		browser.findElement(By.id("file")).sendKeys(boundary.toString());
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitForTitle(browser, "Upload: harbour.geojson");
		Chromium.refreshUntilStatus(browser, "Ready to apply");
		assertThat(browser.findElement(By.id("moves")).getText()).contains("No neighbourhood")
			.contains(this.name)
			.contains("ZY9 1AA")
			.doesNotContain("ZY9 1AB");
		Axe.assertNoViolations(browser);

		Chromium.clickThrough(browser,
				browser.findElement(By.xpath("//button[normalize-space()='Apply these changes']")));
		Chromium.refreshUntilStatus(browser, "Applied");
		assertThat(browser.findElement(By.id("applied")).getText()).contains("Applied by");
		Axe.assertNoViolations(browser);

		browser.get(url("/find-your-area?postcode=ZY9+1AA"));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getCurrentUrl().contains("/area/"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains(this.name);

		browser.get(url("/staff/neighbourhoods/" + this.neighbourhoodId + "/coverage"));
		assertThat(browser.findElement(By.id("boundary")).getText()).startsWith("Uploaded as harbour.geojson");
		Axe.assertNoViolations(browser);
	}

	@Test
	void theOtherCoveragePagesAndTheirErrorStatesHaveNoAccessibilityViolations() throws Exception {
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		signIn(browser);

		browser.get(url("/staff/coverage/postcodes"));
		Axe.assertNoViolations(browser);
		Path notPostcodes = this.folder.resolve("people.csv");
		Files.writeString(notPostcodes, "name,address\nSam,1 High Street\n");
		browser.findElement(By.id("file")).sendKeys(notPostcodes.toString());
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitForTitle(browser, "Error: ");
		Axe.assertNoViolations(browser);

		// A file with a bad line: the preview lists it and cannot be applied.
		Path bad = this.folder.resolve("bad.csv");
		Files.writeString(bad, "postcode,positional_quality_indicator,eastings,northings,country_code,"
				+ "nhs_regional_ha_code,nhs_ha_code,admin_county_code,admin_district_code,admin_ward_code,"
				+ "postcode_normalised,latitude,longitude\nNOT A POSTCODE,10,0,0,E92000001,,,,E06000016,E05000001,,1,1\n");
		browser.findElement(By.id("file")).sendKeys(bad.toString());
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitForTitle(browser, "Upload: bad.csv");
		Chromium.refreshUntilStatus(browser, "Ready to apply");
		assertThat(browser.findElement(By.id("rejections")).getText()).contains("not a valid postcode");
		assertThat(browser.findElements(By.xpath("//button[normalize-space()='Apply these changes']"))).isEmpty();
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser,
				browser.findElement(By.xpath("//button[normalize-space()='Discard this upload']")));
		Chromium.refreshUntilStatus(browser, "Discarded");
		Axe.assertNoViolations(browser);

		browser.get(url("/staff/coverage/overrides"));
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("postcode")).sendKeys("ZY9 9ZZ");
		new Select(browser.findElement(By.id("neighbourhoodId")))
			.selectByVisibleText(this.name + " (" + this.code + ")");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("#override-form button[type=submit]")));
		waitForTitle(browser, "Error: ");
		assertThat(browser.findElement(By.id("postcode-error")).getText()).contains("not in our postcode data");
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("postcode")).clear();
		browser.findElement(By.id("postcode")).sendKeys("ZY9 1AB");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("#override-form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> !page.findElements(By.cssSelector(".govuk-notification-banner")).isEmpty());
		assertThat(browser.findElement(By.id("overrides")).getText()).contains("ZY9 1AB");
		Axe.assertNoViolations(browser);

		browser.get(url("/staff/neighbourhoods/" + this.neighbourhoodId + "/coverage"));
		assertThat(browser.findElement(By.id("by-hand")).getText()).contains("ZY9 1AB");
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("wardCodes")).sendKeys("not a ward");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("#wards-form button[type=submit]")));
		waitForTitle(browser, "Error: ");
		Axe.assertNoViolations(browser);

		long interrupted = this.jdbc.queryForObject("""
				insert into coverage_import (kind, file_name, file_size, status, error, created_by_name, created_at,
				                             heartbeat_at)
				values ('POSTCODES', 'stopped.csv', 100, 'INTERRUPTED',
				        'The application stopped while this preview was being made.', 'Web Editor', now(), now())
				returning id""", Long.class);
		browser.get(url("/staff/coverage/imports/" + interrupted));
		assertThat(browser.findElement(By.id("failure")).getText()).contains("application stopped");
		Axe.assertNoViolations(browser);
	}

	private String square(String properties) {
		double h = 0.05;
		return """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":%s,"geometry":{"type":"Polygon",
				"coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}]}""".formatted(properties, LON - h, LAT - h,
				LON + h, LAT - h, LON + h, LAT + h, LON - h, LAT + h, LON - h, LAT - h);
	}

	private static void waitForTitle(WebDriver browser, String start) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).until((page) -> page.getTitle().startsWith(start));
	}

	private void signIn(WebDriver browser) {
		Chromium.signIn(browser, url("/staff/sign-in"), "webeditor@example.org", PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
