package uk.yourarea.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import uk.yourarea.coverage.PostcodeImporter;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.TestPostcodes;

import static org.assertj.core.api.Assertions.assertThat;

/** The accessibility structure of every kind of public page, error pages included. */
@DemoSiteTest
class PageStructureIT {

	/** One address for each kind of page; each should have a title of its own. */
	static List<String> pages() {
		return List.of("/", "/find-your-area?postcode=", "/find-your-area?postcode=LE18",
				"/find-your-area?postcode=LE10+3AZ", "/find-your-area?postcode=SW1A+1AA",
				"/find-your-area?postcode=AB1+0AA", "/areas", "/area/wigston", "/area/cultural-quarter",
				"/area/nowhere", "/accessibility", "/privacy");
	}

	/**
	 * Every kind of page and its variations: error states, and a neighbourhood without a
	 * named officer.
	 */
	static List<String> pagesAndVariations() {
		List<String> pages = new ArrayList<>(pages());
		pages.add("/find-your-area?postcode=not+a+postcode");
		pages.add("/find-your-area?postcode=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
		return pages;
	}

	@Autowired
	private Site site;

	@Autowired
	private PostcodeImporter importer;

	@BeforeEach
	void importTerminatedPostcode() {
		TestPostcodes.importTerminatedPostcode(this.importer);
	}

	@ParameterizedTest
	@MethodSource("pagesAndVariations")
	void hasAnAccessibleStructure(String path) {
		Pages.assertAccessibleStructure(this.site.page(path));
	}

	@Test
	void givesEveryKindOfPageItsOwnTitle() {
		Map<String, String> pathByTitle = new HashMap<>();
		for (String path : pages()) {
			Document page = this.site.page(path);
			String earlier = pathByTitle.put(page.title(), path);
			assertThat(earlier).as("%s has the same title as %s: %s", path, earlier, page.title()).isNull();
		}
		assertThat(pathByTitle).hasSameSizeAs(pages());
	}

	@Test
	void findsHeadingsThatSkipALevel() {
		Document skipping = Pages.parse("<h1>Page</h1><h3>Too deep</h3><h2>Fine</h2>");

		assertThat(Pages.skippedHeadingLevels(skipping)).containsExactly("h3 Too deep follows h1");
	}

}
