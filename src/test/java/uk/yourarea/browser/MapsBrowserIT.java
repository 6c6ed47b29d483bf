package uk.yourarea.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.web.server.LocalServerPort;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maps drawn by the server, in a real browser: the force map's shapes are links the
 * keyboard reaches, each showing the yellow focus when it has it.
 */
@DemoSiteTest
class MapsBrowserIT {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	private int port;

	@Test
	void eachShapeOfTheForceMapIsALinkWithAVisibleKeyboardFocus() {
		WebDriver browser = chromium.open("http://localhost:" + this.port + "/areas");
		List<WebElement> links = browser.findElements(By.cssSelector("svg#force-map a"));
		assertThat(links).hasSizeGreaterThanOrEqualTo(66);
		WebElement first = links.get(0);
		WebElement path = first.findElement(By.tagName("path"));
		String before = path.getCssValue("fill");
		JavascriptExecutor script = (JavascriptExecutor) browser;
		for (int presses = 0; presses < 40 && !Boolean.TRUE.equals(
				script.executeScript("return document.activeElement.closest('svg#force-map') != null")); presses++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
		}
		assertThat(chromium.focused()).as("the first shape the keyboard reaches").isEqualTo(first);
		assertThat(path.getCssValue("fill")).as("focused").isEqualTo("rgb(255, 221, 0)").isNotEqualTo(before);
		assertThat(first.getDomAttribute("href")).startsWith("/area/");
	}

}
