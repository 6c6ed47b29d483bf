package uk.yourarea.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs axe-core in the page Chromium is showing. The script comes from the npm package
 * {@code axe-core} (a devDependency), which {@code src/main/frontend/build.mjs} copies to
 * {@code target/test-classes/axe/axe.min.js}: on the test classpath and never among the
 * files the site serves. It is injected through WebDriver, which the page's
 * Content-Security-Policy does not apply to.
 */
final class Axe {

	/** Where build.mjs puts axe-core, as a test classpath resource. */
	static final String SCRIPT = "/axe/axe.min.js";

	/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
				.then((results) => done({
					version: axe.version,
					rulesRun: results.passes.length + results.violations.length + results.incomplete.length,
					violations: results.violations.map((violation) => ({
						id: violation.id,
						impact: violation.impact || 'unknown',
						help: violation.help,
						helpUrl: violation.helpUrl,
						nodes: violation.nodes.map((node) => ({
							target: JSON.stringify(node.target),
							html: node.html,
							summary: node.failureSummary || ''
						}))
					}))
				}), (error) => done({error: String(error && error.stack || error)}));
			""";

	private static String source;

	private Axe() {
	}

	/**
	 * Asserts that axe-core finds no WCAG 2.2 AA violations in the page as it is now.
	 * Fails (never skips) when axe-core's script is missing.
	 */
	static void assertNoViolations(WebDriver driver) {
		String page = driver.getCurrentUrl();
		JavascriptExecutor browser = (JavascriptExecutor) driver;
		browser.executeScript(source());
		if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'"))) {
			fail("axe-core did not load into " + page);
		}
		Object answer = browser.executeAsyncScript(RUN);
		if (!(answer instanceof Map<?, ?> results)) {
			fail("axe-core returned " + answer + " for " + page);
			return;
		}
		if (results.get("error") != null) {
			fail("axe-core failed on " + page + ": " + results.get("error"));
		}
		if (!(results.get("rulesRun") instanceof Number rulesRun) || rulesRun.intValue() == 0) {
			fail("axe-core ran no rules on " + page);
		}
		List<?> violations = (List<?>) results.get("violations");
		if (!violations.isEmpty()) {
			fail(report(page, String.valueOf(results.get("version")), violations));
		}
	}

	private static String report(String page, String version, List<?> violations) {
		StringBuilder report = new StringBuilder();
		report.append("axe-core ")
			.append(version)
			.append(" found ")
			.append(violations.size())
			.append(violations.size() == 1 ? " kind of violation" : " kinds of violation")
			.append(" on ")
			.append(page)
			.append(':');
		for (Object item : violations) {
			Map<?, ?> violation = (Map<?, ?>) item;
			report.append("\n\n")
				.append(violation.get("id"))
				.append(" (")
				.append(violation.get("impact"))
				.append("): ")
				.append(violation.get("help"))
				.append("\n  ")
				.append(violation.get("helpUrl"));
			for (Object nodeItem : (List<?>) violation.get("nodes")) {
				Map<?, ?> node = (Map<?, ?>) nodeItem;
				report.append("\n  - ")
					.append(node.get("target"))
					.append("\n      ")
					.append(node.get("html"))
					.append("\n      ")
					.append(String.valueOf(node.get("summary")).replace("\n", "\n      "));
			}
		}
		return report.toString();
	}

	private static synchronized String source() {
		if (source == null) {
			try (InputStream script = Axe.class.getResourceAsStream(SCRIPT)) {
				if (script == null) {
					fail("axe-core is missing: expected " + SCRIPT + " on the test classpath "
							+ "(target/test-classes/axe/axe.min.js). The front-end build copies it there from "
							+ "node_modules/axe-core: run ./mvnw verify (or npm ci && npm run build) first.");
				}
				source = new String(script.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read " + SCRIPT, ex);
			}
		}
		return source;
	}

}
