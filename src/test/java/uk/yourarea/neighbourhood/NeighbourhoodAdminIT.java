package uk.yourarea.neighbourhood;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.TestPostcodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web editors add, change and retire neighbourhoods over real HTTP; officers and
 * supervisors see only their own. Every neighbourhood changed here is made here, so the
 * demo places other tests rely on stay as they are.
 */
@DemoSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighbourhoodAdminIT {

	static final String NEW = "/staff/neighbourhoods/new";

	@Autowired
	private Environment environment;

	@Autowired
	private Site site;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private NeighbourhoodRepository neighbourhoods;

	private StaffBrowser editor;

	private String howId;

	@BeforeEach
	void signIn() {
		this.editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);
		this.howId = this.jdbc.queryForObject("select id from local_policing_area where code = 'HOW'", Long.class)
			.toString();
	}

	/** Leaves the demo data as other test classes count it. */
	@AfterAll
	void removeWhatThisClassMade() {
		TestNeighbourhoods.removeWhereCodeMatches(this.jdbc, this.events, "^T[0-9A-F]{8}$");
	}

	@Test
	void webEditorsSeeEveryNeighbourhoodGroupedByAreaWithLinksToAddAndChange() {
		Document page = this.editor.page("/staff/neighbourhoods");

		Pages.assertAccessibleStructure(page);
		assertThat(page.select("h1").text()).isEqualTo("Neighbourhoods");
		assertThat(page.select("a[href=/staff/neighbourhoods/new]").text()).isEqualTo("Add a neighbourhood");
		assertThat(page.select("a[href=/staff/local-policing-areas]")).isNotEmpty();
		assertThat(page.select("#area-index a").eachText()).contains("Charnwood", "Harborough, Oadby and Wigston");
		List<String> areaHeadings = page.select("main section > h2").eachText();
		assertThat(areaHeadings).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		assertThat(page.select("section[aria-labelledby=area-HOW] a").eachText()).contains("Oadby", "South Wigston",
				"Wigston");
		long wigston = id("NA54");
		assertThat(page.select("a[href=/staff/neighbourhoods/" + wigston + "]").text()).isEqualTo("Wigston");
	}

	@Test
	void officersSeeOnlyTheirOwnNeighbourhoodAndSupervisorsTheirArea() {
		StaffBrowser officer = StaffBrowser.signedIn(this.environment, "officer.wigston@example.org",
				StaffBrowser.DEMO_PASSWORD);
		Document page = officer.page("/staff/neighbourhoods");
		Pages.assertAccessibleStructure(page);
		assertThat(page.select("main section a").eachText()).containsExactly("Wigston");
		assertThat(page.select("a[href=/staff/neighbourhoods/new]")).isEmpty();

		StaffBrowser supervisor = StaffBrowser.signedIn(this.environment, "sergeant@example.org",
				StaffBrowser.DEMO_PASSWORD);
		List<String> seen = supervisor.page("/staff/neighbourhoods").select("main section a").eachText();
		assertThat(seen).contains("Oadby", "Wigston").doesNotContain("City Centre", "Loughborough");
	}

	@Test
	void showsEveryProblemWithANewNeighbourhoodAndKeepsWhatWasTyped() {
		HttpResponse<String> response = this.editor.submit(NEW, NEW, "code", "NA 54!", "name", "  ", "description",
				"x".repeat(2001), "email", "not an email", "phone", "call us", "facebookUrl",
				"http://www.facebook.com/insecure", "xUrl", "https://example.org/someone", "instagramUrl",
				"instagram.com/no-scheme");

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		Pages.assertAccessibleStructure(page);
		assertThat(page.title()).startsWith("Error: Add a neighbourhood");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#code", "#name",
				"#description", "#localPolicingAreaId", "#email", "#phone", "#facebookUrl", "#xUrl", "#instagramUrl");
		assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"Code must be 20 characters or fewer: letters, numbers, hyphens (-) and underscores (_) only, like NA54",
				"Enter a name", "Description must be 2,000 characters or fewer", "Select a local policing area",
				"Enter an email address in the correct format, like wigston.team@example.org",
				"Enter a telephone number, like 0116 222 2222, or 101",
				"Enter a Facebook address starting https://www.facebook.com/",
				"Enter an X address starting https://x.com/",
				"Enter an Instagram address starting https://www.instagram.com/");
		for (String id : List.of("code", "name", "description", "localPolicingAreaId", "email", "phone", "facebookUrl",
				"xUrl", "instagramUrl")) {
			assertThat(page.getElementById(id)).as("#%s, the error summary's link target", id).isNotNull();
			assertThat(page.select("#" + id + "-error")).as("error message of %s", id).hasSize(1);
		}
		assertThat(page.select("input#code").val()).isEqualTo("NA 54!");
		assertThat(page.select("input#email").val()).isEqualTo("not an email");
		assertThat(page.select("textarea#description").text()).hasSize(2001);
		assertThat(page.select("input#xUrl").val()).isEqualTo("https://example.org/someone");
		assertThat(this.neighbourhoods.findByCode("NA 54!")).isEmpty();
	}

	@Test
	void refusesWhatIsTooLongAndNamesWithoutLettersOrNumbers() {
		Document tooLong = StaffBrowser.parse(this.editor.submit(NEW, NEW, "code", "C" + "1".repeat(20), "name",
				"N".repeat(151), "localPolicingAreaId", this.howId, "email",
				"a".repeat(60) + "@" + "abcdefghi.".repeat(19) + "example.org", "facebookUrl",
				"https://www.facebook.com/" + "p".repeat(280)));
		assertThat(tooLong.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"Code must be 20 characters or fewer: letters, numbers, hyphens (-) and underscores (_) only, like NA54",
				"Name must be 150 characters or fewer", "Email address must be 254 characters or fewer",
				"Facebook address must be 300 characters or fewer");
		assertThat(tooLong.select("input[name=localPolicingAreaId][value=" + this.howId + "]").hasAttr("checked"))
			.isTrue();

		Document noLetters = StaffBrowser.parse(
				this.editor.submit(NEW, NEW, "code", unique(), "name", "!!! ???", "localPolicingAreaId", this.howId));
		assertThat(noLetters.select(".govuk-error-summary__list a").eachText())
			.containsExactly("Name must include at least one letter or number");

		Document unknownArea = StaffBrowser.parse(this.editor.submit(NEW, NEW, "code", unique(), "name",
				"Nowhere " + unique(), "localPolicingAreaId", "0"));
		assertThat(unknownArea.select(".govuk-error-summary__list a").eachText())
			.containsExactly("Select a local policing area from the list");
	}

	@Test
	void refusesACodeOrAWebAddressAnotherNeighbourhoodHas() {
		Document page = StaffBrowser
			.parse(this.editor.submit(NEW, NEW, "code", "na54", "name", "WIGSTON", "localPolicingAreaId", this.howId));

		assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"Another neighbourhood (Wigston) already has the code NA54",
				"The web address /area/wigston belongs to Wigston. Choose a different name");
		assertThat(this.jdbc.queryForObject("select count(*) from neighbourhood where lower(code) = 'na54'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void addsANeighbourhoodWithItsHubPublicPageAndHistory() {
		String code = unique();
		String name = "Testbury " + code;
		HttpResponse<String> created = this.editor.submit(NEW, NEW, "code", code, "name", "  " + name + " ",
				"description", "Streets around the test green.", "localPolicingAreaId", this.howId, "email",
				"testbury.team@example.org", "phone", "0116 222 2222", "facebookUrl",
				"https://www.facebook.com/testbury", "xUrl", "https://x.com/testbury", "instagramUrl",
				"https://www.instagram.com/testbury");

		assertThat(created.statusCode()).isEqualTo(303);
		String hub = StaffBrowser.redirectPath(created);
		assertThat(hub).matches("/staff/neighbourhoods/\\d+");
		Document page = StaffBrowser.parse(this.editor.follow(created));
		Pages.assertAccessibleStructure(this.editor.page(hub));
		String slug = Neighbourhood.slugOf(name);
		assertThat(page.select(".govuk-notification-banner--success").text())
			.contains(name + " has been added. Its public page is /area/" + slug);
		assertThat(page.select("#neighbourhood-details").text()).contains(code)
			.contains("/area/" + slug)
			.contains("Harborough, Oadby and Wigston")
			.contains("Streets around the test green.")
			.contains("testbury.team@example.org")
			.contains("0116 222 2222")
			.contains("https://x.com/testbury");
		assertThat(page.select("#public-page").attr("href")).isEqualTo("/area/" + slug);
		String id = hub.substring(hub.lastIndexOf('/') + 1);
		assertThat(page.select("#sections a").eachAttr("href")).containsExactly(hub + "/team", hub + "/priorities",
				hub + "/events", hub + "/coverage", "/area/" + slug + "/poster",
				"/staff/changes/neighbourhood-page/" + id);

		Document publicPage = this.site.page("/area/" + slug);
		assertThat(publicPage.select("h1").text()).isEqualTo(name + " neighbourhood team");
		assertThat(this.site.page("/areas").select("a[href=/area/" + slug + "]").text()).isEqualTo(name);

		Document history = this.editor.page("/staff/changes/neighbourhood-page/" + id);
		Pages.assertAccessibleStructure(history);
		assertThat(history.select("#changes h2").text()).contains("Created").contains(name);
		assertThat(history.select("#changes tbody tr").eachText()).contains("Name (empty) " + name,
				"Code (empty) " + code, "Email address (empty) testbury.team@example.org");
	}

	@Test
	void renamingKeepsTheOldAddressWorkingAndThePublicPageShowsTheChangeAtOnce() {
		String oldName = "Oldname " + unique();
		long id = create(oldName);
		String oldSlug = this.jdbc.queryForObject("select slug from neighbourhood where id = ?", String.class, id);
		// Read (and cache) the public page before the change.
		assertThat(this.site.get("/area/" + oldSlug).statusCode()).isEqualTo(200);

		String edit = "/staff/neighbourhoods/" + id + "/edit";
		Document form = this.editor.page(edit);
		Pages.assertAccessibleStructure(form);
		String newName = "Newname " + unique();
		HttpResponse<String> saved = this.editor.submit(edit, edit, fields(form, "name", newName, "phone", "101"));

		assertThat(saved.statusCode()).isEqualTo(303);
		String newSlug = Neighbourhood.slugOf(newName);
		Document hub = StaffBrowser.parse(this.editor.follow(saved));
		assertThat(hub.select(".govuk-notification-banner--success").text())
			.contains("Its public page is now /area/" + newSlug + ", and /area/" + oldSlug + " leads there.");
		assertThat(hub.select("#former-slugs li").eachText()).containsExactly("/area/" + oldSlug);
		assertThat(hub.select("a#poster").attr("href")).as("the poster, from the staff page")
			.isEqualTo("/area/" + newSlug + "/poster");

		HttpResponse<String> publicPage = this.site.get("/area/" + newSlug);
		assertThat(publicPage.statusCode()).isEqualTo(200);
		assertThat(Pages.parse(publicPage).select("h1").text()).isEqualTo(newName + " neighbourhood team");

		HttpResponse<String> old = this.site.get("/area/" + oldSlug);
		assertThat(old.statusCode()).isEqualTo(301);
		assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/area/" + newSlug);
		assertThat(old.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
		HttpResponse<String> oldContact = this.site.get("/area/" + oldSlug + "/contact");
		assertThat(oldContact.statusCode()).isEqualTo(301);
		assertThat(oldContact.headers().firstValue("Location").orElseThrow()).endsWith("/area/" + newSlug + "/contact");
		for (String alerts : java.util.List.of("/alerts", "/alerts?page=2", "/alerts/7", "/alerts.atom")) {
			HttpResponse<String> oldAlerts = this.site.get("/area/" + oldSlug + alerts);
			assertThat(oldAlerts.statusCode()).as(alerts).isEqualTo(301);
			assertThat(oldAlerts.headers().firstValue("Location").orElseThrow()).as(alerts)
				.endsWith("/area/" + newSlug + alerts);
		}
		HttpResponse<String> oldPoster = this.site.get("/area/" + oldSlug + "/poster");
		assertThat(oldPoster.statusCode()).isEqualTo(301);
		assertThat(oldPoster.headers().firstValue("Location").orElseThrow()).endsWith("/area/" + newSlug + "/poster");
		HttpResponse<String> oldSent = this.site.get("/area/" + oldSlug + "/contact/sent?reference=ABC");
		assertThat(oldSent.headers().firstValue("Location").orElseThrow())
			.endsWith("/area/" + newSlug + "/contact/sent?reference=ABC");
		uk.yourarea.testing.Visitor resident = this.site.visitor();
		String token = resident.page("/area/" + newSlug + "/contact").select("input[name=_csrf]").val();
		HttpResponse<String> sentToOld = resident.post("/area/" + oldSlug + "/contact",
				java.util.Map.of("_csrf", token, "name", "Kept"));
		assertThat(sentToOld.statusCode()).as("a form sent to the old address is sent on, not lost").isEqualTo(308);
		assertThat(sentToOld.headers().firstValue("Location").orElseThrow()).endsWith("/area/" + newSlug + "/contact");
		assertThat(this.site.get("/area/never-a-neighbourhood-" + unique().toLowerCase(Locale.ROOT)).statusCode())
			.isEqualTo(404);

		Document history = this.editor.page("/staff/changes/neighbourhood-page/" + id);
		assertThat(history.select("#changes li").first().select("h2").text()).contains("Edited");
		assertThat(history.select("#changes > li").first().select("tbody tr").eachText()).containsExactly(
				"Name " + oldName + " " + newName, "Web address /area/" + oldSlug + " /area/" + newSlug,
				"Old web addresses (empty) /area/" + oldSlug);
	}

	@Test
	void aNewNeighbourhoodMayTakeAnOldAddressWhichThenStopsLeadingToTheRenamedOne() {
		String first = "Firstplace " + unique();
		long renamed = create(first);
		String firstSlug = Neighbourhood.slugOf(first);
		String edit = "/staff/neighbourhoods/" + renamed + "/edit";
		this.editor.submit(edit, edit, fields(this.editor.page(edit), "name", "Renamedplace " + unique()));
		assertThat(this.site.get("/area/" + firstSlug).statusCode()).isEqualTo(301);

		long taker = create(first);

		assertThat(this.site.get("/area/" + firstSlug).statusCode()).isEqualTo(200);
		assertThat(this.neighbourhoods.findBySlug(firstSlug).orElseThrow().getId()).isEqualTo(taker);
		assertThat(this.editor.page("/staff/neighbourhoods/" + renamed).select("#former-slugs")).isEmpty();
		Document history = this.editor.page("/staff/changes/neighbourhood-page/" + renamed);
		assertThat(history.select("#changes h2").first().text())
			.contains("Old web address given to another neighbourhood");
		assertThat(history.select("#changes tbody tr").first().text())
			.isEqualTo("Old web addresses /area/" + firstSlug + " (empty)");
	}

	@Test
	void showsEveryProblemWithAChangeAndKeepsWhatWasTyped() {
		long id = create("Changeme " + unique());
		String edit = "/staff/neighbourhoods/" + id + "/edit";
		Document form = this.editor.page(edit);

		HttpResponse<String> response = this.editor.submit(edit, edit, fields(form, "name", "", "email", "nope@",
				"localPolicingAreaId", "", "instagramUrl", "https://www.instagram.com/ spaces", "code", "IGNORED"));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		Pages.assertAccessibleStructure(page);
		assertThat(page.title()).startsWith("Error: Change");
		assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly("Enter a name",
				"Select a local policing area",
				"Enter an email address in the correct format, like wigston.team@example.org",
				"Enter an Instagram address starting https://www.instagram.com/");
		assertThat(page.select("input#email").val()).isEqualTo("nope@");
		assertThat(page.select("input#code")).as("the code cannot be changed").isEmpty();
		assertThat(this.neighbourhoods.findById(id).orElseThrow().getName()).startsWith("Changeme ");
	}

	@Test
	void whenSomeoneElseSavedFirstTheSecondEditorSeesBothVersionsAndNothingIsOverwritten() {
		long id = create("Conflicted " + unique());
		String edit = "/staff/neighbourhoods/" + id + "/edit";
		StaffBrowser other = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
		Document mine = this.editor.page(edit);
		Document theirs = other.page(edit);

		HttpResponse<String> first = other.post(edit, StaffBrowser.csrfToken(theirs, edit),
				fields(theirs, "email", "theirs@example.org", "phone", "0116 111 1111"));
		assertThat(first.statusCode()).isEqualTo(303);

		HttpResponse<String> second = this.editor.post(edit, StaffBrowser.csrfToken(mine, edit),
				fields(mine, "email", "mine@example.org"));

		assertThat(second.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(second);
		Pages.assertAccessibleStructure(page);
		assertThat(page.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#edit-conflict");
		assertThat(page.select(".govuk-error-summary").text()).contains("saved changes while you were editing");
		assertThat(page.select("#edit-conflict").text()).contains("Administrator (demo) saved this");
		assertThat(page.select("#edit-conflict tbody tr").eachText())
			.containsExactly("Email address theirs@example.org mine@example.org", "Telephone 0116 111 1111 101");
		assertThat(page.select("input#email").val()).as("what I typed is kept").isEqualTo("mine@example.org");
		Neighbourhood saved = this.neighbourhoods.findById(id).orElseThrow();
		assertThat(saved.getEmail()).as("nothing overwritten").isEqualTo("theirs@example.org");
		String savedVersion = Long.toString(saved.getVersion());
		assertThat(page.select("input[name=version]").val()).isEqualTo(savedVersion);

		HttpResponse<String> again = this.editor.submit(edit, edit, fields(page, "email", "mine@example.org"));
		assertThat(again.statusCode()).as("saving again overwrites knowingly").isEqualTo(303);
		assertThat(this.neighbourhoods.findById(id).orElseThrow().getEmail()).isEqualTo("mine@example.org");
	}

	private long wigstonId() {
		return this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
	}

	@Test
	void retiringSaysWhatItLeavesBehindAndTakesTheNeighbourhoodOffThePublicSite() {
		String name = "Retiring " + unique();
		long id = create(name);
		String slug = Neighbourhood.slugOf(name);
		String letters = "ABDEFGHJLNPQRSTUWXYZ";
		java.util.Random random = new java.util.Random();
		String postcode = "LE99 9" + letters.charAt(random.nextInt(letters.length()))
				+ letters.charAt(random.nextInt(letters.length()));
		this.jdbc.update(
				"""
						insert into postcode (postcode, outward_code, in_force_area, neighbourhood_id) values (?, 'LE99', true, ?)
						on conflict (postcode) do update set neighbourhood_id = excluded.neighbourhood_id""",
				postcode, id);
		TestPostcodes.changedBySql(this.events);
		this.jdbc.update("insert into team_member (neighbourhood_id, name, role) values (?, 'Pat Retiring', 'PC')", id);
		this.jdbc.update("insert into team_member (neighbourhood_id, name, role) values (?, 'Sam Retiring', 'PCSO')",
				id);
		assertThat(this.site.get(Site.findYourArea(postcode)).statusCode()).isEqualTo(303);
		String retire = "/staff/neighbourhoods/" + id + "/retire";

		Document confirm = this.editor.page(retire);
		Pages.assertAccessibleStructure(confirm);
		assertThat(confirm.select("h1").text()).isEqualTo("Are you sure you want to retire " + name + "?");
		assertThat(confirm.select("#postcode-count").text()).startsWith("1 postcode assigned to it");
		assertThat(confirm.select("#team-count").text()).startsWith("2 team members");

		HttpResponse<String> retired = this.editor.submit(retire, retire);

		assertThat(StaffBrowser.redirectPath(retired)).isEqualTo("/staff/neighbourhoods/" + id);
		Document hub = StaffBrowser.parse(this.editor.follow(retired));
		assertThat(hub.select(".govuk-notification-banner--success").text()).contains(name + " has been retired");
		assertThat(hub.select("#retired").text()).contains("Retired on");
		assertThat(hub.select("#change-details, #retire, #public-page")).isEmpty();
		assertThat(this.neighbourhoods.findById(id).orElseThrow().isRetired()).isTrue();

		HttpResponse<String> gone = this.site.get("/area/" + slug);
		assertThat(gone.statusCode()).isEqualTo(410);
		Document gonePage = Pages.parse(gone);
		Pages.assertAccessibleStructure(gonePage);
		assertThat(gonePage.select("h1").text()).isEqualTo("The " + name + " neighbourhood team no longer exists");
		assertThat(gonePage.select("#nearby a").eachText()).contains("Wigston").doesNotContain(name);
		assertThat(gonePage.select("form[action=/find-your-area] input#postcode")).hasSize(1);
		assertThat(this.site.get("/area/" + slug + "/contact").statusCode()).isEqualTo(410);
		assertThat(this.site.page("/areas").select("a[href=/area/" + slug + "]")).isEmpty();
		assertThat(this.editor.page("/staff/neighbourhoods").select("#retired-neighbourhoods + ul a").eachText())
			.contains(name);
		assertThat(this.editor.page("/staff/stations/new").text()).as("not offered to stations").doesNotContain(name);
		assertThat(this.editor.page("/staff/neighbourhoods/" + wigstonId() + "/team").select("a[href$=/move]"))
			.isNotEmpty();
		String move = this.editor.page("/staff/neighbourhoods/" + wigstonId() + "/team")
			.select("a[href$=/move]")
			.first()
			.attr("href");
		assertThat(this.editor.page(move).select("#to option").eachText()).as("not offered for team moves")
			.doesNotContain(name);
		StaffBrowser admin = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
		assertThat(admin.page("/staff/admin/accounts/new").text()).as("not offered to staff accounts")
			.doesNotContain(name);

		HttpResponse<String> lookup = this.site.get(Site.findYourArea(postcode));
		assertThat(lookup.statusCode()).isEqualTo(200);
		assertThat(Pages.parse(lookup).select("h1").text())
			.isEqualTo(postcode + " is not covered by a neighbourhood team at the moment");
		assertThat(this.jdbc.queryForObject("select neighbourhood_id from postcode where postcode = ?", Long.class,
				postcode))
			.as("nothing deleted or reassigned")
			.isEqualTo(id);

		assertThat(StaffBrowser.redirectPath(this.editor.get("/staff/neighbourhoods/" + id + "/edit")))
			.as("a retired neighbourhood cannot be changed")
			.isEqualTo("/staff/neighbourhoods/" + id);
		Document history = this.editor.page("/staff/changes/neighbourhood-page/" + id);
		assertThat(history.select("#changes h2").first().text()).contains("Retired");
		assertThat(history.select("#changes tbody tr").first().text()).startsWith("Retired on (empty) ");
	}

	@Test
	void officersReachTheHubsOfTheirOwnNeighbourhoodsOnly() {
		StaffBrowser officer = StaffBrowser.signedIn(this.environment, "officer.wigston@example.org",
				StaffBrowser.DEMO_PASSWORD);
		long wigston = id("NA54");
		long oadby = id("NA55");

		Document hub = officer.page("/staff/neighbourhoods/" + wigston);
		Pages.assertAccessibleStructure(hub);
		assertThat(hub.select("#sections a").eachAttr("href")).containsExactly(
				"/staff/neighbourhoods/" + wigston + "/priorities", "/staff/neighbourhoods/" + wigston + "/events",
				"/area/wigston/poster", "/staff/changes/neighbourhood-page/" + wigston);
		assertThat(hub.select("#change-details, #retire")).isEmpty();

		assertThat(officer.get("/staff/neighbourhoods/" + oadby).statusCode()).isEqualTo(404);
		assertThat(officer.get("/staff/neighbourhoods/" + wigston + "/edit").statusCode()).isEqualTo(403);
		assertThat(officer.get("/staff/neighbourhoods/" + wigston + "/retire").statusCode()).isEqualTo(403);
		assertThat(officer.get(NEW).statusCode()).isEqualTo(403);
		String token = StaffBrowser.csrfToken(officer.page("/staff"), "/staff/sign-out");
		assertThat(officer
			.post("/staff/neighbourhoods/" + wigston + "/edit", token, "name", "Taken over", "version", "0",
					"localPolicingAreaId", this.howId)
			.statusCode()).isEqualTo(403);
		assertThat(officer.post("/staff/neighbourhoods/" + wigston + "/retire", token).statusCode()).isEqualTo(403);
		assertThat(officer.post(NEW, token, "code", "SNEAKY", "name", "Sneaky", "localPolicingAreaId", this.howId)
			.statusCode()).isEqualTo(403);
		assertThat(this.neighbourhoods.findById(wigston).orElseThrow().getName()).isEqualTo("Wigston");
		assertThat(this.neighbourhoods.findByCode("SNEAKY")).isEmpty();

		StaffBrowser supervisor = StaffBrowser.signedIn(this.environment, "sergeant@example.org",
				StaffBrowser.DEMO_PASSWORD);
		assertThat(supervisor.get("/staff/neighbourhoods/" + oadby).statusCode()).isEqualTo(200);
		assertThat(supervisor.get("/staff/neighbourhoods/" + id("NC04")).statusCode()).isEqualTo(404);

		StaffBrowser anonymous = StaffBrowser.on(this.environment);
		for (String path : List.of("/staff/neighbourhoods", "/staff/neighbourhoods/" + wigston, NEW,
				"/staff/neighbourhoods/" + wigston + "/edit")) {
			HttpResponse<String> response = anonymous.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(StaffBrowser.redirectPath(response)).as(path).isEqualTo("/staff/sign-in");
		}
		assertThat(this.editor.get("/staff/neighbourhoods/999999999").statusCode()).isEqualTo(404);
	}

	/** Adds a neighbourhood in Harborough, Oadby and Wigston through the form. */
	private long create(String name) {
		HttpResponse<String> created = this.editor.submit(NEW, NEW, "code", unique(), "name", name,
				"localPolicingAreaId", this.howId, "email", "team@example.org", "phone", "101");
		assertThat(created.statusCode()).as("adding %s", name).isEqualTo(303);
		// As a browser would: this also takes the "added" message off the session.
		assertThat(this.editor.follow(created).statusCode()).isEqualTo(200);
		String hub = StaffBrowser.redirectPath(created);
		return Long.parseLong(hub.substring(hub.lastIndexOf('/') + 1));
	}

	/**
	 * The form's fields as the page filled them in (radios only when checked), changed by
	 * the name, value pairs given; the CSRF token left out.
	 */
	static String[] fields(Document page, String... changes) {
		java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
		var form = page.selectFirst("main form[method=post]");
		for (var input : form.select("input[name], textarea[name]")) {
			String type = input.attr("type");
			if (("radio".equals(type) || "checkbox".equals(type)) && !input.hasAttr("checked")) {
				continue;
			}
			values.put(input.attr("name"), input.is("textarea") ? input.text() : input.val());
		}
		values.remove("_csrf");
		for (int i = 0; i < changes.length; i += 2) {
			values.put(changes[i], changes[i + 1]);
		}
		List<String> pairs = new ArrayList<>();
		values.forEach((name, value) -> {
			pairs.add(name);
			pairs.add(value);
		});
		return pairs.toArray(String[]::new);
	}

	private long id(String code) {
		return this.neighbourhoods.findByCode(code).orElseThrow().getId();
	}

	static String unique() {
		return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
	}

}
