package uk.yourarea.browser;

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
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.TestMail;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident's alerts in a real browser: subscribe from the Your Area page (one mistake
 * first), confirm from the email, change a choice on the personal page, and unsubscribe
 * from the link in the email. axe-core checks every page on the way.
 */
@DemoSiteTest
class AlertsJourneyBrowserIT {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	GreenMail greenMail;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RateLimits rateLimits;

	@Test
	void aResidentSubscribesConfirmsChangesAndUnsubscribes() throws Exception {
		this.rateLimits.clear("alert-subscribe-address:" + RateLimits.hashed("127.0.0.1"));
		String email = "alerts-journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

		WebDriver browser = chromium.open(url("/area/wigston"));
		Chromium.clickThrough(browser, browser.findElement(By.linkText("Get messages from the Wigston team by email")));
		waitFor(browser, "/area/wigston/alerts");
		Axe.assertNoViolations(browser);

		browser.findElement(By.id("email")).sendKeys(email);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().startsWith("Error: "));
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Select what you would like to hear about");
		assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo(email);
		Axe.assertNoViolations(browser);

		browser.findElement(By.cssSelector("input[name=categories][value=EVENTS] + label")).click();
		Thread.sleep(2100); // a person takes at least the minimum fill time
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitFor(browser, "/area/wigston/alerts/check-your-email");
		Axe.assertNoViolations(browser);

		// Confirm from the email.
		String confirmation = TestMail.body(only(TestMail.to(this.greenMail, email)));
		browser.get(url(link(confirmation, "/alerts/confirm/")));
		assertThat(browser.findElement(By.tagName("h1")).getText())
			.isEqualTo("Confirm your messages from the Wigston team");
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getCurrentUrl().contains("/alerts/manage/"));
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner")).getText())
			.contains("Your messages are confirmed.");
		Axe.assertNoViolations(browser);

		// Add appeals on the personal page.
		browser.findElement(By.cssSelector("section input[name=categories][value=APPEALS] + label")).click();
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("section form button")));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getCurrentUrl().endsWith("?changed"));
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner")).getText())
			.contains("Your choices are saved.");
		assertThat(this.jdbc.queryForObject("""
				select a.categories::text from alert_subscription a
				join alert_subscriber s on s.id = a.alert_subscriber_id where s.email = ?""", String.class, email))
			.isEqualTo("{EVENTS,APPEALS}");
		Axe.assertNoViolations(browser);

		// Unsubscribe from the link in the email that followed the confirmation.
		List<MimeMessage> emails = TestMail.to(this.greenMail, email, 2);
		browser.get(url(link(TestMail.body(emails.get(1)), "/alerts/unsubscribe/")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stop all your messages");
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.findElement(By.tagName("h1")).getText().equals("You will get no more messages"));
		Axe.assertNoViolations(browser);
		assertThat(
				this.jdbc.queryForObject("select count(*) from alert_subscriber where email = ?", Integer.class, email))
			.isZero();
	}

	private static MimeMessage only(List<MimeMessage> messages) {
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static String link(String body, String prefix) {
		Matcher matcher = Pattern.compile("(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static void waitFor(WebDriver browser, String path) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> java.net.URI.create(page.getCurrentUrl()).getPath().equals(path));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
