package uk.yourarea.coverage;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.TestPostcodes;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.yourarea.coverage.CoverageTestData.CODE_POINT_HEADER;
import static uk.yourarea.coverage.CoverageTestData.row;

/**
 * The hand-made parts of coverage over real HTTP: a neighbourhood's ward codes and
 * postcodes given to a neighbourhood by hand, with every bad input, the
 * someone-else-saved-first answer, overrides that win and survive re-imports, and who may
 * use them.
 */
@DemoSiteTest
class CoverageEditingIT {

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Site site;

	@LocalServerPort
	int port;

	CoverageTestData data;

	StaffBrowser editor;

	long east;

	long west;

	String wardEast;

	String wardWest;

	String wardSpare;

	double lat;

	double lon;

	@BeforeEach
	void twoNeighbourhoodsAndTheirPostcodes() {
		this.data = new CoverageTestData(this.jdbc);
		this.east = this.data.neighbourhood(this.data.code("ZE"), "Editing East " + this.data.code(""));
		this.west = this.data.neighbourhood(this.data.code("ZW"), "Editing West " + this.data.code(""));
		this.wardEast = CoverageTestData.newWard();
		this.wardWest = CoverageTestData.newWard();
		this.wardSpare = CoverageTestData.newWard();
		this.data.wards(this.east, this.wardEast);
		this.data.wards(this.west, this.wardWest);
		double[] place = CoverageTestData.newPlace();
		this.lat = place[0];
		this.lon = place[1];
		this.editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);
	}

	@AfterEach
	void removeThem() {
		this.data.cleanUp();
	}

	@Test
	void wardCodesDecideWhereAWardsPostcodesGo() {
		importPostcodes(row("ZY7 1AA", this.wardSpare, this.lat, this.lon),
				row("ZY7 1AB", this.wardEast, this.lat, this.lon));
		assertThat(this.data.neighbourhoodOf("ZY7 1AA")).isNull();
		String path = "/staff/neighbourhoods/" + this.east + "/coverage";
		Document page = this.editor.page(path);
		assertThat(page.select("#wardCodes").text()).isEqualTo(this.wardEast);
		Pages.assertAccessibleStructure(page);

		HttpResponse<String> saved = this.editor.submit(path, path, "wardCodes",
				this.wardEast + "\n" + this.wardSpare.toLowerCase() + ", " + this.wardSpare, "version", "0");

		assertThat(saved.statusCode()).isEqualTo(303);
		Document after = StaffBrowser.parse(this.editor.follow(saved));
		assertThat(after.select(".govuk-notification-banner").text()).contains("1 postcode changed neighbourhood");
		assertThat(after.select("#wardCodes").text()).contains(this.wardEast).contains(this.wardSpare);
		assertThat(this.data.neighbourhoodOf("ZY7 1AA")).isEqualTo(this.east);
		assertThat(this.jdbc.queryForList("""
				select action from change_record where subject_type = 'coverage' and subject_id = ?""", String.class,
				this.east))
			.contains("change.action.ward-codes-changed");

		HttpResponse<String> emptied = this.editor.submit(path, path, "wardCodes", "", "version", "1");
		assertThat(emptied.statusCode()).isEqualTo(303);
		assertThat(this.data.neighbourhoodOf("ZY7 1AA")).isNull();
		assertThat(this.data.neighbourhoodOf("ZY7 1AB")).isNull();
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource(delimiter = '|',
			value = { "X123 | \"X123\" is not a ward code", "E0512345 | \"E0512345\" is not a ward code",
					"S05000001 | \"S05000001\" is not a ward code",
					"E05001789 E0500178X | \"E0500178X\" is not a ward code", "E06000016 | like E05001789" })
	void refusesWhatIsNotAWardCode(String typed, String message) {
		String path = "/staff/neighbourhoods/" + this.east + "/coverage";
		HttpResponse<String> response = this.editor.submit(path, path, "wardCodes", typed, "version", "0");

		assertThat(response.statusCode()).isEqualTo(422);
		Document page = StaffBrowser.parse(response);
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".govuk-error-summary a[href=#wardCodes]").text()).contains(message);
		assertThat(page.select("#wardCodes-error").text()).contains(message);
		assertThat(page.select("#wardCodes").text()).as("what was typed is kept").isEqualTo(typed);
		assertThat(this.data.neighbourhoodOf("ZY7 1AA")).isNull();
		assertThat(this.jdbc.queryForList("select ward_code from neighbourhood_ward where neighbourhood_id = ?",
				String.class, this.east))
			.containsExactly(this.wardEast);
	}

	@Test
	void refusesAWardAnotherNeighbourhoodHasAndSaysWhich() {
		String path = "/staff/neighbourhoods/" + this.east + "/coverage";
		HttpResponse<String> response = this.editor.submit(path, path, "wardCodes",
				this.wardEast + "\n" + this.wardWest, "version", "0");

		assertThat(response.statusCode()).isEqualTo(422);
		String west = this.jdbc.queryForObject("select name from neighbourhood where id = ?", String.class, this.west);
		assertThat(StaffBrowser.parse(response).select("#wardCodes-error").text())
			.contains(this.wardWest + " is already in " + west)
			.contains("belongs to one neighbourhood");
		assertThat(this.jdbc.queryForObject("select neighbourhood_id from neighbourhood_ward where ward_code = ?",
				Long.class, this.wardWest))
			.isEqualTo(this.west);
	}

	@Test
	void refusesTooManyWardCodes() {
		StringBuilder many = new StringBuilder();
		for (int i = 0; i <= WardCodesForm.MAX_CODES; i++) {
			many.append("E05%06d\n".formatted(i));
		}
		String path = "/staff/neighbourhoods/" + this.east + "/coverage";
		HttpResponse<String> response = this.editor.submit(path, path, "wardCodes", many.toString(), "version", "0");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(StaffBrowser.parse(response).select("#wardCodes-error").text()).contains("at most 300");
	}

	@Test
	void someoneElsesSaveIsShownNotOverwritten() {
		String path = "/staff/neighbourhoods/" + this.east + "/coverage";
		Document opened = this.editor.page(path);
		StaffBrowser admin = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
		assertThat(admin.submit(path, path, "wardCodes", this.wardEast + "\n" + this.wardSpare, "version", "0")
			.statusCode()).isEqualTo(303);

		HttpResponse<String> late = this.editor.post(path, StaffBrowser.csrfToken(opened, path), "wardCodes", "",
				"version", opened.select("input[name=version]").val());

		assertThat(late.statusCode()).isEqualTo(409);
		Document page = StaffBrowser.parse(late);
		assertThat(page.select(".govuk-error-summary a[href=#edit-conflict]").text()).contains("saved changes");
		assertThat(page.select("#edit-conflict").text()).contains("Ward codes").contains(this.wardSpare);
		assertThat(page.select("input[name=version]").val()).isEqualTo("1");
		assertThat(this.jdbc.queryForList("select ward_code from neighbourhood_ward where neighbourhood_id = ?",
				String.class, this.east))
			.containsExactlyInAnyOrder(this.wardEast, this.wardSpare);
		Pages.assertAccessibleStructure(page);
	}

	@Test
	void anOverrideWinsOverBoundaryAndWardAndSurvivesReImports() {
		importPostcodes(row("ZY8 1AA", this.wardEast, this.lat, this.lon));
		assertThat(this.data.neighbourhoodOf("ZY8 1AA")).isEqualTo(this.east);

		HttpResponse<String> set = this.editor.submit("/staff/coverage/overrides", "/staff/coverage/overrides",
				"postcode", "zy81aa", "neighbourhoodId", Long.toString(this.west));
		assertThat(set.statusCode()).isEqualTo(303);
		Document list = StaffBrowser.parse(this.editor.follow(set));
		assertThat(list.select(".govuk-notification-banner").text()).contains("ZY8 1AA now belongs to");
		assertThat(list.select("#overrides").text()).contains("ZY8 1AA");
		assertThat(this.data.neighbourhoodOf("ZY8 1AA")).isEqualTo(this.west);
		Pages.assertAccessibleStructure(this.editor.page("/staff/coverage/overrides"));
		HttpResponse<String> found = this.site.get(Site.findYourArea("ZY8 1AA"));
		assertThat(StaffBrowser.location(found))
			.contains(this.jdbc.queryForObject("select slug from neighbourhood where id = ?", String.class, this.west));

		// A re-import that moves the postcode, and an east boundary around it: the
		// override holds.
		importPostcodes(row("ZY8 1AA", this.wardEast, this.lat + 0.001, this.lon));
		String boundary = CoverageTestData.squareFeature("{\"code\":\""
				+ this.jdbc.queryForObject("select code from neighbourhood where id = ?", String.class, this.east)
				+ "\"}", this.lat, this.lon, 0.05);
		long id = CoverageTestData.importId(CoverageTestData.upload(this.port, this.editor,
				"/staff/coverage/boundaries", "east.geojson", boundary.getBytes(StandardCharsets.UTF_8)));
		this.data.waitFor(id);
		apply(id);
		assertThat(this.data.neighbourhoodOf("ZY8 1AA")).isEqualTo(this.west);
		assertThat(this.jdbc.queryForObject("select latitude from postcode where postcode = 'ZY8 1AA'", Double.class))
			.isEqualTo(this.lat + 0.001);

		HttpResponse<String> cleared = this.editor.submit("/staff/coverage/overrides",
				"/staff/coverage/overrides/clear", "postcode", "ZY8 1AA");
		assertThat(cleared.statusCode()).isEqualTo(303);
		assertThat(this.data.neighbourhoodOf("ZY8 1AA")).as("back inside the east boundary").isEqualTo(this.east);
		assertThat(this.jdbc.queryForList("""
				select action from change_record where subject_type = 'coverage' and subject_id = ?""", String.class,
				this.west))
			.contains("change.action.postcode-given", "change.action.postcode-no-longer-given");
	}

	@Test
	void refusesEveryBadOverride() {
		importPostcodes(row("ZY8 2AA", this.wardEast, this.lat, this.lon));
		this.jdbc.update("""
				insert into postcode (postcode, outward_code, in_force_area) values ('ZY8 2AB', 'ZY8', false)
				on conflict (postcode) do nothing""");
		TestPostcodes.changedBySql(this.events);
		String west = Long.toString(this.west);
		assertOverrideRefused("", west, "postcode", "Enter a postcode, like LE1 6ZG");
		assertOverrideRefused("ZY8", west, "postcode", "Enter a full postcode, like LE1 6ZG");
		assertOverrideRefused("ZY8 9ZZ", west, "postcode", "ZY8 9ZZ is not in our postcode data");
		assertOverrideRefused("ZY8 2AB", west, "postcode", "policed by another force");
		assertOverrideRefused("ZY8 2AA", "", "neighbourhoodId", "Select the neighbourhood to give the postcode to");
		assertOverrideRefused("ZY8 2AA", "999999999", "neighbourhoodId", "Select a neighbourhood from the list");
		assertOverrideRefused("ZY8 2AA", "not-a-number", "neighbourhoodId", "Select one of the options");
		assertThat(this.editor
			.submit("/staff/coverage/overrides", "/staff/coverage/overrides", "postcode", "ZY8 2AA", "neighbourhoodId",
					west)
			.statusCode()).isEqualTo(303);
		assertOverrideRefused("ZY8 2AA", Long.toString(this.east), "postcode", "already given by hand to");
		assertThat(this.data.neighbourhoodOf("ZY8 2AA")).isEqualTo(this.west);

		HttpResponse<String> clearNothing = this.editor.submit("/staff/coverage/overrides",
				"/staff/coverage/overrides/clear", "postcode", "ZY8 9ZZ");
		assertThat(clearNothing.statusCode()).isEqualTo(409);
		assertThat(StaffBrowser.parse(clearNothing).select(".govuk-error-summary").text())
			.contains("not given by hand");
	}

	@Test
	void officersAndSupervisorsCannotChangeCoverage() {
		String path = "/staff/neighbourhoods/" + this.east + "/coverage";
		for (String email : List.of("officer.wigston@example.org", "sergeant@example.org")) {
			StaffBrowser other = StaffBrowser.signedIn(this.environment, email, StaffBrowser.DEMO_PASSWORD);
			assertThat(other.get(path).statusCode()).as(email).isEqualTo(403);
			String token = StaffBrowser.csrfToken(other.page("/staff"), "/staff/sign-out");
			assertThat(other.post(path, token, "wardCodes", this.wardSpare, "version", "0").statusCode()).as(email)
				.isEqualTo(403);
			assertThat(other
				.post("/staff/coverage/overrides", token, "postcode", "LE18 1AA", "neighbourhoodId",
						Long.toString(this.east))
				.statusCode()).as(email).isEqualTo(403);
		}
		assertThat(this.jdbc.queryForList("select ward_code from neighbourhood_ward where neighbourhood_id = ?",
				String.class, this.east))
			.containsExactly(this.wardEast);
		assertThat(this.jdbc.queryForObject("select count(*) from postcode_override where postcode = 'LE18 1AA'",
				Integer.class))
			.isZero();
	}

	@Test
	void aNeighbourhoodThatDoesNotExistIsNotFound() {
		assertThat(this.editor.get("/staff/neighbourhoods/999999999/coverage").statusCode()).isEqualTo(404);
	}

	private void assertOverrideRefused(String postcode, String neighbourhoodId, String field, String message) {
		HttpResponse<String> response = this.editor.submit("/staff/coverage/overrides", "/staff/coverage/overrides",
				"postcode", postcode, "neighbourhoodId", neighbourhoodId);
		assertThat(response.statusCode()).as(postcode + " " + neighbourhoodId).isEqualTo(422);
		Document page = StaffBrowser.parse(response);
		assertThat(page.select(".govuk-error-summary a[href=#" + field + "]").text()).as(postcode).contains(message);
		assertThat(page.select("#" + field + "-error").text()).as(postcode).contains(message);
		assertThat(page.select("#postcode").val()).isEqualTo(postcode);
		Pages.assertAccessibleStructure(page);
	}

	private void importPostcodes(String... rows) {
		long id = CoverageTestData.importId(CoverageTestData.upload(this.port, this.editor, "/staff/coverage/postcodes",
				"postcodes.csv", (CODE_POINT_HEADER + String.join("", rows)).getBytes(StandardCharsets.UTF_8)));
		assertThat(this.data.waitFor(id)).isEqualTo("READY");
		apply(id);
	}

	private void apply(long id) {
		String page = "/staff/coverage/imports/" + id;
		assertThat(this.editor.submit(page, page + "/apply").statusCode()).isEqualTo(303);
		assertThat(this.data.waitFor(id)).isEqualTo("APPLIED");
	}

}
