package uk.yourarea.area;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.coverage.PostcodeImporter;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.TestPostcodes;

import static org.assertj.core.api.Assertions.assertThat;

/** The resident's way in: the postcode form and every answer it can give. */
@DemoSiteTest
class FindYourAreaIT {

	/**
	 * In Code-Point Open but in Rugby district, Warwickshire: policed by another force.
	 */
	private static final String ANOTHER_FORCES_POSTCODE = "LE10 3AZ";

	@Autowired
	private Site site;

	@Autowired
	private PostcodeImporter importer;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Test
	void homePageAsksForAPostcodeWithTheLabelAsTheHeading() {
		HttpResponse<String> response = this.site.get("/");

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Pages.parse(response);
		assertThat(page.select("h1 > label[for=postcode]").text()).isEqualTo("Find your local policing team");
		Element form = page.selectFirst("form:has(input#postcode)");
		assertThat(form).isNotNull();
		assertThat(form.attr("action")).isEqualTo("/find-your-area");
		assertThat(form.attr("method")).isEqualToIgnoringCase("get");
		assertThat(form.selectFirst("input#postcode").attr("name")).isEqualTo("postcode");
		assertThat(form.selectFirst("input#postcode").attr("value")).isEmpty();
		assertThat(page.select(".govuk-error-summary")).isEmpty();
		assertThat(page.select("main a[href=/areas]")).isNotEmpty();
		String main = page.selectFirst("main").text();
		assertThat(main).contains("call 999").contains("call 101");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, textBlock = """
			le181aa|/area/wigston|Wigston neighbourhood team
			' LE18  1AA '|/area/wigston|Wigston neighbourhood team
			LE1 3GG|/area/city-centre|City Centre neighbourhood team
			""")
	void sendsAFullPostcodeInOurAreaToItsNeighbourhood(String typed, String neighbourhood, String heading) {
		HttpResponse<String> response = this.site.get(Site.findYourArea(typed));

		assertThat(response.statusCode()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(URI.create(location).getPath()).isEqualTo(neighbourhood);
		Document arrived = this.site.page(neighbourhood);
		assertThat(arrived.selectFirst("h1").text()).isEqualTo(heading);
	}

	@Test
	void listsTheNeighbourhoodsCoveringAnOutwardCode() {
		HttpResponse<String> response = this.site.get(Site.findYourArea("le18"));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).isEqualTo("Neighbourhoods covering LE18");
		Elements links = page.select("main li a");
		assertThat(links.eachText()).contains("Wigston", "South Wigston");
		assertThat(links.eachAttr("href")).allSatisfy((href) -> assertThat(href).matches("/area/[a-z0-9-]+"));
		for (String href : links.eachAttr("href")) {
			assertThat(this.site.get(href).statusCode()).as("GET %s", href).isEqualTo(200);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/find-your-area?postcode=", "/find-your-area?postcode=+%09+", "/find-your-area" })
	void showsErrorSummaryWhenPostcodeIsBlank(String url) {
		HttpResponse<String> response = this.site.get(url);

		assertThat(response.statusCode()).isEqualTo(200);
		assertShowsError(Pages.parse(response), "Enter a postcode");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not a postcode", "LE18 4QTX" })
	void asksForAFullPostcodeAndKeepsWhatWasTypedWhenItIsNotAPostcode(String typed) {
		HttpResponse<String> response = this.site.get(Site.findYourArea(typed));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Pages.parse(response);
		assertShowsError(page, "Enter a full UK postcode, like LE1 6ZG");
		assertThat(page.selectFirst("input#postcode").attr("value")).isEqualTo(typed);
	}

	@Test
	void saysAnotherForcePolicesAPostcodeOutsideOurArea() {
		HttpResponse<String> response = this.site.get(Site.findYourArea(ANOTHER_FORCES_POSTCODE.toLowerCase()));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).isEqualTo("LE10 3AZ is not in our area");
		String main = page.selectFirst("main").text();
		assertThat(main).contains("Another police force looks after it").doesNotContain("We could not find");
		assertLinksToPoliceUk(page);
	}

	@Test
	void saysAPostcodeOfOursInNoNeighbourhoodIsNotCoveredYetRatherThanAnotherForces() {
		Long wigston = this.jdbc.queryForObject("select neighbourhood_id from postcode where postcode = 'LE18 1AA'",
				Long.class);
		// Outside every boundary and ward, or not yet assigned after an import.
		this.jdbc.update("update postcode set neighbourhood_id = null where postcode = 'LE18 1AA'");
		TestPostcodes.changedBySql(this.events);
		try {
			HttpResponse<String> response = this.site.get(Site.findYourArea("LE18 1AA"));

			assertThat(response.statusCode()).isEqualTo(200);
			Document page = Pages.parse(response);
			assertThat(page.selectFirst("h1").text())
				.isEqualTo("LE18 1AA is not covered by a neighbourhood team at the moment");
			assertThat(page.selectFirst("main").text()).doesNotContain("Another police force").contains("call 999");
		}
		finally {
			this.jdbc.update("update postcode set neighbourhood_id = ? where postcode = 'LE18 1AA'", wigston);
			TestPostcodes.changedBySql(this.events);
		}
	}

	@Test
	void saysWeCouldNotFindAWellFormedPostcodeThatIsNotInOurData() {
		HttpResponse<String> response = this.site.get(Site.findYourArea("SW1A 1AA"));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).isEqualTo("SW1A 1AA is not in our area");
		String main = page.selectFirst("main").text();
		assertThat(main).contains("We could not find SW1A 1AA").doesNotContain("Another police force looks after it");
		assertLinksToPoliceUk(page);
	}

	@Test
	void saysATerminatedPostcodeIsNoLongerInUse() {
		TestPostcodes.importTerminatedPostcode(this.importer);

		HttpResponse<String> response = this.site.get(Site.findYourArea("ab10aa"));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).isEqualTo(TestPostcodes.TERMINATED + " is no longer in use");
		assertThat(page.select("main a[href=/]")).isNotEmpty();
	}

