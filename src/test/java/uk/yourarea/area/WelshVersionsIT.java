package uk.yourarea.area;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.RenderedPageCache;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff type the Welsh versions of what they write about neighbourhoods, team members and
 * stations beside the English (the demo site offers Welsh), and a Welsh page shows them,
 * or the English marked as English where there is no Welsh. Every neighbourhood changed
 * here is made here.
 */
@DemoSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WelshVersionsIT {

	private static final String NEW = "/staff/neighbourhoods/new";

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	/**
	 * Keeps rendered public pages for a minute: each page read here starts from an empty
	 * cache, so that it shows what the test has just saved.
	 */
	@Autowired
	private RenderedPageCache renderedPages;

	private StaffBrowser editor;

	private String howId;

	@BeforeEach
	void signIn() {
		this.editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);
		this.howId = this.jdbc.queryForObject("select id from local_policing_area where code = 'HOW'", Long.class)
			.toString();
	}

	@AfterAll
	void removeWhatThisClassMade() {
		this.jdbc.update("delete from station where name like 'Welshtest %'");
		TestNeighbourhoods.removeWhereCodeMatches(this.jdbc, this.events, "^W[0-9A-F]{8}$");
	}

	@Test
	void theNeighbourhoodFormTakesEnglishAndWelshSideBySide() {
		Document form = this.editor.page(NEW);

		Pages.assertAccessibleStructure(form);
		Element welshName = form.selectFirst("input#nameCy");
		assertThat(welshName.attr("name")).isEqualTo("nameCy");
		assertThat(welshName.attr("lang")).isEqualTo("cy");
		assertThat(form.selectFirst("label[for=nameCy]").text()).isEqualTo("Cymraeg");
		assertThat(form.selectFirst("label[for=name]").text()).isEqualTo("English");
		assertThat(form.selectFirst("textarea#descriptionCy").attr("lang")).isEqualTo("cy");
		assertThat(form.select(".govuk-grid-column-one-half")).hasSizeGreaterThanOrEqualTo(4);
	}

	@Test
	void savesBothLanguagesRecordsTheWelshInTheHistoryAndAWelshPageShowsIt() {
		String code = unique();
		String name = "Welshtest " + code;
		HttpResponse<String> created = this.editor.submit(NEW, NEW, "code", code, "name", name, "nameCy",
				"Prawf " + code, "description", "Streets around the test green.", "descriptionCy",
				"Strydoedd o gwmpas y lawnt.", "localPolicingAreaId", this.howId);
		assertThat(created.statusCode()).isEqualTo(303);
		long id = idOf(code);
		String slug = slugOf(id);

		Document edit = this.editor.page("/staff/neighbourhoods/" + id + "/edit");
		assertThat(edit.select("input#nameCy").val()).isEqualTo("Prawf " + code);
		assertThat(edit.select("textarea#descriptionCy").text()).isEqualTo("Strydoedd o gwmpas y lawnt.");
		assertThat(this.jdbc.queryForList("""
				select f.field from change_record_field f join change_record r on r.id = f.change_record_id
				where r.subject_type = 'neighbourhood' and r.subject_id = ? and f.after_value = ?""", String.class, id,
				"Strydoedd o gwmpas y lawnt."))
			.containsExactly("change.field.description-welsh");

		Document welsh = welshPage("/area/" + slug);
		assertThat(welsh.selectFirst("h1").text()).contains("Prawf " + code);
		Element description = welsh.selectFirst("h1 + p.govuk-body-l");
		assertThat(description.text()).isEqualTo("Strydoedd o gwmpas y lawnt.");
		assertThat(description.hasAttr("lang")).isFalse();
		Document english = englishPage("/area/" + slug);
		assertThat(english.selectFirst("h1").text()).contains(name).doesNotContain("Prawf");
		assertThat(english.selectFirst("h1 + p.govuk-body-l").text()).isEqualTo("Streets around the test green.");
		assertThat(english.selectFirst("h1 + p.govuk-body-l").hasAttr("lang")).isFalse();

		// Taking the Welsh away again: the Welsh page shows the English, marked as
		// English.
		String version = edit.select("input[name=version]").val();
		HttpResponse<String> changed = this.editor.submit("/staff/neighbourhoods/" + id + "/edit",
				"/staff/neighbourhoods/" + id + "/edit", "name", name, "nameCy", "", "description",
				"Streets around the test green.", "descriptionCy", " ", "localPolicingAreaId", this.howId, "version",
				version);
		assertThat(changed.statusCode()).isEqualTo(303);
		Document fallback = welshPage("/area/" + slug);
		assertThat(fallback.selectFirst("h1").text()).contains(name);
		assertThat(fallback.selectFirst("h1 + p.govuk-body-l").text()).isEqualTo("Streets around the test green.");
		assertThat(fallback.selectFirst("h1 + p.govuk-body-l").attr("lang")).isEqualTo("en");
	}

	@Test
	void badInputComesBackWithBothLanguagesAsTyped() {
		String code = unique();
		Document page = StaffBrowser
			.parse(this.editor.submit(NEW, NEW, "code", code, "name", " ", "nameCy", "N".repeat(151), "description",
					"Ein stryd.", "descriptionCy", "x".repeat(2001), "localPolicingAreaId", this.howId));

		assertThat(page.title()).startsWith("Error: Add a neighbourhood");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#name", "#nameCy",
				"#descriptionCy");
		assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly("Enter a name",
				"Welsh name must be 150 characters or fewer", "Welsh description must be 2,000 characters or fewer");
		assertThat(page.select("#nameCy-error").text()).contains("Welsh name must be 150 characters or fewer");
		assertThat(page.select("input#nameCy").val()).hasSize(151);
		assertThat(page.select("textarea#description").text()).isEqualTo("Ein stryd.");
		assertThat(page.select("textarea#descriptionCy").text()).hasSize(2001);
		assertThat(this.jdbc.queryForObject("select count(*) from neighbourhood where code = ?", Integer.class, code))
			.isZero();
	}

	@Test
	void teamBiosAndStationNamesShowInWelshOrInEnglishMarkedAsSuch() {
		String code = unique();
		this.editor.submit(NEW, NEW, "code", code, "name", "Welshtest " + code, "localPolicingAreaId", this.howId);
		long id = idOf(code);
		String team = "/staff/neighbourhoods/" + id + "/team/new";
		assertThat(this.editor.page(team).selectFirst("textarea#bioCy").attr("lang")).isEqualTo("cy");
		assertThat(this.editor
			.submit(team, team, "name", "Casey Morgan", "role", "PCSO", "bio", "Grew up in the area.", "bioCy",
					"Cefais fy magu yn yr ardal.")
			.statusCode()).isEqualTo(303);
		assertThat(this.editor.submit(team, team, "name", "Sam Webb", "role", "PC", "bio", "Knows every shop.")
			.statusCode()).isEqualTo(303);
		Document tooLong = StaffBrowser.parse(this.editor.submit(team, team, "name", "Ash Patel", "role", "PC", "bio",
				"Short.", "bioCy", "x".repeat(1001)));
		assertThat(tooLong.select(".govuk-error-summary__list a").eachText())
			.containsExactly("About them in Welsh must be 1,000 characters or fewer");
		assertThat(tooLong.select("textarea#bio").text()).isEqualTo("Short.");
		assertThat(tooLong.select("textarea#bioCy").text()).hasSize(1001);

		String station = "Welshtest " + code + " Police Station";
		assertThat(this.editor
			.submit("/staff/stations/new", "/staff/stations/new", "name", station, "nameCy",
					"Gorsaf Heddlu Welshtest " + code, "kind", "STATION", "address", "1 Test Street, Wigston",
					"postcode", "LE18 1PA", "frontCounter", "yes", "neighbourhoodIds", String.valueOf(id))
			.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForList(
				"select f.field from change_record_field f join change_record r on r.id = f.change_record_id "
						+ "where r.subject_type = 'station' and f.after_value = ?",
				String.class, "Gorsaf Heddlu Welshtest " + code))
			.containsExactly("change.field.name-welsh");

		Document welsh = welshPage("/area/" + slugOf(id));
		Element welshBio = welsh.selectFirst("p:contains(Cefais fy magu)");
		assertThat(welshBio.hasAttr("lang")).isFalse();
		assertThat(welsh.text()).doesNotContain("Grew up in the area.");
		assertThat(welsh.selectFirst("p:contains(Knows every shop.)").attr("lang")).isEqualTo("en");
		Element stationName = welsh.selectFirst(".ya-station h3");
		assertThat(stationName.text()).isEqualTo("Gorsaf Heddlu Welshtest " + code);
		assertThat(stationName.hasAttr("lang")).isFalse();
		assertThat(welsh.selectFirst(".ya-station p:contains(1 Test Street)").attr("lang")).isEqualTo("en");

		Document english = englishPage("/area/" + slugOf(id));
		assertThat(english.text()).contains("Grew up in the area.").contains(station).doesNotContain("Cefais");
		assertThat(english.select("main [lang]")).isEmpty();
	}

	@Test
	void aWelshPageNamesTheLocalPolicingAreaInWelsh() {
		String code = unique();
		String form = "/staff/local-policing-areas/new";
		assertThat(this.editor.page(form).selectFirst("input#nameCy").attr("lang")).isEqualTo("cy");
		assertThat(this.editor
			.submit(form, form, "code", code, "name", "Vale " + code, "nameCy", "Bro " + code, "commanderName",
					"Dana Whitfield", "commanderRank", "Chief Inspector")
			.statusCode()).isEqualTo(303);
		String areaId = this.jdbc.queryForObject("select id from local_policing_area where code = ?", Long.class, code)
			.toString();
		String neighbourhood = unique();
		this.editor.submit(NEW, NEW, "code", neighbourhood, "name", "Welshtest " + neighbourhood, "localPolicingAreaId",
				areaId);
		String slug = slugOf(idOf(neighbourhood));

		assertThat(welshPage("/area/" + slug).selectFirst("main .govuk-caption-l").text()).isEqualTo("Bro " + code);
		assertThat(englishPage("/area/" + slug).selectFirst("main .govuk-caption-l").text()).isEqualTo("Vale " + code);
	}

	@Test
	void theGuaranteeCountsNeighbourhoodsWhosePublicTextLacksWelsh() {
		String code = unique();
		this.editor.submit(NEW, NEW, "code", code, "name", "Welshtest " + code, "description", "English only.",
				"localPolicingAreaId", this.howId);
		long id = idOf(code);

		Document page = this.editor.page("/staff/guarantee");

		int live = count("select count(*) from neighbourhood where retired_on is null");
		int lacking = count("""
				select count(*) from neighbourhood n where n.retired_on is null and (
				  (n.description is not null and n.description_cy is null)
				  or exists (select 1 from team_member t where t.neighbourhood_id = n.id
				             and t.bio is not null and t.bio_cy is null)
				  or exists (select 1 from station s join station_neighbourhood sn on sn.station_id = s.id
				             where sn.neighbourhood_id = n.id and s.name_cy is null))""");
		assertThat(lacking).isGreaterThan(0).isLessThanOrEqualTo(live);
		assertThat(page.select("#welsh-count").text())
			.isEqualTo(lacking + " of " + live + " neighbourhoods have public text with no Welsh version");
		assertThat(page.select("#welsh-gaps li")).hasSize(lacking);
		Element ours = page.selectFirst("#welsh-gaps li:contains(Welshtest " + code + ")");
		assertThat(ours.text()).isEqualTo("Welshtest " + code + ": description");
		assertThat(ours.selectFirst("a").attr("href")).isEqualTo("/staff/neighbourhoods/" + id);
		assertThat(page.text()).contains("Public text is what staff write that residents read");
	}

	private Document englishPage(String path) {
		this.renderedPages.clear();
		return Pages.parse(this.editor.get(path));
	}

	private Document welshPage(String path) {
		this.renderedPages.clear();
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cy" + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html")
			.GET()
			.build();
		try {
			HttpResponse<String> response = CLIENT.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return Pages.parse(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private long idOf(String code) {
		return this.jdbc.queryForObject("select id from neighbourhood where code = ?", Long.class, code);
	}

	private String slugOf(long id) {
		return this.jdbc.queryForObject("select slug from neighbourhood where id = ?", String.class, id);
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

	private static String unique() {
		return "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
	}

}
