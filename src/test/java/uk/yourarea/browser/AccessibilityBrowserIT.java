package uk.yourarea.browser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.yourarea.coverage.PostcodeImporter;
import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * axe-core on every public page, error states included, against WCAG 2.2 AA; and reflow:
 * no page scrolls sideways on a 320px wide screen.
 */
@DemoSiteTest
class AccessibilityBrowserIT {

	/**
	 * The header line of the ONS Postcode Directory and its line for AB1 0AA, a postcode
	 * Royal Mail stopped using in June 1996.
	 */
	private static final String TERMINATED_POSTCODE_ONSPD = """
			pcd7,pcd8,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,\
			oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,npark,lsoa01,msoa01,\
			ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua11,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,\
			oa21,lsoa21,msoa21
			AB1 0AA,AB1  0AA,AB1 0AA,198001,199606,S99999999,S99999999,S12000033,S13002843,S99999999,0,385386,\
			0801193,1,S08000020,S99999999,S92000003,S99999999,0,S14000061,S15000001,S09000001,S22000047,S03000012,\
			S30000026,99ZZ00,S00001364,01C30,S99999999,S01000011,S02000007,6,3C2,S00090303,S01006514,S02001237,\
			S34002990,S03000012,,3,1C3,57.101474,-2.242851,S99999999,,S23000009,6715,S99999999,S99999999,\
			S00137176,,
			""";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	private int port;

	@BeforeAll
	static void importTerminatedPostcode(@Autowired PostcodeImporter importer) {
		PostcodeImporter.Report report = importer
			.importFrom(new ByteArrayInputStream(TERMINATED_POSTCODE_ONSPD.getBytes(StandardCharsets.UTF_8)));
		assertThat(report.imported()).as(report.summary() + " " + report.rejections()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					/                                       | Find your local policing team        | Find my area
					/find-your-area?postcode=               | Find your local policing team        | Enter a postcode
					/find-your-area?postcode=not+a+postcode | Find your local policing team        | Enter a full UK postcode
					/find-your-area?postcode=LE18           | Neighbourhoods covering LE18         | Wigston
					/find-your-area?postcode=SW1A+1AA       | SW1A 1AA is not in our area          | SW1A 1AA
					/find-your-area?postcode=AB1+0AA        | AB1 0AA is no longer in use          | stopped using this postcode
					/areas                                  | All neighbourhoods                   | Wigston
					/area/wigston                           | Wigston neighbourhood team           | Your named officer
					/area/cultural-quarter                  | Cultural Quarter neighbourhood team  | does not have a named officer
					/area/wigston/poster                    | Your Wigston neighbourhood policing team | Scan to visit our page
					/area/cultural-quarter/poster           | Your Cultural Quarter neighbourhood policing team | no named officer
					/area/nowhere                           | Page not found                       | check it is correct
					/accessibility                          | Accessibility statement              | Accessibility statement
					/privacy                                | Privacy notice                       | Privacy notice
					/api                                    | Open data                            | Open Government Licence v3.0
					/area/wigston/alerts                    | Get messages from the Wigston team   | Who comes when you call
					/area/wigston/alerts/check-your-email   | Check your email                     | The link works for 7 days
					/alerts/stopped                         | You will get no more messages        | We have deleted your email address
					""")
	void pageHasNoAccessibilityViolations(String path, String heading, String text) {
		WebDriver browser = chromium.open(url(path));

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
		assertThat(browser.findElement(By.tagName("main")).getText()).contains(text);
		Axe.assertNoViolations(browser);
	}

	@Test
	void anAlertsPageAndTheContactFormReplyingToItHaveNoAccessibilityViolations() {
		WebDriver browser = chromium.open(url("/area/wigston/alerts"));
		clickAndWaitForTheNextPage(browser, By.cssSelector(".ya-alert-archive a"));

		assertThat(browser.findElement(By.cssSelector(".govuk-caption-l")).getText())
			.isEqualTo("Message from the Wigston team");
		assertThat(browser.findElement(By.id("reply")).getText()).isEqualTo("Reply to this message");
		Axe.assertNoViolations(browser);

		String title = browser.findElement(By.tagName("h1")).getText();
		clickAndWaitForTheNextPage(browser, By.id("reply"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Contact the Wigston team");
		assertThat(browser.findElement(By.id("in-reply-to")).getText()).contains("In reply to: " + title);
		Axe.assertNoViolations(browser);

		clickAndWaitForTheNextPage(browser, By.cssSelector("form[action$='/contact'] button[type=submit]"));
		assertThat(browser.findElement(By.id("in-reply-to")).getText()).as("after an error")
			.contains("In reply to: " + title);
		Axe.assertNoViolations(browser);
	}

	@Test
	void axeReportsEachViolationWithWhereItIs() {
		WebDriver browser = chromium.open(url("/"));
		chromium.script("const image = document.createElement('img');"
				+ "image.src = '/assets/images/favicon.svg'; image.id = 'unlabelled-image';"
				+ "document.querySelector('main').append(image);");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> Axe.assertNoViolations(browser))
			.withMessageContaining("image-alt (critical): Images must have alternative text")
			.withMessageContaining("#unlabelled-image");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/cy", "/cy/area/wigston", "/cy/area/wigston/contact", "/cy/area/nowhere", "/cy/areas",
			"/cy/find-your-area?postcode=not+a+postcode", "/cy/area/wigston/alerts", "/cy/area/wigston/have-your-say",
			"/cy/accessibility", "/cy/privacy" })
	void welshPageHasNoAccessibilityViolations(String path) {
		WebDriver browser = chromium.open(url(path));

		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
		assertThat(browser.findElement(By.cssSelector(".ya-language-switch a")).getAttribute("lang")).isEqualTo("en");
		Axe.assertNoViolations(browser);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/", "/area/wigston", "/cy/area/wigston", "/area/wigston/alerts", "/api",
			"/area/braunstone-park-and-rowley-fields/poster" })
	void pageDoesNotScrollSidewaysOnANarrowScreen(String path) {
		chromium.resize(Chromium.NARROW);
		chromium.open(url(path));

		Object widths = chromium.script("const page = document.documentElement;"
				+ "return {scrollWidth: page.scrollWidth, clientWidth: page.clientWidth};");
		assertThat(widths).isInstanceOf(Map.class);
		Map<?, ?> page = (Map<?, ?>) widths;
		long scrollWidth = ((Number) page.get("scrollWidth")).longValue();
		long clientWidth = ((Number) page.get("clientWidth")).longValue();
		assertThat(clientWidth).as("the viewport's width").isBetween(300L, 320L);
		assertThat(scrollWidth).as("the width of %s at 320px (%d px visible)", path, clientWidth)
			.isLessThanOrEqualTo(clientWidth + 1);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * Clicks, then waits until the page it was on has gone, so that nothing is read from
	 * it.
	 */
	private static void clickAndWaitForTheNextPage(WebDriver browser, By what) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(what).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
	}

}
