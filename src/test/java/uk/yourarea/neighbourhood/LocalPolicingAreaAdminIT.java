package uk.yourarea.neighbourhood;

import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.yourarea.neighbourhood.NeighbourhoodAdminIT.fields;
import static uk.yourarea.neighbourhood.NeighbourhoodAdminIT.unique;

/** Web editors list, add, change and retire local policing areas over real HTTP. */
@DemoSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalPolicingAreaAdminIT {

	static final String LIST = "/staff/local-policing-areas";

	static final String NEW = LIST + "/new";

	@Autowired
	private Environment environment;

	@Autowired
	private Site site;

	@Autowired
	private org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private LocalPolicingAreaRepository areas;

	private StaffBrowser editor;

	@BeforeEach
	void signIn() {
		this.editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);
	}

	/** Leaves the demo data as other test classes count it. */
	@AfterAll
	void removeWhatThisClassMade() {
		TestNeighbourhoods.removeWhereCodeMatches(this.jdbc, this.events, "^T[0-9A-F]{8}$");
	}

	@Test
	void listsTheAreasWithTheirCommandersAndLiveNeighbourhoods() {
		Document page = this.editor.page(LIST);

		Pages.assertAccessibleStructure(page);
		assertThat(page.select("h1").text()).isEqualTo("Local policing areas");
		assertThat(page.select("#area-HOW").text()).contains("Harborough, Oadby and Wigston")
			.contains("Chief Inspector Dana Whitfield")
			.contains("Live");
		assertThat(Integer.parseInt(page.select("#area-HOW td.govuk-table__cell--numeric").text()))
			.isGreaterThanOrEqualTo(7);
		assertThat(page.select("a[href=" + NEW + "]").text()).isEqualTo("Add a local policing area");
	}

	@Test
	void showsEveryProblemWithANewAreaAndKeepsWhatWasTyped() {
		HttpResponse<String> response = this.editor.submit(NEW, NEW, "code", "how-2!", "name", "", "commanderName",
				"N".repeat(101), "commanderRank", "R".repeat(51));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		Pages.assertAccessibleStructure(page);
		assertThat(page.title()).startsWith("Error: Add a local policing area");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#code", "#name",
				"#commanderName", "#commanderRank");
		assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"Code must be 10 characters or fewer: letters and numbers only, like HOW", "Enter a name",
				"Commander's name must be 100 characters or fewer", "Commander's rank must be 50 characters or fewer");
		assertThat(page.select("input#code").val()).isEqualTo("HOW-2!");
		assertThat(page.select("input#commanderRank").val()).isEqualTo("R".repeat(51));

		Document taken = StaffBrowser.parse(this.editor.submit(NEW, NEW, "code", "how", "name",
				"harborough, oadby and wigston", "commanderRank", "Chief Inspector"));
		assertThat(taken.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"Another local policing area (Harborough, Oadby and Wigston) already has the code HOW",
				"Another local policing area is already called Harborough, Oadby and Wigston",
				"Enter the commander's name, or leave their rank empty");
		assertThat(StaffBrowser.parse(this.editor.submit(NEW, NEW, "code", "X".repeat(11), "name", "N".repeat(101)))
			.select(".govuk-error-summary__list a")
			.eachText()).containsExactly("Code must be 10 characters or fewer: letters and numbers only, like HOW",
					"Name must be 100 characters or fewer");
	}

	@Test
	void addsChangesAndRetiresAnAreaWithEveryChangeInItsHistory() {
		String code = unique().substring(0, 9);
		String name = "Testshire " + code;
		HttpResponse<String> created = this.editor.submit(NEW, NEW, "code", code.toLowerCase(), "name", name,
				"commanderName", "Kim Test", "commanderRank", "Superintendent");
		assertThat(StaffBrowser.redirectPath(created)).isEqualTo(LIST);
		Document list = StaffBrowser.parse(this.editor.follow(created));
		assertThat(list.select(".govuk-notification-banner--success").text()).contains(name + " has been added");
		assertThat(list.select("#area-" + code).text()).contains("Superintendent Kim Test");
		LocalPolicingArea area = this.areas.findByCode(code).orElseThrow();

		String edit = LIST + "/" + area.getId() + "/edit";
		Document form = this.editor.page(edit);
		Pages.assertAccessibleStructure(form);
		assertThat(form.select("input#code")).as("the code cannot be changed").isEmpty();
		HttpResponse<String> saved = this.editor.submit(edit, edit,
				fields(form, "commanderName", "Kim Tested", "commanderRank", ""));
		assertThat(StaffBrowser.redirectPath(saved)).isEqualTo(LIST);
		assertThat(this.areas.findByCode(code).orElseThrow().getCommander()).isEqualTo("Kim Tested");

		// A neighbourhood can be put in it while it is live.
		String neighbourhoodName = "Inshire " + unique();
		HttpResponse<String> added = this.editor.submit(NeighbourhoodAdminIT.NEW, NeighbourhoodAdminIT.NEW, "code",
				unique(), "name", neighbourhoodName, "localPolicingAreaId", area.getId().toString());
		String hub = StaffBrowser.redirectPath(added);
		this.editor.follow(added);
		assertThat(hub).matches("/staff/neighbourhoods/\\d+");

		String retire = LIST + "/" + area.getId() + "/retire";
		Document refusal = this.editor.page(retire);
		Pages.assertAccessibleStructure(refusal);
		assertThat(refusal.select("h1").text()).isEqualTo("You cannot retire " + name + " yet");
		assertThat(refusal.select("#live-neighbourhoods li").eachText()).containsExactly(neighbourhoodName);
		assertThat(refusal.select("form[action=" + retire + "]")).isEmpty();
		String token = StaffBrowser.csrfToken(this.editor.page(LIST + "/" + area.getId() + "/edit"), edit);
		HttpResponse<String> refused = this.editor.post(retire, token);
		assertThat(refused.statusCode()).isEqualTo(200);
		Document refusedPage = StaffBrowser.parse(refused);
		assertThat(refusedPage.select(".govuk-error-summary__list a").text()).isEqualTo(name
				+ " cannot be retired while it has a live neighbourhood. Move it to another local policing area or retire it first.");
		assertThat(refusedPage.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#live-neighbourhoods");
		assertThat(this.areas.findByCode(code).orElseThrow().isRetired()).isFalse();

		this.editor.follow(this.editor.submit(hub + "/retire", hub + "/retire"));
		Document confirm = this.editor.page(retire);
		assertThat(confirm.select("h1").text()).isEqualTo("Are you sure you want to retire " + name + "?");
		HttpResponse<String> retired = this.editor.submit(retire, retire);
		assertThat(StaffBrowser.redirectPath(retired)).isEqualTo(LIST);
		Document after = StaffBrowser.parse(this.editor.follow(retired));
		assertThat(after.select("#area-" + code).text()).contains("Retired");
		assertThat(after.select("#area-" + code + " a")).as("no change or retire links").isEmpty();
		assertThat(this.areas.findByCode(code).orElseThrow().isRetired()).isTrue();

		Document newNeighbourhood = this.editor.page(NeighbourhoodAdminIT.NEW);
		assertThat(newNeighbourhood.select("input[name=localPolicingAreaId][value=" + area.getId() + "]"))
			.as("a retired area is not offered")
			.isEmpty();
		Document refusedNeighbourhood = StaffBrowser
			.parse(this.editor.submit(NeighbourhoodAdminIT.NEW, NeighbourhoodAdminIT.NEW, "code", unique(), "name",
					"Toolate " + unique(), "localPolicingAreaId", area.getId().toString()));
		assertThat(refusedNeighbourhood.select(".govuk-error-summary__list a").eachText())
			.containsExactly(name + " has been retired. Select another local policing area");
		assertThat(StaffBrowser.redirectPath(this.editor.get(edit))).as("a retired area cannot be changed")
			.isEqualTo(LIST);

		Document history = this.editor.page("/staff/changes/local-policing-area/" + area.getId());
		Pages.assertAccessibleStructure(history);
		assertThat(history.select("#changes > li > h2").eachText()).containsExactly("Retired: " + name,
				"Edited: " + name, "Created: " + name);
		List<String> edited = history.select("#changes > li").get(1).select("tbody tr").eachText();
		assertThat(edited).containsExactly("Commander's name Kim Test Kim Tested",
				"Commander's rank Superintendent (empty)");
	}

	@Test
	void whenSomeoneElseSavedFirstTheSecondEditorSeesBothVersions() {
		String code = unique().substring(0, 9);
		this.editor.submit(NEW, NEW, "code", code, "name", "Clashshire " + code);
		LocalPolicingArea area = this.areas.findByCode(code).orElseThrow();
		String edit = LIST + "/" + area.getId() + "/edit";
		StaffBrowser other = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
		Document mine = this.editor.page(edit);
		Document theirs = other.page(edit);
		assertThat(other.post(edit, StaffBrowser.csrfToken(theirs, edit), fields(theirs, "commanderName", "Their Pick"))
			.statusCode()).isEqualTo(303);

		HttpResponse<String> second = this.editor.post(edit, StaffBrowser.csrfToken(mine, edit),
				fields(mine, "commanderName", "My Pick"));

		assertThat(second.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(second);
		Pages.assertAccessibleStructure(page);
		assertThat(page.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#edit-conflict");
		assertThat(page.select("#edit-conflict tbody tr").eachText())
			.containsExactly("Commander's name Their Pick My Pick");
		assertThat(page.select("input#commanderName").val()).isEqualTo("My Pick");
		assertThat(this.areas.findByCode(code).orElseThrow().getCommanderName()).isEqualTo("Their Pick");
	}

	@Test
	void onlyWebEditorsAndAdministratorsManageAreas() {
		long how = this.areas.findByCode("HOW").orElseThrow().getId();
		for (String email : List.of("officer.wigston@example.org", "sergeant@example.org")) {
			StaffBrowser browser = StaffBrowser.signedIn(this.environment, email, StaffBrowser.DEMO_PASSWORD);
			for (String path : List.of(LIST, NEW, LIST + "/" + how + "/edit", LIST + "/" + how + "/retire")) {
				assertThat(browser.get(path).statusCode()).as(email + " " + path).isEqualTo(403);
			}
			String token = StaffBrowser.csrfToken(browser.page("/staff"), "/staff/sign-out");
			assertThat(browser.post(LIST + "/" + how + "/edit", token, "name", "Taken", "version", "0").statusCode())
				.isEqualTo(403);
		}
		assertThat(this.areas.findByCode("HOW").orElseThrow().getName()).isEqualTo("Harborough, Oadby and Wigston");
		HttpResponse<String> anonymous = StaffBrowser.on(this.environment).get(LIST);
		assertThat(StaffBrowser.redirectPath(anonymous)).isEqualTo("/staff/sign-in");
		assertThat(this.editor.get(LIST + "/999999999/edit").statusCode()).isEqualTo(404);
		assertThat(this.site.get("/areas").statusCode()).isEqualTo(200);
	}

}
