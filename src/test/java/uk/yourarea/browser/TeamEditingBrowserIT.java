package uk.yourarea.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web editor looks after a team in a real browser, without JavaScript help where none
 * is needed: every team page, its error states and the someone-else-saved-first answer
 * pass axe-core, and a real photo uploaded through the file input shows on the public
 * page.
 */
@DemoSiteTest
class TeamEditingBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final List<Long> created = new java.util.ArrayList<>();

	/**
	 * Takes away the neighbourhoods this test made, their teams and their photos, so that
	 * tests counting the demo neighbourhoods still see 66.
	 */
	@org.junit.jupiter.api.AfterEach
	void removeTheNeighbourhoodsMade() {
		for (long id : this.created) {
			this.jdbc.update("delete from team_member where neighbourhood_id = ?", id);
			this.jdbc.update("delete from neighbourhood where id = ?", id);
		}
		this.jdbc.update("delete from photo p where not exists (select 1 from team_member m where m.photo_id = p.id)");
		this.created.clear();
	}

	@Test
	void everyTeamPageAndItsErrorsHaveNoAccessibilityViolations() throws IOException {
		long area = neighbourhood("Browser Team");
		String slug = this.jdbc.queryForObject("select slug from neighbourhood where id = ?", String.class, area);
		long named = member(area, "Jordan Ellis", "PC", "4127", 1);
		long pcso = member(area, "Sam Webb", "PCSO", "7001", 2);
		member(area, "Alex Stone", "SERGEANT", null, 3);
		this.jdbc.update("update team_member set named_officer = true, name_confirmed_on = ? where id = ?",
				LocalDate.now().minusMonths(8), named);
		String team = "/staff/neighbourhoods/" + area + "/team";

		WebDriver browser = chromium.open(url("/staff/sign-in"));
		signIn(browser, "webeditor@example.org");

		browser.get(url(team));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Neighbourhood team");
		assertThat(browser.findElement(By.cssSelector("main .govuk-warning-text")).getText())
			.contains("more than 6 months ago");
		Axe.assertNoViolations(browser);

		// Reordering needs no JavaScript: a button that posts.
		Chromium.clickThrough(browser,
				browser.findElement(By.xpath("//button[normalize-space()='Move up PCSO 7001 Sam Webb']")));
		waitForTitle(browser, "Browser Team team");
		assertThat(browser.findElements(By.cssSelector(".govuk-summary-card__title"))).extracting(WebElement::getText)
			.first()
			.asString()
			.startsWith("PCSO 7001 Sam Webb");
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
			.contains("moved up");
		Axe.assertNoViolations(browser);

		// Adding: the errors, then success.
		browser.get(url(team + "/new"));
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("collarNumber")).sendKeys("no way!");
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElements(By.cssSelector(".govuk-error-summary__list a"))).extracting(WebElement::getText)
			.containsExactly("Enter their name", "Select their role",
					"Collar number must be up to 10 letters and numbers, like 4127");
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("name")).sendKeys("Casey Morgan");
		browser.findElement(By.cssSelector("label[for=role-2]")).click();
		browser.findElement(By.id("collarNumber")).clear();
		browser.findElement(By.id("collarNumber")).sendKeys("8800");
		submit(browser);
		waitForTitle(browser, "Browser Team team");
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
			.contains("PCSO 8800 Casey Morgan has been added to the team");

		// Changing, and someone else saving first.
		browser.get(url(team + "/" + pcso + "/edit"));
		Axe.assertNoViolations(browser);
		this.jdbc.update("update team_member set bio = 'Saved elsewhere', version = version + 1 where id = ?", pcso);
		browser.findElement(By.id("bio")).sendKeys("Typed here");
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElement(By.id("edit-conflict")).getText()).contains("Saved elsewhere");
		Axe.assertNoViolations(browser);

		// The named officer: the confirmation is required.
		browser.get(url(team + "/named-officer"));
		Axe.assertNoViolations(browser);
		browser.findElement(By.cssSelector("label[for=officer]")).click();
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElement(By.id("confirmed-error")).getText())
			.contains("Confirm that you have checked their name, role and collar number with them");
		Axe.assertNoViolations(browser);
		browser.findElement(By.cssSelector("label[for=confirmed]")).click();
		submit(browser);
		waitForTitle(browser, "Browser Team team");
		assertThat(this.jdbc.queryForObject("select named_officer from team_member where id = ?", Boolean.class, pcso))
			.isTrue();

		// Moving and removing: the warnings about the named officer, and an error.
		browser.get(url(team + "/" + pcso + "/move"));
		assertThat(browser.findElement(By.cssSelector("main .govuk-warning-text")).getText())
			.contains("will have no named officer");
		Axe.assertNoViolations(browser);
		submit(browser);
		waitForError(browser);
		Axe.assertNoViolations(browser);
		browser.get(url(team + "/" + pcso + "/remove"));
		assertThat(browser.findElement(By.cssSelector("main .govuk-warning-text")).getText())
			.contains("will have no named officer");
		Axe.assertNoViolations(browser);

		// Photos: a refused file keeps the description; a real photo shows on the public
		// page.
		Path gif = photoFile("gif", 400, 500);
		Path jpeg = photoFile("jpeg", 900, 1200);
		browser.get(url(team + "/" + pcso + "/photo"));
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("photo")).sendKeys(gif.toString());
		browser.findElement(By.id("alt")).sendKeys("PCSO Sam Webb, smiling, in uniform");
		submit(browser);
		waitForError(browser);
		assertThat(browser.findElement(By.id("photo-error")).getText()).contains("The selected file is a GIF");
		assertThat(browser.findElement(By.id("alt")).getAttribute("value"))
			.isEqualTo("PCSO Sam Webb, smiling, in uniform");
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("photo")).sendKeys(jpeg.toString());
		submit(browser);
		waitForTitle(browser, "Browser Team team");
		WebElement thumbnail = browser.findElement(By.cssSelector("#member-" + pcso + " img"));
		assertThat(thumbnail.getAttribute("alt")).isEqualTo("PCSO Sam Webb, smiling, in uniform");
		assertThat(loadedWidth(browser, thumbnail)).isPositive();
		Axe.assertNoViolations(browser);
		browser.get(url(team + "/" + pcso + "/photo"));
		assertThat(browser.findElement(By.xpath("//button[normalize-space()='Remove photo of PCSO 7001 Sam Webb']"))
			.isDisplayed()).isTrue();
		Axe.assertNoViolations(browser);

		browser.get(url("/area/" + slug));
		WebElement photo = browser.findElement(By.cssSelector(".ya-officer img.ya-officer__photo"));
		assertThat(photo.getAttribute("alt")).isEqualTo("PCSO Sam Webb, smiling, in uniform");
		assertThat(loadedWidth(browser, photo)).isPositive();
		assertThat(browser.findElements(By.cssSelector(".ya-officer > .ya-placeholder-photo"))).isEmpty();
		Axe.assertNoViolations(browser);

		Files.deleteIfExists(gif);
		Files.deleteIfExists(jpeg);
	}

	@Test
	void aMemberMovesToAnotherTeamChosenFromTheList() {
		long from = neighbourhood("Browser From");
		long to = neighbourhood("Browser To");
		long id = member(from, "Mo Mover", "PC", null, 1);
		WebDriver browser = chromium.open(url("/staff/sign-in"));
		signIn(browser, "webeditor@example.org");

		browser.get(url("/staff/neighbourhoods/" + from + "/team/" + id + "/move"));
		new Select(browser.findElement(By.id("to"))).selectByValue(Long.toString(to));
		submit(browser);
		waitForTitle(browser, "Browser From team");

		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
			.contains("PC Mo Mover has been moved to the Browser To team");
		assertThat(this.jdbc.queryForObject("select neighbourhood_id from team_member where id = ?", Long.class, id))
			.isEqualTo(to);
	}

	private static long loadedWidth(WebDriver browser, WebElement image) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> Boolean.TRUE
			.equals(((JavascriptExecutor) page).executeScript("return arguments[0].complete", image)));
		return (Long) ((JavascriptExecutor) browser).executeScript("return arguments[0].naturalWidth", image);
	}

	private static Path photoFile(String format, int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(new Color(30, 60, 120));
		graphics.fillRect(0, 0, width, height);
		graphics.setColor(new Color(230, 190, 160));
		graphics.fillOval(width / 4, height / 6, width / 2, height / 2);
		graphics.dispose();
		Path file = Files.createTempFile("team-photo-", "." + format);
		ImageIO.write(image, format, file.toFile());
		return file;
	}

	private static void submit(WebDriver browser) {
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form[enctype], main form:last-of-type"))
			.findElement(By.cssSelector("button[type=submit]")));
	}

	private static void waitForError(WebDriver browser) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().startsWith("Error: "));
	}

	private static void waitForTitle(WebDriver browser, String start) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().startsWith(start));
	}

	private void signIn(WebDriver browser, String email) {
		Chromium.signIn(browser, url("/staff/sign-in"), email, PASSWORD);
	}

	private long neighbourhood(String name) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Long lpa = this.jdbc.queryForObject("select local_policing_area_id from neighbourhood where code = 'NA54'",
				Long.class);
		long id = this.jdbc.queryForObject("""
				insert into neighbourhood (code, slug, name, local_policing_area_id, phone)
				values (?, ?, ?, ?, '101') returning id""", Long.class, "B" + suffix, "browser-team-" + suffix, name,
				lpa);
		this.created.add(id);
		return id;
	}

	private long member(long area, String name, String role, String collar, int order) {
		return this.jdbc.queryForObject("""
				insert into team_member (neighbourhood_id, name, role, collar_number, display_order)
				values (?, ?, ?, ?, ?) returning id""", Long.class, area, name, role, collar, order);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
