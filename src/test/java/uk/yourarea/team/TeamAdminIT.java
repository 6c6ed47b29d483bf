package uk.yourarea.team;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Web editors look after neighbourhood teams over real HTTP: every form and its bad
 * inputs, the named officer's rules, someone else saving first, moving and removing
 * members, photos, and who may do any of it. Each test makes its own neighbourhoods.
 */
@DemoSiteTest
class TeamAdminIT {

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TeamEditing editing;

	private final List<Long> created = new java.util.ArrayList<>();

	/**
	 * Takes away the neighbourhoods this test made, their teams and their photos, so that
	 * tests counting the demo neighbourhoods still see 66.
	 */
	@org.junit.jupiter.api.AfterEach
	void removeTheNeighbourhoodsMade() {
		for (long id : this.created) {
			this.jdbc.update("delete from team_member where neighbourhood_id = ?", id);
			this.jdbc.update("delete from neighbourhood where id = ?", id);
		}
		this.jdbc.update("delete from photo p where not exists (select 1 from team_member m where m.photo_id = p.id)");
		this.created.clear();
	}

	StaffBrowser editor;

	@BeforeEach
	void signIn() {
		this.editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);
	}

	// The team page

	@Test
	void theServiceItselfRefusesAnyoneButTheWebTeam() {
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		for (String email : List.of("officer.wigston@example.org", "sergeant@example.org")) {
			try (ActingAs acting = ActingAs.staff(ActingAs.demo(this.jdbc, email))) {
				assertThatExceptionOfType(AccessDeniedException.class).as(email)
					.isThrownBy(() -> this.editing.teamOf(wigston));
			}
		}
		try (ActingAs acting = ActingAs.staff(ActingAs.demo(this.jdbc, "webeditor@example.org"))) {
			assertThat(this.editing.teamOf(wigston)).isNotEmpty();
		}
	}

	@Test
	void theTeamPageListsMembersInOrderWithTheNamedOfficer() {
		long area = neighbourhood("Team Page");
		long ellis = member(area, "Jordan Ellis", "PC", "4127", 1);
		member(area, "Sam Webb", "PCSO", "7001", 2);
		member(area, "Alex Stone", "SERGEANT", "1234", 3);
		makeNamed(ellis, LocalDate.now(ZoneId.of("Europe/London")).minusDays(3));

		Document page = this.editor.page(team(area));

		assertThat(page.select("h1").text()).isEqualTo("Neighbourhood team");
		assertThat(page.select(".govuk-summary-card__title").eachText())
			.containsExactly("PC 4127 Jordan Ellis Named officer", "PCSO 7001 Sam Webb", "Sergeant 1234 Alex Stone");
		assertThat(page.select("#named-officer + dl").text()).contains("PC 4127 Jordan Ellis");
		assertThat(page.select(".govuk-warning-text").text()).doesNotContain("more than 6 months");
		assertThat(page.select("a[href=/staff/changes/neighbourhood-page/" + area + "]")).hasSize(1);
		assertThat(page.select("a[href=" + team(area) + "/new]").text()).isEqualTo("Add a team member");
		Pages.assertAccessibleStructure(page);
	}

	@Test
	void anUnknownNeighbourhoodOrAMemberOfAnotherTeamIsNotFound() {
		long area = neighbourhood("Not Found Here");
		long elsewhere = neighbourhood("Not Found There");
		long stranger = member(elsewhere, "Robin Stranger", "PC", null, 1);

		assertThat(this.editor.get("/staff/neighbourhoods/999999999/team").statusCode()).isEqualTo(404);
		for (String action : List.of("edit", "move", "remove", "photo")) {
			assertThat(this.editor.get(team(area) + "/" + stranger + "/" + action).statusCode()).as(action)
				.isEqualTo(404);
		}
		String token = token(team(elsewhere), "/staff/sign-out");
		assertThat(this.editor.post(team(area) + "/" + stranger + "/remove", token, "version", "0").statusCode())
			.isEqualTo(404);
		assertThat(count("select count(*) from team_member where id = ?", stranger)).isOne();
	}

	// Adding and changing members

	@Test
	void addingAMemberShowsThemOnThePublicPageAtOnceAndRecordsTheChange() {
		long area = neighbourhood("Adding");
		member(area, "First Member", "PCSO", null, 1);
		String slug = slug(area);
		assertThat(this.editor.get("/area/" + slug).body()).doesNotContain("Casey Morgan");

		HttpResponse<String> response = this.editor.submit(team(area) + "/new", team(area) + "/new", "name",
				"  Casey Morgan ", "role", "PCSO", "collarNumber", "PCSO88", "bio", "Grew up in the area.");

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.redirectPath(response)).isEqualTo(team(area));
		Document page = StaffBrowser.parse(this.editor.follow(response));
		assertThat(page.select(".govuk-notification-banner--success").text())
			.contains("PCSO PCSO88 Casey Morgan has been added to the team");
		assertThat(page.select(".govuk-summary-card__title").eachText()).last().isEqualTo("PCSO PCSO88 Casey Morgan");
		Map<String, Object> row = this.jdbc
			.queryForMap("select * from team_member where neighbourhood_id = ? and name = 'Casey Morgan'", area);
		assertThat(row).containsEntry("role", "PCSO").containsEntry("collar_number", "PCSO88");
		assertThat(row.get("display_order")).isEqualTo(2);
		assertThat(this.editor.get("/area/" + slug).body()).contains("Casey Morgan").contains("Grew up in the area.");
		assertThat(this.jdbc.queryForList(
				"select action from change_record where subject_type = 'team-member' and subject_id = ? and neighbourhood_id = ?",
				String.class, row.get("id"), area))
			.containsExactly("change.action.added-to-team");
	}

	@Test
	void theAddFormExplainsEachBadInputAndKeepsWhatWasTyped() {
		long area = neighbourhood("Bad Inputs");
		String form = team(area) + "/new";

		Document blank = StaffBrowser
			.parse(this.editor.submit(form, form, "name", " ", "collarNumber", "41-27", "bio", "x".repeat(1001)));
		assertThat(blank.title()).startsWith("Error: Add a team member");
		assertThat(blank.select(".govuk-error-summary__list a").eachText()).containsExactly("Enter their name",
				"Select their role", "Collar number must be up to 10 letters and numbers, like 4127",
				"About them must be 1,000 characters or fewer");
		assertThat(blank.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#name", "#role",
				"#collarNumber", "#bio");
		assertThat(blank.select("#collarNumber").val()).isEqualTo("41-27");
		assertThat(blank.select("#bio").text()).hasSize(1001);
		assertThat(blank.select("#role-error").text()).contains("Select their role");

		Document tooLong = StaffBrowser.parse(this.editor.submit(form, form, "name", "N".repeat(101), "role", "CHIEF",
				"collarNumber", "12345678901"));
		assertThat(tooLong.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"Name must be 100 characters or fewer", "Select their role from the list",
				"Collar number must be up to 10 letters and numbers, like 4127");
		assertThat(count("select count(*) from team_member where neighbourhood_id = ?", area)).isZero();
	}

	@Test
	void changingAMemberSavesAndRecordsBeforeAndAfter() {
		long area = neighbourhood("Changing");
		long id = member(area, "Pat Lee", "PCSO", "55", 1);
		String edit = team(area) + "/" + id + "/edit";
		Document form = this.editor.page(edit);
		assertThat(form.select("#name").val()).isEqualTo("Pat Lee");
		assertThat(form.select("input[name=role][checked]").val()).isEqualTo("PCSO");

		HttpResponse<String> response = this.editor.post(edit, StaffBrowser.csrfToken(form, edit), "name",
				"Pat Lee-Smith", "role", "PC", "collarNumber", "56", "bio", "", "version",
				form.select("input[name=version]").val());

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForMap("select name, role, collar_number from team_member where id = ?", id))
			.containsEntry("name", "Pat Lee-Smith")
			.containsEntry("role", "PC")
			.containsEntry("collar_number", "56");
		List<Map<String, Object>> fields = this.jdbc.queryForList(
				"""
						select f.field, f.before_value, f.after_value from change_record_field f
						join change_record r on r.id = f.change_record_id
						where r.subject_type = 'team-member' and r.subject_id = ? and r.action = 'change.action.changed' order by f.position""",
				id);
		assertThat(fields).extracting((field) -> field.get("field"))
			.containsExactly("change.field.name", "change.field.role", "change.field.collar-number");
		assertThat(fields.get(1)).containsEntry("before_value", "change.value.role.pcso")
			.containsEntry("after_value", "change.value.role.pc");
		assertThat(this.editor.page("/staff/changes/team-member/" + id).select("#changes").text())
			.as("in the words of staff.properties")
			.contains("Changed: ")
			.contains("Role Police Community Support Officer Police Constable");
	}

	@Test
	void whenSomeoneElseSavedFirstTheFormShowsBothVersionsAndSavingAgainOverwritesKnowingly() {
		long area = neighbourhood("Conflict");
		long id = member(area, "Drew Hart", "PC", "100", 1);
		String edit = team(area) + "/" + id + "/edit";
		Document mine = this.editor.page(edit);
		String myVersion = mine.select("input[name=version]").val();

		StaffBrowser admin = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
		assertThat(
				admin.submit(edit, edit, "name", "Drew Hart", "role", "PC", "collarNumber", "101", "version", myVersion)
					.statusCode())
			.isEqualTo(303);

		HttpResponse<String> clash = this.editor.post(edit, StaffBrowser.csrfToken(mine, edit), "name", "Drew Hart",
				"role", "PC", "collarNumber", "102", "bio", "Mine", "version", myVersion);

		assertThat(clash.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(clash);
		assertThat(page.select(".govuk-error-summary__list a[href=#edit-conflict]").text())
			.contains("saved changes while you were editing");
		assertThat(page.select("#edit-conflict").text()).contains("Collar number").contains("101").contains("102");
		assertThat(page.select("#collarNumber").val()).isEqualTo("102");
		assertThat(page.select("#bio").text()).isEqualTo("Mine");
		String newVersion = page.select("input[name=version]").val();
		assertThat(newVersion).isNotEqualTo(myVersion);
		assertThat(this.jdbc.queryForObject("select collar_number from team_member where id = ?", String.class, id))
			.isEqualTo("101");

		HttpResponse<String> again = this.editor.post(edit, StaffBrowser.csrfToken(page, edit), "name", "Drew Hart",
				"role", "PC", "collarNumber", "102", "bio", "Mine", "version", newVersion);
		assertThat(again.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForObject("select collar_number from team_member where id = ?", String.class, id))
			.isEqualTo("102");
	}

	@Test
	void theNamedOfficerCannotBeGivenARoleOtherThanPcOrPcso() {
		long area = neighbourhood("Role Change");
		long id = member(area, "Kim Shaw", "PC", "77", 1);
		makeNamed(id, LocalDate.now());
		String edit = team(area) + "/" + id + "/edit";
		Document form = this.editor.page(edit);

		HttpResponse<String> response = this.editor.post(edit, StaffBrowser.csrfToken(form, edit), "name", "Kim Shaw",
				"role", "SERGEANT", "collarNumber", "77", "version", form.select("input[name=version]").val());

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		assertThat(page.select(".govuk-error-summary__list a[href=#role]").text())
			.contains("Kim Shaw is the named officer, who must be a PC or a PCSO");
		assertThat(page.select("input[name=role][checked]").val()).isEqualTo("SERGEANT");
		assertThat(this.jdbc.queryForObject("select role from team_member where id = ?", String.class, id))
			.isEqualTo("PC");
	}

	// Order

	@Test
	void membersMoveUpAndDownWithButtonsNamingThem() {
		long area = neighbourhood("Order");
		long first = member(area, "Ann First", "PC", null, 1);
		long second = member(area, "Ben Second", "PCSO", null, 2);
		long third = member(area, "Cat Third", "PCSO", null, 3);
		Document page = this.editor.page(team(area));
		assertThat(page.select("#member-" + first + " button").eachText()).containsExactly("Move down PC Ann First");
		assertThat(page.select("#member-" + second + " button").eachText()).containsExactly("Move up PCSO Ben Second",
				"Move down PCSO Ben Second");
		assertThat(page.select("#member-" + third + " button").eachText()).containsExactly("Move up PCSO Cat Third");

		String token = StaffBrowser.csrfToken(page, team(area) + "/" + third + "/move-up");
		HttpResponse<String> up = this.editor.post(team(area) + "/" + third + "/move-up", token);

		assertThat(up.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.location(up)).endsWith(team(area) + "#member-" + third);
		assertThat(order(area)).containsExactly("Ann First", "Cat Third", "Ben Second");
		this.editor.post(team(area) + "/" + first + "/move-down", token);
		assertThat(order(area)).containsExactly("Cat Third", "Ann First", "Ben Second");
		this.editor.post(team(area) + "/" + third + "/move-up", token);
		assertThat(order(area)).as("the first cannot go higher")
			.containsExactly("Cat Third", "Ann First", "Ben Second");
		assertThat(this.editor.get("/area/" + slug(area)).body()).containsSubsequence("Cat Third", "Ann First",
				"Ben Second");
	}

	// The named officer

	@Test
	void choosingANamedOfficerReplacesTheOldOneAndStampsToday() {
		long area = neighbourhood("Named");
		long old = member(area, "Olly Old", "PC", "1", 1);
		long pcso = member(area, "Nia New", "PCSO", "2", 2);
		long sergeant = member(area, "Sid Sarge", "SERGEANT", "3", 3);
		makeNamed(old, LocalDate.now().minusYears(1));
		String form = team(area) + "/named-officer";
		Document page = this.editor.page(form);
		assertThat(page.select("input[name=officer]").eachAttr("value")).containsExactly(Long.toString(old),
				Long.toString(pcso), "none");
		assertThat(page.select("main").text()).contains("cannot be the named officer").contains("Sergeant 3 Sid Sarge");

		HttpResponse<String> response = this.editor.post(form, StaffBrowser.csrfToken(page, form), "officer",
				Long.toString(pcso), "confirmed", "yes");

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForList("select name from team_member where neighbourhood_id = ? and named_officer",
				String.class, area))
			.containsExactly("Nia New");
		assertThat(this.jdbc.queryForObject("select name_confirmed_on from team_member where id = ?", LocalDate.class,
				pcso))
			.isEqualTo(LocalDate.now(ZoneId.of("Europe/London")));
		assertThat(this.jdbc.queryForObject("select name_confirmed_on from team_member where id = ?", LocalDate.class,
				old))
			.isNull();
		assertThat(this.jdbc.queryForList(
				"select action from change_record where subject_type = 'team-member' and neighbourhood_id = ? order by id",
				String.class, area))
			.containsExactly("change.action.no-longer-named-officer", "change.action.made-named-officer");
		String publicPage = this.editor.get("/area/" + slug(area)).body();
		assertThat(Pages.parse(publicPage).select(".ya-officer__body").first().text()).contains("Nia New");

		assertThat(this.editor.post(form, StaffBrowser.csrfToken(page, form), "officer", "none").statusCode())
			.isEqualTo(303);
		assertThat(count("select count(*) from team_member where neighbourhood_id = ? and named_officer", area))
			.isZero();
		assertThat(this.editor.page(team(area)).select("main .govuk-warning-text").text())
			.contains("This neighbourhood has no named officer");
		assertThat(sergeant).isPositive();
	}

	@Test
	void onlyAPcOrPcsoCanBeChosenAndTheirDetailsMustBeConfirmed() {
		long area = neighbourhood("Named Rules");
		long sergeant = member(area, "Sid Sarge", "SERGEANT", "3", 1);
		long other = neighbourhood("Named Rules Elsewhere");
		long stranger = member(other, "Sue Stranger", "PC", "4", 1);
		long pc = member(area, "Pip Constable", "PC", "5", 2);
		String form = team(area) + "/named-officer";
		String token = token(form, form);

		Document notEligible = StaffBrowser
			.parse(this.editor.post(form, token, "officer", Long.toString(sergeant), "confirmed", "yes"));
		assertThat(notEligible.select(".govuk-error-summary__list a[href=#officer]").text())
			.isEqualTo("Only a PC or a PCSO can be the named officer: Sergeant 3 Sid Sarge is a Sergeant");

		Document nothing = StaffBrowser.parse(this.editor.post(form, token));
		assertThat(nothing.select(".govuk-error-summary__list a").eachText())
			.containsExactly("Select the named officer, or no named officer");

		Document notInTeam = StaffBrowser
			.parse(this.editor.post(form, token, "officer", Long.toString(stranger), "confirmed", "yes"));
		assertThat(notInTeam.select(".govuk-error-summary__list a").eachText())
			.containsExactly("Select the named officer from the list");

		HttpResponse<String> unconfirmed = this.editor.post(form, token, "officer", Long.toString(pc));
		assertThat(unconfirmed.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(unconfirmed);
		assertThat(page.select(".govuk-error-summary__list a[href=#confirmed]").text())
			.isEqualTo("Confirm that you have checked their name, role and collar number with them");
		assertThat(page.select("input[name=officer][checked]").val()).isEqualTo(Long.toString(pc));
		assertThat(count("select count(*) from team_member where neighbourhood_id in (?, ?) and named_officer", area,
				other))
			.isZero();
	}

	@Test
	void anOldConfirmationIsFlaggedAndConfirmingStampsToday() {
		long area = neighbourhood("Stale");
		long id = member(area, "Val Stale", "PCSO", "9", 1);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		makeNamed(id, today.minusMonths(7));

		Document page = this.editor.page(team(area));
		assertThat(page.select("main .govuk-warning-text").text())
			.contains("PCSO 9 Val Stale's details were last confirmed more than 6 months ago");
		String confirm = team(area) + "/" + id + "/confirm";
		assertThat(page.select("form[action=" + confirm + "] button").text())
			.isEqualTo("Confirm details of PCSO 9 Val Stale");

		HttpResponse<String> response = this.editor.post(confirm, StaffBrowser.csrfToken(page, confirm));

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(
				this.jdbc.queryForObject("select name_confirmed_on from team_member where id = ?", LocalDate.class, id))
			.isEqualTo(today);
		assertThat(this.editor.page(team(area)).select("main .govuk-warning-text").text())
			.doesNotContain("more than 6 months");
		long notNamed = member(area, "Not Named", "PC", null, 2);
		assertThat(this.editor.post(team(area) + "/" + notNamed + "/confirm", StaffBrowser.csrfToken(page, confirm))
			.statusCode()).isEqualTo(404);
	}

	@Test
	void theDatabaseRefusesANamedSergeantToo() {
		long area = neighbourhood("Database Rule");
		long id = member(area, "Sid Sarge", "SERGEANT", null, 1);

		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(org.springframework.dao.DataIntegrityViolationException.class)
			.isThrownBy(() -> makeNamed(id, LocalDate.now()));
	}

	// Moving and removing

	@Test
	void movingTheNamedOfficerWarnsFirstThenLeavesTheOldTeamWithoutOne() {
		long from = neighbourhood("Move From");
		long to = neighbourhood("Move To");
		member(to, "Already There", "PC", null, 1);
		long id = member(from, "Mo Mover", "PC", "42", 1);
		makeNamed(id, LocalDate.now());
		String move = team(from) + "/" + id + "/move";

		Document page = this.editor.page(move);
		assertThat(page.select("main .govuk-warning-text").text()).contains(
				"PC 42 Mo Mover is the named officer for Move From",
				"Move From will have no named officer until you choose another");
		assertThat(page.select("#to option").eachAttr("value")).contains(Long.toString(to))
			.doesNotContain(Long.toString(from));
		String token = StaffBrowser.csrfToken(page, move);
		String version = page.select("input[name=version]").val();

		Document none = StaffBrowser.parse(this.editor.post(move, token, "to", "", "version", version));
		assertThat(none.select(".govuk-error-summary__list a[href=#to]").text())
			.isEqualTo("Select the neighbourhood to move them to");
		Document same = StaffBrowser
			.parse(this.editor.post(move, token, "to", Long.toString(from), "version", version));
		assertThat(same.select(".govuk-error-summary__list a[href=#to]").text())
			.isEqualTo("Select a different neighbourhood from the list");

		HttpResponse<String> response = this.editor.post(move, token, "to", Long.toString(to), "version", version);

		assertThat(response.statusCode()).isEqualTo(303);
		Map<String, Object> row = this.jdbc
			.queryForMap("select neighbourhood_id, named_officer, display_order from team_member where id = ?", id);
		assertThat(row).containsEntry("neighbourhood_id", to)
			.containsEntry("named_officer", false)
			.containsEntry("display_order", 2);
		assertThat(this.jdbc.queryForList(
				"select neighbourhood_id from change_record where subject_type = 'team-member' and subject_id = ? and action like 'change.action.moved-%' order by id",
				Long.class, id))
			.containsExactly(from, to);
		assertThat(this.editor.get("/area/" + slug(from)).body()).doesNotContain("Mo Mover")
			.contains("does not have a named officer");
		assertThat(this.editor.get("/area/" + slug(to)).body()).contains("Mo Mover");

		HttpResponse<String> stale = this.editor.post(team(to) + "/" + id + "/move", token, "to", Long.toString(from),
				"version", version);
		assertThat(StaffBrowser.parse(stale).select(".govuk-error-summary__list").text())
			.contains("Someone else changed PC 42 Mo Mover");
		assertThat(this.jdbc.queryForObject("select neighbourhood_id from team_member where id = ?", Long.class, id))
			.isEqualTo(to);
	}

	@Test
	void removingAMemberAsksFirstAndWarnsAboutTheNamedOfficer() {
		long area = neighbourhood("Remove");
		long id = member(area, "Rae Removed", "PCSO", null, 1);
		makeNamed(id, LocalDate.now());
		String remove = team(area) + "/" + id + "/remove";
		Document page = this.editor.page(remove);
		assertThat(page.select("h1").text())
			.isEqualTo("Are you sure you want to remove PCSO Rae Removed from the team?");
		assertThat(page.select("main .govuk-warning-text").text())
			.contains("Remove will have no named officer until you choose another");
		String token = StaffBrowser.csrfToken(page, remove);

		Document stale = StaffBrowser.parse(this.editor.post(remove, token, "version", "99"));
		assertThat(stale.select(".govuk-error-summary").text()).contains("Someone else changed PCSO Rae Removed");
		assertThat(count("select count(*) from team_member where id = ?", id)).isOne();

		HttpResponse<String> response = this.editor.post(remove, token, "version",
				page.select("input[name=version]").val());

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(count("select count(*) from team_member where id = ?", id)).isZero();
		assertThat(this.jdbc.queryForList(
				"select action from change_record where subject_type = 'team-member' and subject_id = ? and neighbourhood_id = ?",
				String.class, id, area))
			.containsExactly("change.action.removed-from-team");
		assertThat(this.editor.get("/area/" + slug(area)).body()).doesNotContain("Rae Removed");
	}

	// Photos

	@Test
	void aPhotoIsStoredWithoutItsLocationServedForEverAndShownOnThePublicPage() throws Exception {
		long area = neighbourhood("Photo");
		long id = member(area, "Jordan Ellis", "PC", "4127", 1);
		makeNamed(id, LocalDate.now());
		String photo = team(area) + "/" + id + "/photo";
		assertThat(Pages.parse(this.editor.get("/area/" + slug(area)).body()).select(".ya-placeholder-photo"))
			.hasSize(1);

		HttpResponse<String> response = upload(photo, "IMG_0001.JPG", "image/jpeg",
				TestImages.jpegWithExif(1200, 1500, 1), "PC Jordan Ellis, smiling, in uniform", version(id));

		assertThat(response.statusCode()).isEqualTo(303);
		String path = this.jdbc.queryForObject("select photo_path from team_member where id = ?", String.class, id);
		assertThat(path).matches("/photos/[0-9a-f]{64}-160\\.jpg");
		HttpResponse<byte[]> served = fetch(path);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("public")
			.contains("max-age=31536000")
			.contains("immutable");
		assertThat(served.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(served.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(TestImages.contains(served.body(), "Exif".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served.body())).getHeight())
			.isEqualTo(200);
		assertThat(fetch(path.replace("-160.jpg", "-320.jpg")).statusCode()).isEqualTo(200);
		assertThat(fetch(path.replace("-160.jpg", "-999.jpg")).statusCode()).isEqualTo(404);

		Document publicPage = Pages.parse(this.editor.get("/area/" + slug(area)).body());
		Element img = publicPage.selectFirst(".ya-officer img.ya-officer__photo");
		assertThat(img).isNotNull();
		assertThat(img.attr("src")).isEqualTo(path);
		assertThat(img.attr("alt")).isEqualTo("PC Jordan Ellis, smiling, in uniform");
		assertThat(img.attr("srcset")).contains(path.replace("-160.jpg", "-320.jpg") + " 2x");
		assertThat(publicPage.select(".ya-placeholder-photo")).isEmpty();
		Element onThePoster = Pages.parse(this.editor.get("/area/" + slug(area) + "/poster").body())
			.selectFirst(".ya-poster__person img.ya-poster__photo");
		assertThat(onThePoster).isNotNull();
		assertThat(onThePoster.attr("src")).isEqualTo(path);
		assertThat(onThePoster.attr("srcset")).contains(path.replace("-160.jpg", "-320.jpg") + " 2x");
		assertThat(onThePoster.attr("alt")).isEqualTo("PC Jordan Ellis, smiling, in uniform");
		assertThat(this.jdbc.queryForList(
				"select action from change_record where subject_type = 'team-member' and subject_id = ?", String.class,
				id))
			.contains("change.action.photo-added");
	}

	@Test
	void eachBadFileHasItsOwnMessageAndTheDescriptionIsKept() {
		long area = neighbourhood("Bad Photos");
		long id = member(area, "Quinn Bad", "PCSO", null, 1);
		String photo = team(area) + "/" + id + "/photo";
		String alt = "PCSO Quinn Bad, outdoors";
		Map<String, byte[]> files = new java.util.LinkedHashMap<>();
		files.put("The selected file is a GIF: choose a photo that is a JPG or PNG", TestImages.gif(400, 500));
		files.put("The selected file is an SVG drawing: choose a photo that is a JPG or PNG", TestImages.svg());
		files.put(
				"The selected file has something else attached after the photo: save it again as a plain JPG or PNG, then upload that",
				TestImages.jpegWithHtmlAfterTheEnd());
		files.put(
				"The selected file could not be read: it may be damaged or incomplete. Save the photo again, then upload that",
				TestImages.truncated(TestImages.jpeg(400, 500)));
		files.put("The selected file must be smaller than 5 MB", TestImages.bigFile(6 * 1024 * 1024));
		files.put(
				"The photo must be at most 8,000 pixels wide and high, and at most 40 megapixels: make it smaller, then upload it",
				TestImages.pngClaiming(60_000, 60_000));
		files.put("The selected file is empty", new byte[0]);
		files.put("The selected file must be a JPG or PNG", "not a photo".getBytes(StandardCharsets.UTF_8));

		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			HttpResponse<String> response = upload(photo, "photo.jpg", "image/jpeg", file.getValue(), alt, version(id));
			assertThat(response.statusCode()).as(file.getKey()).isEqualTo(200);
			Document page = StaffBrowser.parse(response);
			assertThat(page.title()).startsWith("Error: Photo of");
			assertThat(page.select(".govuk-error-summary__list a[href=#photo]").text()).isEqualTo(file.getKey());
			assertThat(page.select("#photo-error").text()).contains(file.getKey());
			assertThat(page.select("#alt").val()).isEqualTo(alt);
		}
		Document noAlt = StaffBrowser
			.parse(upload(photo, "photo.png", "image/png", TestImages.png(400, 500), " ", version(id)));
		assertThat(noAlt.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"Describe the photo for people who cannot see it, like PC Jordan Ellis, smiling, in uniform");
		Document noFile = StaffBrowser
			.parse(upload(photo, "", "application/octet-stream", new byte[0], alt, version(id)));
		assertThat(noFile.select(".govuk-error-summary__list a").eachText()).containsExactly("Select a photo");
		assertThat(this.jdbc.queryForObject("select photo_path from team_member where id = ?", String.class, id))
			.isNull();
	}

	@Test
	void aPhotoCanBeRedescribedReplacedAndRemovedAndTheOldOneIsDeleted() {
		long area = neighbourhood("Photo Changes");
		long id = member(area, "Lee Photo", "PC", null, 1);
		String photo = team(area) + "/" + id + "/photo";
		assertThat(upload(photo, "a.png", "image/png", TestImages.png(400, 500), "First", version(id)).statusCode())
			.isEqualTo(303);
		String first = this.jdbc.queryForObject("select photo_path from team_member where id = ?", String.class, id);

		assertThat(upload(photo, "", "application/octet-stream", new byte[0], "Second words", version(id)).statusCode())
			.isEqualTo(303);
		assertThat(this.jdbc.queryForMap("select photo_path, photo_alt from team_member where id = ?", id))
			.containsEntry("photo_path", first)
			.containsEntry("photo_alt", "Second words");

		assertThat(upload(photo, "b.jpg", "image/jpeg", TestImages.jpeg(600, 750), "Third", version(id)).statusCode())
			.isEqualTo(303);
		String second = this.jdbc.queryForObject("select photo_path from team_member where id = ?", String.class, id);
		assertThat(second).isNotEqualTo(first);
		assertThat(fetch(first).statusCode()).as("the replaced photo").isEqualTo(404);

		Document page = this.editor.page(photo);
		String remove = photo + "/remove";
		assertThat(page.select("form[action=" + remove + "] button").text()).isEqualTo("Remove photo of PC Lee Photo");
		assertThat(this.editor.post(remove, StaffBrowser.csrfToken(page, remove), "version", version(id)).statusCode())
			.isEqualTo(303);
		assertThat(this.jdbc.queryForMap("select photo_path, photo_alt, photo_id from team_member where id = ?", id))
			.containsEntry("photo_path", null)
			.containsEntry("photo_id", null);
		assertThat(fetch(second).statusCode()).isEqualTo(404);
		assertThat(this.jdbc.queryForList(
				"select action from change_record where subject_type = 'team-member' and subject_id = ? order by id",
				String.class, id))
			.containsExactly("change.action.photo-added", "change.action.photo-description-changed",
					"change.action.photo-replaced", "change.action.photo-removed");
	}

	@Test
	void aPhotoDescribedInWelshTooIsDescribedInWelshOnWelshPagesAndTheEnglishIsMarkedWhereThereIsNone() {
		long area = neighbourhood("Welsh Photos");
		long officer = member(area, "Nia Lun", "PC", "4127", 1);
		long pcso = member(area, "Ed Llun", "PCSO", null, 2);
		makeNamed(officer, LocalDate.now());
		String officerPhoto = team(area) + "/" + officer + "/photo";
		Document form = this.editor.page(officerPhoto);
		assertThat(form.selectFirst("#altCy").attr("lang")).isEqualTo("cy");
		assertThat(this.editor
			.postMultipart(officerPhoto, StaffBrowser.csrfToken(form, officerPhoto), "photo", "a.png", "image/png",
					TestImages.png(400, 500), "alt", "PC Nia Lun, smiling, in uniform", "altCy",
					"PC Nia Lun, yn gwenu, mewn lifrai", "version", version(officer))
			.statusCode()).isEqualTo(303);
		assertThat(upload(team(area) + "/" + pcso + "/photo", "b.png", "image/png", TestImages.png(400, 500),
				"PCSO Ed Llun, outdoors", version(pcso))
			.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForObject("select photo_alt_cy from team_member where id = ?", String.class, officer))
			.isEqualTo("PC Nia Lun, yn gwenu, mewn lifrai");
		assertThat(this.editor.page(team(area)).select("main [lang=cy]").eachText())
			.contains("PC Nia Lun, yn gwenu, mewn lifrai");

		Document welsh = Pages.parse(this.editor.get("/cy/area/" + slug(area)).body());
		Element named = welsh.selectFirst(".ya-officer img");
		assertThat(named.attr("alt")).isEqualTo("PC Nia Lun, yn gwenu, mewn lifrai");
		assertThat(named.hasAttr("lang")).as("in the page's own language, so not marked").isFalse();
		Element rest = welsh.selectFirst(".ya-team-list img");
		assertThat(rest.attr("alt")).isEqualTo("PCSO Ed Llun, outdoors");
		assertThat(rest.attr("lang")).isEqualTo("en");

		Document poster = Pages.parse(this.editor.get("/cy/area/" + slug(area) + "/poster").body());
		assertThat(poster.selectFirst(".ya-poster__photo").attr("alt")).isEqualTo("PC Nia Lun, yn gwenu, mewn lifrai");
		assertThat(poster.selectFirst(".ya-poster__photo").hasAttr("lang")).isFalse();

		Document english = Pages.parse(this.editor.get("/area/" + slug(area)).body());
		assertThat(english.selectFirst(".ya-officer img").attr("alt")).isEqualTo("PC Nia Lun, smiling, in uniform");
		assertThat(english.selectFirst(".ya-officer img").hasAttr("lang")).isFalse();
		assertThat(Pages.parse(this.editor.get("/area/" + slug(area) + "/poster").body())
			.selectFirst(".ya-poster__photo")
			.attr("alt")).isEqualTo("PC Nia Lun, smiling, in uniform");

		// Removing the photo takes both descriptions with it.
		String remove = officerPhoto + "/remove";
		assertThat(this.editor
			.post(remove, StaffBrowser.csrfToken(this.editor.page(officerPhoto), remove), "version", version(officer))
			.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForMap("select photo_alt, photo_alt_cy from team_member where id = ?", officer))
			.containsEntry("photo_alt", null)
			.containsEntry("photo_alt_cy", null);
	}

	@Test
	void aPhotoSavedOverSomeoneElsesChangeShowsTheConflict() {
		long area = neighbourhood("Photo Conflict");
		long id = member(area, "Ray Clash", "PC", null, 1);
		String photo = team(area) + "/" + id + "/photo";
		String opened = version(id);
		this.jdbc.update("update team_member set bio = 'Changed', version = version + 1 where id = ?", id);

		HttpResponse<String> response = upload(photo, "a.png", "image/png", TestImages.png(400, 500), "Mine", opened);

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		assertThat(page.select(".govuk-error-summary__list a[href=#edit-conflict]")).hasSize(1);
		assertThat(page.select(".govuk-error-summary__list a[href=#photo]").text()).isEqualTo("Select the photo again");
		assertThat(page.select("#alt").val()).isEqualTo("Mine");
		assertThat(page.select("input[name=version]").last().val()).isEqualTo(version(id));
		assertThat(this.jdbc.queryForObject("select photo_path from team_member where id = ?", String.class, id))
			.isNull();
	}

	// Who may do it

	@Test
	void officersAndSupervisorsAreRefusedEveryTeamRoute() {
		long area = neighbourhood("Refused");
		long id = member(area, "Fay Refused", "PC", null, 1);
		String base = team(area);
		String member = base + "/" + id;
		for (String email : List.of("officer.wigston@example.org", "sergeant@example.org")) {
			StaffBrowser browser = StaffBrowser.signedIn(this.environment, email, StaffBrowser.DEMO_PASSWORD);
			String token = StaffBrowser.csrfToken(browser.page("/staff"), "/staff/sign-out");
			for (String path : List.of(base, base + "/new", base + "/named-officer", member + "/edit", member + "/move",
					member + "/remove", member + "/photo")) {
				assertThat(browser.get(path).statusCode()).as("GET %s as %s", path, email).isEqualTo(403);
			}
			for (String path : List.of(base + "/new", base + "/named-officer", member + "/edit", member + "/move",
					member + "/remove", member + "/photo", member + "/photo/remove", member + "/move-up",
					member + "/move-down", member + "/confirm")) {
				assertThat(browser
					.post(path, token, "name", "Hacked", "role", "PC", "version", "0", "officer", Long.toString(id),
							"confirmed", "yes")
					.statusCode()).as("POST %s as %s", path, email).isEqualTo(403);
			}
			assertThat(browser
				.postMultipart(member + "/photo", token, "photo", "a.png", "image/png", TestImages.png(400, 500), "alt",
						"x", "version", "0")
				.statusCode()).isEqualTo(403);
		}
		assertThat(this.jdbc.queryForMap("select name, named_officer, photo_path from team_member where id = ?", id))
			.containsEntry("name", "Fay Refused")
			.containsEntry("named_officer", false)
			.containsEntry("photo_path", null);
		assertThat(count("select count(*) from team_member where neighbourhood_id = ?", area)).isOne();
	}

	@Test
	void administratorsMayEditTeamsToo() {
		long area = neighbourhood("Admin Edits");
		StaffBrowser admin = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);

		assertThat(admin.submit(team(area) + "/new", team(area) + "/new", "name", "Ada Admin", "role", "OTHER")
			.statusCode()).isEqualTo(303);
		assertThat(count("select count(*) from team_member where neighbourhood_id = ?", area)).isOne();
	}

	// Helpers

	private HttpResponse<String> upload(String path, String fileName, String contentType, byte[] file, String alt,
			String version) {
		return this.editor.postMultipart(path, token(path, path), "photo", fileName, contentType, file, "alt", alt,
				"version", version);
	}

	private HttpResponse<byte[]> fetch(String path) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).GET().build(),
						HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

	private String token(String page, String action) {
		return StaffBrowser.csrfToken(this.editor.page(page), action);
	}

	private String version(long id) {
		return Long.toString(this.jdbc.queryForObject("select version from team_member where id = ?", Long.class, id));
	}

	private List<String> order(long area) {
		return this.jdbc.queryForList(
				"select name from team_member where neighbourhood_id = ? order by display_order, name", String.class,
				area);
	}

	private int count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Integer.class, args);
	}

	private String slug(long area) {
		return this.jdbc.queryForObject("select slug from neighbourhood where id = ?", String.class, area);
	}

	static String team(long area) {
		return "/staff/neighbourhoods/" + area + "/team";
	}

	/** A neighbourhood of its own for one test, in Wigston's local policing area. */
	long neighbourhood(String name) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Long lpa = this.jdbc.queryForObject("select local_policing_area_id from neighbourhood where code = 'NA54'",
				Long.class);
		long id = this.jdbc.queryForObject("""
				insert into neighbourhood (code, slug, name, local_policing_area_id, phone)
				values (?, ?, ?, ?, '101') returning id""", Long.class, "T" + suffix, "team-test-" + suffix, name, lpa);
		this.created.add(id);
		return id;
	}

	long member(long area, String name, String role, String collar, int order) {
		return this.jdbc.queryForObject("""
				insert into team_member (neighbourhood_id, name, role, collar_number, display_order)
				values (?, ?, ?, ?, ?) returning id""", Long.class, area, name, role, collar, order);
	}

	void makeNamed(long id, LocalDate confirmedOn) {
		this.jdbc.update("update team_member set named_officer = true, name_confirmed_on = ? where id = ?", confirmedOn,
				id);
	}

}
