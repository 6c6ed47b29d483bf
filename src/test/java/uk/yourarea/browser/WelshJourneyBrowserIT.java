package uk.yourarea.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.TestMail;
import uk.yourarea.web.Languages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident who reads Welsh, end to end in a real browser: from the Welsh home page to
 * their team's page, a message with a mistake and then without, the page saying it was
 * sent, the acknowledgement email in Welsh and linking to the Welsh conversation page.
 * axe-core checks every Welsh page on the way.
 */
@DemoSiteTest
class WelshJourneyBrowserIT {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	GreenMail greenMail;

	@Autowired
	MessageSource text;

	@Test
	void aResidentWritesToTheirTeamInWelshAndHearsBackInWelsh() throws Exception {
		String email = "cymraeg-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

		// From the Welsh home page to the team's Welsh page by postcode.
		WebDriver browser = chromium.open(url("/cy/"));
		assertWelsh(browser);
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("postcode")).sendKeys("LE18 1AA");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitFor(browser, "/cy/area/wigston");
		assertWelsh(browser);
		Axe.assertNoViolations(browser);

		// The contact form, sent first with a mistake.
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main a[href='/cy/area/wigston/contact']")));
		waitFor(browser, "/cy/area/wigston/contact");
		assertWelsh(browser);
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("name")).sendKeys("Alun Taith");
		browser.findElement(By.id("email")).sendKeys("nid-e-bost");
		browser.findElement(By.cssSelector("label[for=preferredContact]")).click();
		browser.findElement(By.cssSelector("input[name=senderType][value=RESIDENT] + label")).click();
		browser.findElement(By.cssSelector("input[name=topic][value=SPEEDING_AND_ROADS] + label")).click();
		browser.findElement(By.id("message")).sendKeys("Mae ceir yn goryrru ar hyd Long Street bob nos.");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> !page.findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
		assertThat(path(browser)).startsWith("/cy/");
		assertWelsh(browser);
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Mae problem wedi codi")
			.doesNotContain("There is a problem");
		assertThat(browser.findElement(By.id("message")).getDomProperty("value")).contains("Long Street");
		Axe.assertNoViolations(browser);

		// Put right and sent.
		browser.findElement(By.id("email")).clear();
		browser.findElement(By.id("email")).sendKeys(email);
		Thread.sleep(3100); // a person takes at least the minimum fill time
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitFor(browser, "/cy/area/wigston/contact/sent");
		assertWelsh(browser);
		String reference = browser.findElement(By.cssSelector(".govuk-panel__body strong")).getText();
		assertThat(reference).matches("YA-[0-9A-Z]{4}-[0-9A-Z]{4}");
		String sent = browser.findElement(By.tagName("main")).getText();
		assertThat(sent).as("the deadline's explanation in the page's language")
			.contains(welsh("contact.deadline.hours", 72));
		Axe.assertNoViolations(browser);

		// The acknowledgement is in Welsh and links to the Welsh conversation page.
		String acknowledgement = TestMail.body(only(TestMail.to(this.greenMail, email)));
		assertThat(acknowledgement).contains(reference).contains(welsh("contact.deadline.hours", 72));
		String privateLink = link(acknowledgement);
		assertThat(privateLink).startsWith("/cy/messages/");

		browser.manage().deleteAllCookies();
		browser.get(url(privateLink));
		assertWelsh(browser);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Long Street")
			.contains(welsh("contact.deadline.hours", 72));
		Axe.assertNoViolations(browser);
	}

	@Test
	void theLanguageSwitchKeepsThePage() {
		WebDriver browser = chromium.open(url("/cy/area/wigston"));
		assertWelsh(browser);

		Chromium.clickThrough(browser, browser.findElement(By.cssSelector(".ya-language-switch a")));
		waitFor(browser, "/area/wigston");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en-GB");

		Chromium.clickThrough(browser, browser.findElement(By.cssSelector(".ya-language-switch a")));
		waitFor(browser, "/cy/area/wigston");
		assertWelsh(browser);
	}

	/** The Welsh of a key, as the site has it now. */
	private String welsh(String key, Object... arguments) {
		return this.text.getMessage(key, arguments, Languages.WELSH);
	}

	private static void assertWelsh(WebDriver browser) {
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).as(path(browser)).isEqualTo("cy");
	}

	private static MimeMessage only(List<MimeMessage> messages) {
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static String link(String body) {
		Matcher matcher = Pattern.compile("(/(?:cy/)?messages/[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static String path(WebDriver browser) {
		return URI.create(browser.getCurrentUrl()).getPath();
	}

	private static void waitFor(WebDriver browser, String path) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> path(page).equals(path));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
