package uk.yourarea.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
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
 * "Have your say" end to end in Chromium: a resident answers Wigston's consultation
 * (getting things wrong first), confirms from the email, and the officer's results count
 * the answer. axe-core checks every page of the feature, error states included.
 */
@DemoSiteTest
class HaveYourSayBrowserIT {

	static final String PASSWORD = "Demo-only-password-2026";

	static final List<String> BROWSER_ADDRESSES = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");

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
	void aResidentsConfirmedAnswerIsCountedInTheResults() throws Exception {
		clearRateLimits();
		String email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where slug = 'wigston'", Long.class);
		long cid = this.jdbc.queryForObject("""
				select id from consultation where neighbourhood_id = ? and opens_at <= now() and closes_at > now()""",
				Long.class, wigston);
		String results = "/staff/neighbourhoods/" + wigston + "/consultations/" + cid;
		WebDriver browser = chromium.driver();
		long before = confirmedOnResultsPage(browser, results);

		// The resident finds the consultation on their Your Area page.
		browser.manage().deleteAllCookies();
		browser.get(url("/area/wigston"));
		Chromium.clickThrough(browser, browser.findElement(By.linkText("Have your say on local priorities")));
		waitFor(browser, "/area/wigston/have-your-say");
		Axe.assertNoViolations(browser);

		// Nothing chosen: every question is asked again.
		submit(browser);
		waitForTitle(browser, "Error: ");
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Select at least one issue");
		Axe.assertNoViolations(browser);

		// Four issues and a postcode in Oadby.
		List<String> issues = List.of("issues", "issues-2", "issues-3", "issues-4");
		issues.forEach((id) -> browser.findElement(By.cssSelector("label[for=" + id + "]")).click());
		browser.findElement(By.id("concern")).sendKeys("Motorbikes on the recreation ground after dark.");
		browser.findElement(By.cssSelector("label[for=respondentType]")).click();
		browser.findElement(By.id("postcode")).sendKeys(postcodeIn("oadby"));
		browser.findElement(By.id("email")).sendKeys(email);
		submit(browser);
		waitForTitle(browser, "Error: ");
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText())
			.contains("Select no more than 3 issues")
			.contains("is in the Oadby neighbourhood, not Wigston");
		assertThat(browser.findElement(By.cssSelector("#postcode-elsewhere a")).getAttribute("href"))
			.endsWith("/area/oadby/have-your-say");
		assertThat(browser.findElement(By.id("concern")).getAttribute("value")).contains("Motorbikes");
		Axe.assertNoViolations(browser);

		// Put right: two issues and a Wigston postcode.
		browser.findElement(By.cssSelector("label[for=issues-3]")).click();
		browser.findElement(By.cssSelector("label[for=issues-4]")).click();
		browser.findElement(By.id("postcode")).clear();
		browser.findElement(By.id("postcode")).sendKeys(postcodeIn("wigston"));
		Thread.sleep(3100); // a person takes at least the minimum fill time
		submit(browser);
		waitFor(browser, "/area/wigston/have-your-say/check-your-email");
		Axe.assertNoViolations(browser);

