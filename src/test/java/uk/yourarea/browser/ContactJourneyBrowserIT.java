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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Guarantee's promise end to end in a real browser: a resident writes to their team,
 * an officer answers from the inbox, the resident says it did not answer their question
 * and the message is open again. axe-core checks every page on the way, staff pages
 * included.
 */
@DemoSiteTest
class ContactJourneyBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	GreenMail greenMail;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aResidentsMessageIsAnsweredAndReopened() throws Exception {
		String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

		// The resident writes to the Wigston team, getting one thing wrong first.
		WebDriver browser = chromium.open(url("/area/wigston"));
		Chromium.clickThrough(browser, browser.findElement(By.linkText("Send a message to the Wigston team")));
		waitFor(browser, "/area/wigston/contact");
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("name")).sendKeys("Alex Journey");
		browser.findElement(By.id("email")).sendKeys("not-an-email");
		browser.findElement(By.cssSelector("label[for=preferredContact]")).click();
		browser.findElement(By.cssSelector("input[name=senderType][value=RESIDENT] + label")).click();
		browser.findElement(By.cssSelector("input[name=topic][value=SPEEDING_AND_ROADS] + label")).click();
		browser.findElement(By.id("message")).sendKeys("Cars speed along Long Street every night after 11pm.");
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
			.until((page) -> page.getTitle().startsWith("Error: "));
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Enter an email address in the correct format");
		assertThat(browser.findElement(By.id("message")).getAttribute("value")).contains("Long Street");
		Axe.assertNoViolations(browser);

		browser.findElement(By.id("email")).clear();
		browser.findElement(By.id("email")).sendKeys(email);
		Thread.sleep(3100); // a person takes at least the minimum fill time
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));

		// Confirmation with a reference and a deadline.
		waitFor(browser, "/area/wigston/contact/sent");
		String reference = browser.findElement(By.cssSelector(".govuk-panel__body strong")).getText();
		assertThat(reference).matches("YA-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(browser.findElement(By.tagName("main")).getText()).containsPattern("will reply by \\w+day");
		Axe.assertNoViolations(browser);

		// The acknowledgement arrives with the same reference and a private link.
		String acknowledgement = TestMail.body(only(TestMail.to(this.greenMail, email)));
		assertThat(acknowledgement).contains(reference).contains("We will reply by");
		String privateLink = link(acknowledgement);

		// The officer signs in and finds it among the open messages, after the demo's
		// messages whose deadlines come sooner.
		browser.manage().deleteAllCookies();
		browser.get(url("/staff/sign-in"));
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("email")).sendKeys("officer.wigston@example.org");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getCurrentUrl().endsWith("/staff"));
		browser.get(url("/staff/inbox"));
		Axe.assertNoViolations(browser);
		List<String> references = browser.findElements(By.cssSelector("table tbody tr td:first-child"))
			.stream()
			.map((cell) -> cell.getText())
			.toList();
		assertThat(references).contains(reference);
		assertThat(browser
			.findElement(By
				.xpath("//tr[td[1][normalize-space()='" + reference + "']]//strong[contains(@class, 'govuk-tag')]"))
			.getText()).matches("due in (71|72) hours|due in 2 days|due in 3 days");

		// The officer opens it and sends a full reply.
		Chromium.clickThrough(browser, browser.findElement(By.linkText(reference)));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Message " + reference);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Long Street").contains("due in");
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("reply")).sendKeys("We will run speed checks on Long Street this week.");
		browser.findElement(By.cssSelector("input[name=kind][value=FULL] + label")).click();
		Chromium.clickThrough(browser, browser.findElement(By.xpath("//button[normalize-space()='Send reply']")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> !page.findElements(By.cssSelector(".govuk-notification-banner--success")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".govuk-notification-banner--success")).getText())
			.contains("Your reply has been sent");

		// The resident gets the reply by email and on their private page, and says it did
		// not help.
		List<MimeMessage> emails = TestMail.to(this.greenMail, email, 2);
		assertThat(emails).hasSize(2);
		assertThat(TestMail.body(emails.get(1))).contains("speed checks on Long Street");
		browser.manage().deleteAllCookies();
		browser.get(url(privateLink));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("speed checks on Long Street")
			.contains("Did this answer your question?");
		Axe.assertNoViolations(browser);
		browser.findElement(By.cssSelector("label[for=answered-2]")).click();
		Chromium.clickThrough(browser, browser.findElement(By.xpath("//button[normalize-space()='Send answer']")));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getCurrentUrl().endsWith("?reopened"));
		String after = browser.findElement(By.tagName("main")).getText();
		assertThat(after).contains("did not answer your question").contains("We will reply by");
		assertThat(browser.findElement(By.cssSelector(".govuk-summary-list .govuk-tag")).getText()).isEqualTo("Open");
		Axe.assertNoViolations(browser);
		// The team is told by email (the outbox keeps no address or subject once an email
		// has gone, so the test mail server is asked).
		String told = "Message " + reference + " is open again: the reply did not answer it";
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> TestMail.to(this.greenMail, "officer.wigston@example.org")
				.stream()
				.anyMatch((message) -> told.equals(subject(message))));

		// The supervisor's view and the officer's inbox show it open again.
		browser.manage().deleteAllCookies();
		browser.get(url("/staff/sign-in"));
		browser.findElement(By.id("email")).sendKeys("sergeant@example.org");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getCurrentUrl().endsWith("/staff"));
		browser.get(url("/staff/inbox?status=OPEN"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(reference);
		browser.get(url("/staff/supervisor"));
		Axe.assertNoViolations(browser);
	}

	private static MimeMessage only(List<MimeMessage> messages) {
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static String link(String body) {
		Matcher matcher = Pattern.compile("(/messages/[A-Za-z0-9_-]{43})").matcher(body);
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

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