	@Test
	void aTenThousandCharacterSearchIsABadRequestAnsweredWithTheFormAClearErrorAndWhatWasTyped() {
		String typed = "LE18 1AA ".repeat(1112).substring(0, 10_000).strip();

		HttpResponse<String> response = this.site.get(Site.findYourArea(typed));

		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Pages.parse(response);
		assertShowsError(page, "That is too long for a postcode. Enter a full UK postcode, like LE1 6ZG");
		assertThat(page.selectFirst("input#postcode").val()).isEqualTo(typed);
	}

	@Test
	void aControlCharacterInTheSearchIsRefusedAndWhatIsLeftShownToSearchAgain() {
		HttpResponse<String> response = this.site.get(Site.findYourArea("LE18 1AA\u0000"));

		assertThat(response.statusCode()).as("no keyboard types a NUL: a bad request").isEqualTo(400);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).as("never cached")
			.doesNotContain("public")
			.doesNotContain("max-age");
		Document page = Pages.parse(response);
		assertShowsError(page,
				"Your postcode had line breaks or hidden characters in it. We have taken them out: check your postcode and search again");
		assertThat(page.selectFirst("input#postcode").val()).isEqualTo("LE18 1AA");
		assertThat(response.body()).doesNotContain("\u0000");
	}

	@Test
	void showsWhatWasTypedEscaped() {
		String typed = "<script>alert(1)</script>";

		HttpResponse<String> response = this.site.get(Site.findYourArea(typed));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContainIgnoringCase("<script>alert");
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("input#postcode").attr("value")).isEqualTo(typed);
		assertThat(page.select("script").eachAttr("src")).allSatisfy((src) -> assertThat(src).isNotBlank());
	}

	private static void assertShowsError(Document page, String message) {
		assertThat(page.title()).startsWith("Error: ");
		Element summary = page.selectFirst(".govuk-error-summary");
		assertThat(summary).as("error summary").isNotNull();
		assertThat(summary.selectFirst("h2").text()).isEqualTo("There is a problem");
		List<String> summaryLinks = summary.select("a").eachAttr("href");
		assertThat(summaryLinks).containsExactly("#postcode");
		assertThat(summary.selectFirst("a[href=#postcode]").text()).isEqualTo(message);
		Element input = page.selectFirst("input#postcode");
		assertThat(input.hasClass("govuk-input--error")).as("input has govuk-input--error").isTrue();
		assertThat(input.attr("aria-describedby").split(" ")).contains("postcode-error");
		assertThat(page.selectFirst("#postcode-error").text()).isEqualTo("Error: " + message);
		assertThat(page.selectFirst(".govuk-form-group:has(input#postcode)").hasClass("govuk-form-group--error"))
			.as("form group has govuk-form-group--error")
			.isTrue();
	}

	private static void assertLinksToPoliceUk(Document page) {
		assertThat(page.select("main a").eachAttr("href"))
			.anySatisfy((href) -> assertThat(URI.create(href).getHost()).isEqualTo("www.police.uk"));
	}

}
