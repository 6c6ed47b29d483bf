package uk.yourarea.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.alert.AlertSends;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.TestMail;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert from end to end in a real browser: a resident subscribes and confirms, the
 * Wigston officer writes and sends an alert, it arrives, the resident replies through
 * "Reply to this message", the officer finds the reply in the inbox linked to the alert,
 * the resident unsubscribes with one click from the email's header, and the next alert
 * does not reach them. axe checks the pages on the way.
 */
@DemoSiteTest
class AlertSendingJourneyBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	static final Pattern UNSUBSCRIBE_HEADER = Pattern
		.compile("<https?://[^/>]+(/alerts/unsubscribe/[A-Za-z0-9_-]{43})>");

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

	@Autowired
	ApplicationContext context;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final String email = "alert-journey-" + this.run + "@example.org";

	@AfterEach
	void removeWhatWasAdded() {
		this.jdbc.update("delete from alert_subscriber where email = ?", this.email);
		this.jdbc.update("delete from alert where title like ?", "%" + this.run);
		this.jdbc.update("delete from outbox_email where reference like 'alert-%' and status = 'PENDING'");
	}

	@Test
	void subscribeReceiveReplyAndUnsubscribeWithOneClick() throws Exception {
		this.rateLimits.clear("alert-subscribe-address:" + RateLimits.hashed("127.0.0.1"));

		// The resident subscribes to everything from the Wigston team and confirms.
		WebDriver browser = chromium.open(url("/area/wigston/alerts"));
		browser.findElement(By.id("email")).sendKeys(this.email);
		browser.findElement(By.cssSelector("input[name=categories][value=EVERYTHING] + label")).click();
		Thread.sleep(2100); // a person takes at least the minimum fill time
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitFor(browser, "/area/wigston/alerts/check-your-email");
		browser.get(url(link(TestMail.body(TestMail.to(this.greenMail, this.email).get(0)), "/alerts/confirm/")));
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getCurrentUrl().contains("/alerts/manage/"));
		assertThat(TestMail.to(this.greenMail, this.email, 2)).as("confirmation and welcome").hasSize(2);

		// The Wigston officer writes and sends an alert.
		String title = "Bike marking at the library " + this.run;
		writeAndSend(browser, title, "Bring your bike and proof of ownership on Saturday from 10am.");
		AlertSends.now(this.context);

		// It arrives, signed, with the one-click headers.
		List<MimeMessage> received = TestMail.to(this.greenMail, this.email, 3);
		assertThat(received).hasSize(3);
		MimeMessage alert = received.get(2);
		assertThat(alert.getSubject()).isEqualTo("Wigston team: " + title);
		assertThat(alert.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		String body = TestMail.body(alert);
		assertThat(body).contains("Bring your bike and proof of ownership on Saturday from 10am.")
			.contains("Message sent by PC Jo Wigston")
			.contains("collar number 1913");

		// "Reply to this message" opens the Wigston contact form, naming the alert.
		browser.manage().deleteAllCookies();
		browser.get(url(replyLink(body)));
		assertThat(browser.findElement(By.id("in-reply-to")).getText()).contains(title);
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("name")).sendKeys("Robin Cyclist");
		browser.findElement(By.id("email")).sendKeys(this.email);
		browser.findElement(By.cssSelector("label[for=preferredContact]")).click();
		browser.findElement(By.cssSelector("input[name=senderType][value=RESIDENT] + label")).click();
		browser.findElement(By.cssSelector("input[name=topic] + label")).click();
		browser.findElement(By.id("message")).sendKeys("Can I bring two bikes to the marking on Saturday?");
		Thread.sleep(3100);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		waitFor(browser, "/area/wigston/contact/sent");
		String reference = browser.findElement(By.cssSelector(".govuk-panel__body strong")).getText();

		// The officer finds it in the inbox, linked to the alert.
		Chromium.signIn(browser, url("/staff/sign-in"), "officer.wigston@example.org", PASSWORD);
		browser.get(url("/staff/inbox"));
		assertThat(browser.findElement(By.xpath(
				"//tr[td[1][normalize-space()='" + reference + "']]//strong[contains(@class, 'ya-replies-to-alert')]"))
			.getText()).isEqualTo("Reply to an alert");
		Chromium.clickThrough(browser, browser.findElement(By.linkText(reference)));
		assertThat(browser.findElement(By.id("in-reply-to-alert")).getText()).contains(title);
		Axe.assertNoViolations(browser);

		// The email's link to stop the Wigston team's messages asks first.
		browser.manage().deleteAllCookies();
		browser.get(url(stopTeamLink(body)));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stop messages from the Wigston team");
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("These are the only messages you get, so this also deletes your email address");
		Axe.assertNoViolations(browser);

		// One click from the email's header, as a mail program sends it: no cookie, no
		// token.
		Matcher unsubscribe = UNSUBSCRIBE_HEADER.matcher(alert.getHeader("List-Unsubscribe")[0]);
		assertThat(unsubscribe.matches()).isTrue();
		HttpResponse<String> oneClick = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url(unsubscribe.group(1))))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(oneClick.statusCode()).isEqualTo(200);

		// The next alert does not reach them.
		writeAndSend(browser, "Second message " + this.run, "This one must not reach the resident.");
		AlertSends.now(this.context);
		assertThat(this.jdbc.queryForObject("select status from alert where title = ?", String.class,
				"Second message " + this.run))
			.isEqualTo("SENT");
		Thread.sleep(1500); // several relay runs
		assertThat(TestMail.to(this.greenMail, this.email, 5)).as("confirmation, welcome, alert, acknowledgement")
			.hasSize(4)
			.extracting(MimeMessage::getSubject)
			.doesNotContain("Wigston team: Second message " + this.run);
	}

	private void writeAndSend(WebDriver browser, String title, String text) {
		Chromium.signIn(browser, url("/staff/sign-in"), "officer.wigston@example.org", PASSWORD);
		browser.get(url("/staff/alerts/new"));
		browser.findElement(By.id("title")).sendKeys(title);
		browser.findElement(By.id("body")).sendKeys(text);
		browser.findElement(By.cssSelector("label[for=topic]")).click();
		browser.findElement(By.cssSelector("label[for=neighbourhoodIds]")).click();
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getTitle().contains("Check your alert before you send it"));
		browser.findElement(By.cssSelector("label[for=when]")).click();
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().contains(title));
	}

	private static String link(String body, String prefix) {
		Matcher matcher = Pattern.compile("(" + Pattern.quote(prefix) + "[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static String replyLink(String body) {
		Matcher matcher = Pattern.compile("https?://[^/\\s]+(/area/wigston/contact\\?alert=\\d+)").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static String stopTeamLink(String body) {
		Matcher matcher = Pattern.compile("https?://[^/\\s]+(/alerts/manage/[A-Za-z0-9_-]{43}/\\d+/stop)\\s")
			.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static void waitFor(WebDriver browser, String path) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> URI.create(page.getCurrentUrl()).getPath().equals(path));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