		// The email's link, opened later: confirm.
		String link = link(TestMail.body(TestMail.to(this.greenMail, email).get(0)));
		browser.manage().deleteAllCookies();
		browser.get(url(link));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your answer");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Motorbikes on the recreation ground");
		Axe.assertNoViolations(browser);
		Chromium.clickThrough(browser,
				browser.findElement(By.xpath("//button[normalize-space()='Confirm my answer']")));
		waitFor(browser, "/area/wigston/have-your-say/thank-you");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Answer confirmed");
		Axe.assertNoViolations(browser);

		// The link again: already used. An expired and an unknown link.
		browser.get(url(link));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You have already confirmed this answer");
		Axe.assertNoViolations(browser);
		browser.get(url("/have-your-say/confirm/" + "A".repeat(43)));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link does not work");
		Axe.assertNoViolations(browser);
		String expired = expiredLink(wigston, cid);
		browser.get(url(expired));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("This link has expired");
		Axe.assertNoViolations(browser);

		// Too many answers from one place: the concern is kept.
		for (int i = 0; i < 10; i++) {
			for (String address : BROWSER_ADDRESSES) {
				this.rateLimits.record("have-your-say-address:" + address);
			}
		}
		browser.get(url("/area/wigston/have-your-say"));
		browser.findElement(By.id("concern")).sendKeys("Speeding on Bull Head Street.");
		browser.findElement(By.cssSelector("label[for=respondentType-2]")).click();
		browser.findElement(By.id("postcode")).sendKeys(postcodeIn("wigston"));
		browser.findElement(By.id("email")).sendKeys("busy-" + email);
		submit(browser);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> page.getTitle().startsWith("You have sent a lot of answers"));
		assertThat(browser.findElement(By.id("kept-concern")).getAttribute("value")).contains("Bull Head Street");
		Axe.assertNoViolations(browser);
		clearRateLimits();

		// No consultation open, and the results of a closed one on a Your Area page.
		browser.get(url("/area/uppingham/have-your-say"));
		assertThat(browser.findElement(By.id("no-consultation")).getText()).contains("no consultation open");
		Axe.assertNoViolations(browser);
		browser.get(url("/area/oadby"));
		assertThat(browser.findElement(By.id("what-you-told-us")).getText()).isEqualTo("What you told us");
		Axe.assertNoViolations(browser);

		// The officer's results count the answer; the staff pages pass too.
		assertThat(confirmedOnResultsPage(browser, results)).isEqualTo(before + 1);
		Axe.assertNoViolations(browser);
		browser.get(url(results + "/concerns"));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Motorbikes on the recreation ground");
		Axe.assertNoViolations(browser);
		browser.get(url("/staff/neighbourhoods/" + wigston + "/consultations"));
		Axe.assertNoViolations(browser);
		browser.get(url("/staff/neighbourhoods/" + wigston + "/consultations/new"));
		Axe.assertNoViolations(browser);
		browser.findElement(By.id("question")).clear();
		browser.findElement(By.id("opensOn-day")).clear();
		submit(browser);
		waitForTitle(browser, "Error: ");
		assertThat(browser.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("Enter the question")
			.contains("Opening date must be a real date");
		Axe.assertNoViolations(browser);
	}

	/** Chromium may reach the site over IPv4 or IPv6. */
	private void clearRateLimits() {
		for (String address : BROWSER_ADDRESSES) {
			this.rateLimits.clear("have-your-say-address:" + address);
		}
	}

	/** Signs in as Wigston's officer and reads the number of confirmed answers. */
	private long confirmedOnResultsPage(WebDriver browser, String results) {
		browser.manage().deleteAllCookies();
		browser.get(url("/staff/sign-in"));
		browser.findElement(By.id("email")).sendKeys("officer.wigston@example.org");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getCurrentUrl().endsWith("/staff"));
		browser.get(url(results));
		String text = browser.findElement(By.id("confirmed")).getText();
		return Long.parseLong(text.substring(0, text.indexOf(' ')));
	}

	/**
	 * An answer whose link ran out: stored as the site would, with its expiry moved back.
	 */
	private String expiredLink(long wigston, long cid) throws Exception {
		String token = UUID.randomUUID().toString().replace("-", "") + "abcdefghijk";
		this.jdbc.update("""
				insert into consultation_response (consultation_id, email, respondent_type, submitted_at, token_hash,
				    token_expires_at, idempotency_key)
				values (?, ?, 'RESIDENT', now() - interval '8 days', sha256(?::bytea), now() - interval '1 day', ?)""",
				cid, "expired-" + token.substring(0, 8) + "@example.org", token, token);
		return "/have-your-say/confirm/" + token;
	}

	private String postcodeIn(String slug) {
		return this.jdbc.queryForObject("""
				select p.postcode from postcode p join neighbourhood n on n.id = p.neighbourhood_id
				where n.slug = ? and p.terminated_on is null order by p.postcode limit 1""", String.class, slug);
	}

	private static void submit(WebDriver browser) {
		Chromium.clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
	}

	private static String link(String body) {
		Matcher matcher = Pattern.compile("(/have-your-say/confirm/[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	private static void waitFor(WebDriver browser, String path) {
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((page) -> URI.create(page.getCurrentUrl()).getPath().equals(path));
	}

	private static void waitForTitle(WebDriver browser, String prefix) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).until((page) -> page.getTitle().startsWith(prefix));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
