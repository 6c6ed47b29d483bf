package uk.yourarea.browser;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A neighbourhood's poster printed by Chromium, as a browser's Print prints it: A4, the
 * poster's own margins, nothing shrunk to fit. Each must come out as exactly one page,
 * with none of the site around it.
 */
@DemoSiteTest
class PosterPrintBrowserIT {

	/** A page object of the PDF; not {@code /Type /Pages}, the tree that holds them. */
	private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![A-Za-z])");

	private static final Pattern MEDIA_BOX = Pattern
		.compile("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]");

	/** A4 in PDF points (1/72 inch): 210 mm by 297 mm. */
	private static final double A4_WIDTH = 595.28;

	private static final double A4_HEIGHT = 841.89;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	private int port;

	@Autowired
	private Site site;

	@Autowired
	private PublicNeighbourhoods neighbourhoods;

	@Test
	void wigstonsPosterPrintsOnOneA4Page() {
		chromium.open(url("/area/wigston/poster"));

		assertThat(pagesPrinted()).isEqualTo(1);
	}

	@Test
	void theNeighbourhoodWithTheMostToShowStillPrintsOnOnePage() {
		// Every live neighbourhood's poster, the fullest first: the most text, where each
		// person, priority and event also costs a line of its own.
		String fullest = this.neighbourhoods.all()
			.stream()
			.map(PublicNeighbourhoods.Listed::slug)
			.max(Comparator.comparingInt(this::amountShown))
			.orElseThrow();
		chromium.open(url("/area/" + fullest + "/poster"));

		assertThat(pagesPrinted()).as("pages printed for %s", fullest).isEqualTo(1);
	}

	@Test
	void printsThePosterWithoutTheSiteAroundIt() {
		WebDriver browser = chromium.open(url("/area/wigston/poster"));
		assertThat(browser.findElement(By.cssSelector(".govuk-template__header")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("print-hint")).isDisplayed()).isTrue();

		((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			for (String hidden : List.of(".govuk-template__header", ".govuk-template__footer", ".ya-demo-banner",
					"#print-hint", ".govuk-skip-link")) {
				assertThat(chromium.script("return getComputedStyle(document.querySelector(arguments[0])).display",
						hidden))
					.as(hidden)
					.isEqualTo("none");
			}
			assertThat(browser.findElement(By.id("poster-qr")).isDisplayed()).isTrue();
			assertThat(browser.findElement(By.cssSelector(".ya-poster h1")).isDisplayed()).isTrue();
		}
		finally {
			((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
	}

	/** How much a neighbourhood's poster shows, from the page the site serves. */
	private int amountShown(String slug) {
		Element poster = this.site.page("/area/" + slug + "/poster").selectFirst("article.ya-poster");
		assertThat(poster).as("the poster of %s", slug).isNotNull();
		return poster.text().length() + 60 * poster.select("li").size();
	}

	/**
	 * Prints the open page to PDF on A4 with the poster's margins and counts its pages,
	 * after checking that they are A4.
	 */
	private int pagesPrinted() {
		PrintOptions options = new PrintOptions();
		options.setPageSize(PageSize.ISO_A4);
		options.setPageMargin(new PageMargin(1.2, 1.2, 1.2, 1.2));
		options.setShrinkToFit(false);
		options.setBackground(true);
		String pdf = new String(
				Base64.getDecoder().decode(((PrintsPage) chromium.driver()).print(options).getContent()),
				StandardCharsets.ISO_8859_1);
		assertThat(pdf).startsWith("%PDF-");
		Matcher box = MEDIA_BOX.matcher(pdf);
		assertThat(box.find()).as("a page's MediaBox").isTrue();
		assertThat(Double.parseDouble(box.group(1))).as("page width in points")
			.isCloseTo(A4_WIDTH, org.assertj.core.data.Offset.offset(2.0));
		assertThat(Double.parseDouble(box.group(2))).as("page height in points")
			.isCloseTo(A4_HEIGHT, org.assertj.core.data.Offset.offset(2.0));
		return (int) PAGE.matcher(pdf).results().count();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
