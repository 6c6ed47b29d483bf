package uk.yourarea.coverage;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ward names on real PostgreSQL over HTTP: ONS's lookup uploaded by a web editor (names
 * in English and Welsh, a bad file refused whole with every problem and nothing lost), a
 * postcode file that names its wards only once applied, and the Your Area page naming the
 * wards in the page's language.
 */
@DemoSiteTest
class WardNamesIT {

	private static final String WIGSTON_ALL_SAINTS = "E05005537";

	private static final List<String> WIGSTON_WARDS = List.of("Wigston All Saints", "Wigston Fields",
			"Wigston Meadowcourt", "Wigston St. Wolstan's");

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Site site;

	@LocalServerPort
	int port;

	StaffBrowser editor;

	CoverageTestData data;

	String harbour;

	String hillTop;

	@BeforeEach
	void signIn() {
		this.editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);
		this.data = new CoverageTestData(this.jdbc);
		this.harbour = CoverageTestData.newWard();
		this.hillTop = CoverageTestData.newWard();
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.update("delete from ward_name where ward_code in (?, ?)", this.harbour, this.hillTop);
		this.data.cleanUp();
	}

	@Test
	void anOnsLookupNamesWardsInEnglishAndWelshAndIsRecorded() {
		HttpResponse<String> saved = upload("WD24_names.csv", """
				WD24CD,WD24NM,WD24NMW,ObjectId
				%s,Harbour,Harbwr,1
				%s,Hill Top,,2
				""".formatted(this.harbour, this.hillTop));

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
		assertThat(StaffBrowser.redirectPath(saved)).isEqualTo("/staff/coverage/wards");
		Document page = StaffBrowser.parse(this.editor.follow(saved));
		assertThat(page.select(".govuk-notification-banner").text())
			.contains("Ward names saved from WD24_names.csv: 2 wards in the file, 2 names new or changed.");
		Document again = this.editor.page("/staff/coverage/wards");
		Pages.assertAccessibleStructure(again);
		assertThat(again.select("#ward-names-known").text()).contains("Wards with a name", "With a Welsh name");
		assertThat(name(this.harbour)).isEqualTo("Harbour / Harbwr");
		assertThat(name(this.hillTop)).isEqualTo("Hill Top / null");
		assertThat(this.editor.page("/staff/changes/coverage/0").text())
			.contains("Ward names uploaded: WD24_names.csv");

		// A lookup without a Welsh column keeps the Welsh names known.
		upload("WD24_english.csv", "WD24CD,WD24NM\n%s,Harbour Side\n".formatted(this.harbour));
		assertThat(name(this.harbour)).isEqualTo("Harbour Side / Harbwr");
	}

	@Test
	void aBadLookupIsRefusedWithEveryProblemAndNothingIsLost() {
		upload("good.csv", "WD24CD,WD24NM,WD24NMW\n%s,Harbour,Harbwr\n".formatted(this.harbour));

		HttpResponse<String> refused = upload("bad.csv", """
				WD24CD,WD24NM,WD24NMW
				%s,Renamed,
				LE1 1AA,Not a ward,
				%s,,
				""".formatted(this.harbour, this.hillTop));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		Document page = StaffBrowser.parse(refused);
		assertThat(page.title()).startsWith("Error: ");
		String error = "The file cannot be used, so nothing was saved: 2 problems were found in it";
		assertThat(page.select(".govuk-error-summary a[href=#file]").text()).isEqualTo(error);
		assertThat(page.select("#file-error").text()).contains(error);
		assertThat(page.select("#problems li").eachText()).containsExactly(
				"Line 3: \"LE1 1AA\" is not a ward code like E05001789",
				"Line 4: ward " + this.hillTop + " has no name");
		assertThat(page.select("form[action=/staff/coverage/wards] input[type=file]")).hasSize(1);
		Pages.assertAccessibleStructure(page);
		assertThat(name(this.harbour)).as("the good line of a bad file is not saved either")
			.isEqualTo("Harbour / Harbwr");
		assertThat(this.jdbc.queryForObject("select count(*) from ward_name where ward_code = ?", Integer.class,
				this.hillTop))
			.isZero();

		HttpResponse<String> notALookup = upload("postcodes.csv", "postcode,ward\nLE1 1AA,Castle\n");
		assertThat(notALookup.statusCode()).isEqualTo(422);
		assertThat(StaffBrowser.parse(notALookup).select("#file-error").text())
			.contains("The file is not an ONS ward names and codes lookup");
	}

	@Test
	void aPostcodeFileNamesItsWardsOnlyOnceApplied() {
		long north = this.data.neighbourhood(this.data.code("ZW"), "Ward Names " + this.data.code("ZW"));
		this.data.wards(north, this.harbour);
		double[] place = CoverageTestData.newPlace();
		String file = CoverageTestData.CODE_POINT_HEADER.replace("\n", ",admin_ward_name\n") + "ZY9 1AA,10,0,0,"
				+ "E92000001,,,,E06000016," + this.harbour + ",ZY9 1AA," + place[0] + "," + place[1]
				+ ",Harbour Ward\n";
		long id = CoverageTestData.importId(CoverageTestData.upload(this.port, this.editor, "/staff/coverage/postcodes",
				"named.csv", file.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.data.waitFor(id)).isEqualTo("READY");
		assertThat(this.jdbc.queryForObject("select count(*) from ward_name where ward_code = ?", Integer.class,
				this.harbour))
			.as("the preview names nothing")
			.isZero();

		HttpResponse<String> applied = this.editor.submit("/staff/coverage/imports/" + id,
				"/staff/coverage/imports/" + id + "/apply");
		assertThat(applied.statusCode()).isEqualTo(303);
		assertThat(this.data.waitFor(id)).isEqualTo("APPLIED");
		assertThat(name(this.harbour)).as("named without the word Ward").isEqualTo("Harbour / null");
	}

	@Test
	void theYourAreaPageNamesTheWardsInThePagesLanguage() {
		Document english = this.site.page("/area/wigston");
		assertThat(english.select("#map-wards li").eachText()).containsExactlyElementsOf(WIGSTON_WARDS);
		assertThat(english.select("#map-wards li[lang]")).isEmpty();
		Document welsh = this.site.page("/cy/area/wigston");
		assertThat(welsh.select("#map-wards-lede").text()).isEqualTo("Maen nhw yn y wardiau hyn:");
		assertThat(welsh.select("#map-wards li").eachText()).containsExactlyElementsOf(WIGSTON_WARDS);
		assertThat(welsh.select("#map-wards li").eachAttr("lang")).as("English names on a Welsh page")
			.containsOnly("en")
			.hasSize(4);
		try {
			upload("welsh.csv", "WD14CD,WD14NM,WD14NMW\n%s,Wigston All Saints,Wigston yr Holl Saint\n"
				.formatted(WIGSTON_ALL_SAINTS));
			Element welshName = this.site.page("/cy/area/wigston").selectFirst("#map-wards li:contains(Holl Saint)");
			assertThat(welshName).isNotNull();
			assertThat(welshName.hasAttr("lang")).as("Welsh on a Welsh page").isFalse();
			assertThat(this.site.page("/area/wigston").select("#map-wards li").eachText())
				.containsExactlyElementsOf(WIGSTON_WARDS);
		}
		finally {
			upload("restore.csv", "WD14CD,WD14NM,WD14NMW\n%s,Wigston All Saints,\n".formatted(WIGSTON_ALL_SAINTS));
		}
		assertThat(name(WIGSTON_ALL_SAINTS)).isEqualTo("Wigston All Saints / null");
	}

	private HttpResponse<String> upload(String fileName, String content) {
		return CoverageTestData.upload(this.port, this.editor, "/staff/coverage/wards", fileName,
				content.getBytes(StandardCharsets.UTF_8));
	}

	private String name(String wardCode) {
		return this.jdbc.queryForObject(
				"select name || ' / ' || coalesce(name_cy, 'null') from ward_name where " + "ward_code = ?",
				String.class, wardCode);
	}

}
