package uk.yourarea.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for the browser tests, one browser per test class, registered
 * with {@code @RegisterExtension static final Chromium chromium = new Chromium();}.
 * <p>
 * Chromium is found at {@code CHROMIUM_PATH} (default {@value #DEFAULT_CHROMIUM}) and its
 * driver at {@code CHROMEDRIVER_PATH} (default {@value #DEFAULT_CHROMEDRIVER}). Both
 * paths are given to Selenium explicitly, so Selenium Manager never runs and nothing is
 * downloaded. Where either is missing every test of the class is skipped
 * ({@code Assumptions.abort}) with a message saying what to install; {@code .ci/run}
 * installs both, and fails when browser tests were skipped.
 * <p>
 * Each browser gets a fresh profile in a temporary folder, deleted when the class ends,
 * and a {@link #DESKTOP} window at the start of every test.
 */
public final class Chromium implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	/** The window every test starts with. */
	public static final Dimension DESKTOP = new Dimension(1280, 900);

	/**
	 * The narrowest screen a page must work on without scrolling sideways (WCAG 1.4.10,
	 * reflow).
	 */
	public static final Dimension NARROW = new Dimension(320, 900);

	static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";

	static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";

	/**
	 * Headless, and quiet on the network: without the networking flags Chromium keeps
	 * calling Google services, which this closed network refuses.
	 */
	private static final String[] ARGUMENTS = { "--headless", "--no-sandbox", "--disable-gpu",
			"--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
			"--disable-sync", "--no-first-run", "--disable-quic" };

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Selenium warns on every start when Debian's Chromium is newer than the DevTools
	 * protocol versions it ships. These tests use WebDriver only, never the DevTools
	 * protocol, so the warning is noise. Held here so the setting is not garbage
	 * collected with the logger.
	 */
	private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

	static {
		CDP_VERSION_FINDER.setLevel(Level.SEVERE);
	}

	private ChromeDriverService service;

	private WebDriver driver;

	private Path profile;

	/** Why the browser could not start, or null. */
	private String missing;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		Path chromium = executable("CHROMIUM_PATH", DEFAULT_CHROMIUM, "Chromium");
		Path chromedriver = executable("CHROMEDRIVER_PATH", DEFAULT_CHROMEDRIVER, "ChromeDriver");
		if (chromium == null || chromedriver == null) {
			return;
		}
		this.profile = Files.createTempDirectory("yourarea-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments(ARGUMENTS);
		options.addArguments("--user-data-dir=" + this.profile,
				"--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		try {
			this.driver = new ChromeDriver(this.service, options);
		}
		catch (RuntimeException ex) {
			this.service.stop();
			deleteProfile();
			throw ex;
		}
		this.driver.manage().timeouts().pageLoadTimeout(TIMEOUT).scriptTimeout(TIMEOUT);
	}

	/**
	 * Skips the test when the browser is missing. Each test is skipped on its own, rather
	 * than the whole class in {@code beforeAll}, so that Surefire and Failsafe count the
	 * skipped tests.
	 */
	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.missing != null) {
			Assumptions.abort(this.missing);
		}
		resize(DESKTOP);
		this.driver.manage().deleteAllCookies();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			this.missing = null;
			if (this.service != null) {
				this.service.stop();
				this.service = null;
			}
			deleteProfile();
		}
	}

	/** The browser, started for this test class. */
	public WebDriver driver() {
		if (this.driver == null) {
			throw new IllegalStateException(
					"Chromium is not running: register Chromium as a static @RegisterExtension");
		}
		return this.driver;
	}

	/** Opens an absolute URL and waits for the page to load. */
	public WebDriver open(String url) {
		driver().get(url);
		return this.driver;
	}

	/** Resizes the window and checks that the page's viewport really is that wide. */
	public void resize(Dimension size) {
		driver().manage().window().setSize(size);
		Object width = script("return window.innerWidth");
		if (!(width instanceof Number number) || number.intValue() != size.getWidth()) {
			throw new IllegalStateException(
					"Chromium's viewport is " + width + " CSS pixels wide, not " + size.getWidth());
		}
	}

	/** The element that has the keyboard focus. */
	public WebElement focused() {
		return driver().switchTo().activeElement();
	}

	/** Runs JavaScript in the page and returns what it returns. */
	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver()).executeScript(script, arguments);
	}

	/**
	 * The executable, or null (with the reason in {@link #missing}) when it is not there.
	 */
	private Path executable(String variable, String defaultPath, String name) {
		String configured = System.getenv(variable);
		boolean fromVariable = configured != null && !configured.isBlank();
		Path path = Path.of(fromVariable ? configured : defaultPath);
		if (Files.isRegularFile(path) && Files.isExecutable(path)) {
			return path;
		}
		if (this.missing == null) {
			this.missing = name + " not found at " + path + (fromVariable ? " (set by " + variable + ")" : "")
					+ ": install the Debian packages chromium and chromium-driver; .ci/run does this";
		}
		return null;
	}

	/**
	 * Deletes the temporary profile. Chromium's helper processes can still be closing
	 * files for a moment after {@code quit()}, so a failed attempt is tried again.
	 */
	private void deleteProfile() {
		if (this.profile == null) {
			return;
		}
		Path folder = this.profile;
		this.profile = null;
		for (int attempt = 1;; attempt++) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
				return;
			}
			catch (NoSuchFileException ex) {
				if (!Files.exists(folder)) {
					return;
				}
				retryOrThrow(attempt, folder, ex);
			}
			catch (IOException | UncheckedIOException ex) {
				retryOrThrow(attempt, folder, ex);
			}
		}
	}

	private static void retryOrThrow(int attempt, Path folder, Exception ex) {
		if (attempt >= 5) {
			throw new IllegalStateException("Could not delete Chromium's temporary profile " + folder, ex);
		}
		try {
			Thread.sleep(200L * attempt);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while deleting " + folder, interrupted);
		}
	}

	/**
	 * Signs a member of staff in through the real form, without the cookies of any
	 * earlier session, and waits for the staff home page.
	 * @param signInUrl the sign-in page's full address on the site under test
	 */
	public static void signIn(WebDriver browser, String signInUrl, String email, String password) {
		browser.manage().deleteAllCookies();
		browser.get(signInUrl);
		browser.findElement(By.id("email")).sendKeys(email);
		browser.findElement(By.id("password")).sendKeys(password);
		clickThrough(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
		new WebDriverWait(browser, TIMEOUT).until((page) -> page.getCurrentUrl().endsWith("/staff"));
	}

	/**
	 * Clicks something that loads a new page (a form's button, a link) and waits until
	 * the page being left has gone, so that a wait for the next page's title cannot be
	 * met by the old page when both have the same title.
	 */
	public static void clickThrough(WebDriver browser, WebElement element) {
		WebElement leaving = browser.findElement(By.tagName("html"));
		element.click();
		new WebDriverWait(browser, TIMEOUT).until((page) -> {
			try {
				leaving.getTagName();
				return false;
			}
			catch (WebDriverException gone) {
				// Stale, or (Chromium's words) a node that "does not belong to the
				// document".
				return true;
			}
		});
	}

	/**
	 * Follows a job page's Refresh button or link (no page refreshes by itself) until its
	 * {@code status} element reads {@code status}. Each refresh waits for the page it
	 * leaves to go, so the status is never read from a page half replaced.
	 */
	public static void refreshUntilStatus(WebDriver browser, String status) {
		new WebDriverWait(browser, Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(300))
			.ignoring(StaleElementReferenceException.class)
			.until((page) -> {
				if (page.findElement(By.id("status")).getText().equals(status)) {
					return true;
				}
				List<WebElement> refresh = page.findElements(By.id("refresh"));
				if (refresh.isEmpty()) {
					page.navigate().refresh();
				}
				else {
					clickThrough(page, refresh.get(0));
				}
				return false;
			});
	}

}
