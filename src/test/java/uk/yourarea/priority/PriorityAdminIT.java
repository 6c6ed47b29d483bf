package uk.yourarea.priority;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;
import uk.yourarea.web.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Priorities over real HTTP: adding one, changing its wording, adding updates and closing
 * it, each bad input, someone else saving first, who may do what, and what residents see.
 */
@DemoSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PriorityAdminIT {

	private static final ZoneId UK = ZoneId.of("Europe/London");

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Site site;

	@Autowired
	private PriorityEditing editing;

	private StaffBrowser officer;

	private StaffBrowser otherOfficer;

	private StaffBrowser supervisor;

	private StaffBrowser webEditor;

	private long wigston;

	private long oadby;

	/** In another local policing area than the supervisor's. */
	private long charnwoodEast;

	@BeforeAll
	void signIn() {
		this.officer = StaffBrowser.signedIn(this.environment, "officer.wigston@example.org",
				StaffBrowser.DEMO_PASSWORD);
		this.otherOfficer = StaffBrowser.signedIn(this.environment, "officer.oadby@example.org",
				StaffBrowser.DEMO_PASSWORD);
		this.supervisor = StaffBrowser.signedIn(this.environment, "sergeant@example.org", StaffBrowser.DEMO_PASSWORD);
		this.webEditor = StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);
		this.wigston = idOf("NA54");
		this.oadby = idOf("NA55");
		this.charnwoodEast = idOf("NL61");
	}

	@Test
	void anOfficerAddsAPriorityToTheirNeighbourhoodAndResidentsSeeItAtOnce() {
		this.site.page("/area/wigston");
		String issue = "Parking on pavements " + unique();
		LocalDate raised = today().minusDays(10);

		HttpResponse<String> response = this.officer.submit(priorities(this.wigston) + "/new",
				priorities(this.wigston) + "/new", "issue", issue, "action",
				"Residents told us at the October meeting; we are ticketing cars on Long Street.", "raisedOnDay",
				day(raised), "raisedOnMonth", month(raised), "raisedOnYear", year(raised), "origin", "PUBLIC_MEETING",
				"originDetail", "The October meeting at Wigston Library");

		assertThat(response.statusCode()).isEqualTo(303);
		long id = priorityId(issue);
		assertThat(StaffBrowser.redirectPath(response)).isEqualTo(priorities(this.wigston) + "/" + id);
		Document page = StaffBrowser.parse(this.officer.follow(response));
		assertThat(page.select(".govuk-notification-banner--success").text()).contains("The priority has been added");
		assertThat(page.selectFirst("h1").text()).isEqualTo(issue);
		assertThat(page.select("#updates li").text()).contains("we are ticketing cars on Long Street");

		Element shown = publicPriority("wigston", issue);
		assertThat(shown.text()).contains("we are ticketing cars on Long Street")
			.contains("Raised on " + PriorityEditing.DAY.format(raised));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from change_record where subject_type = 'priority' and subject_id = ? "
						+ "and action = 'change.action.added' and neighbourhood_id = ?",
				Integer.class, id, this.wigston))
			.isEqualTo(1);
		assertThat(
				StaffBrowser.parse(this.officer.get(priorities(this.wigston))).select("#open-priorities a").eachText())
			.contains(issue);
	}

	@Test
	void showsEveryProblemWithANewPriorityAndKeepsWhatWasTyped() {
		String form = priorities(this.wigston) + "/new";

		Document blank = errorPage(this.officer.submit(form, form, "issue", " ", "action", "", "raisedOnDay", "",
				"raisedOnMonth", "", "raisedOnYear", ""));
		assertThat(summary(blank)).containsExactly("Enter the issue", "Select where this priority came from",
				"Enter why the team chose this priority and what it is doing about it",
				"Enter the date the priority was raised");
		assertThat(blank.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#issue", "#origin",
				"#action", "#raisedOn");

		Document noConsultation = errorPage(this.officer.submit(form, form, "issue", "Noise", "action", "Patrols",
				"raisedOnDay", "1", "raisedOnMonth", "1", "raisedOnYear", "2026", "origin", "CONSULTATION"));
		assertThat(summary(noConsultation)).containsExactly("Select the consultation it came from");
		assertThat(noConsultation.select("input[name=origin][value=CONSULTATION][checked]")).hasSize(1);
		long oadbysConsultation = this.jdbc.queryForObject("""
				select c.id from consultation c join neighbourhood n on n.id = c.neighbourhood_id
				where n.code = 'NA55' order by c.id limit 1""", Long.class);
		Document notOurs = errorPage(this.officer.submit(form, form, "issue", "Noise", "action", "Patrols",
				"raisedOnDay", "1", "raisedOnMonth", "1", "raisedOnYear", "2026", "origin", "CONSULTATION",
				"originConsultationId", Long.toString(oadbysConsultation)));
		assertThat(summary(notOurs)).as("another neighbourhood's consultation")
			.containsExactly("Select the consultation it came from");
		Document noMeeting = errorPage(this.officer.submit(form, form, "issue", "Noise", "action", "Patrols",
				"raisedOnDay", "1", "raisedOnMonth", "1", "raisedOnYear", "2026", "origin", "PUBLIC_MEETING"));
		assertThat(summary(noMeeting))
			.containsExactly("Enter which meeting, for example the beat surgery at Wigston Library on 3 May");
		assertThat(noMeeting.selectFirst("#issue").val()).isEqualTo("Noise");
		assertThat(blank.selectFirst("#raisedOn")).isNotNull();

		String tooLong = "x".repeat(301);
		Document longOnes = errorPage(this.officer.submit(form, form, "issue", tooLong, "action", "y".repeat(3001),
				"raisedOnDay", "1", "raisedOnMonth", "", "raisedOnYear", "2026", "origin", "MESSAGES"));
		assertThat(summary(longOnes)).containsExactly("Issue must be 300 characters or fewer",
				"What we are doing must be 3,000 characters or fewer",
				"Date the priority was raised must include a month");
		assertThat(longOnes.selectFirst("#issue").val()).isEqualTo(tooLong);
		assertThat(longOnes.selectFirst("#raisedOn").val()).isEqualTo("1");
		assertThat(longOnes.selectFirst("#raisedOn-year").val()).isEqualTo("2026");

		Document notReal = errorPage(this.officer.submit(form, form, "issue", "Noise", "action", "Patrols",
				"raisedOnDay", "31", "raisedOnMonth", "2", "raisedOnYear", "2026", "origin", "MESSAGES"));
		assertThat(summary(notReal)).containsExactly("Date the priority was raised must be a real date");
		assertThat(notReal.selectFirst("#action").text()).isEqualTo("Patrols");

		LocalDate tomorrow = today().plusDays(1);
		Document future = errorPage(
				this.officer.submit(form, form, "issue", "Noise", "action", "Patrols", "raisedOnDay", day(tomorrow),
						"raisedOnMonth", month(tomorrow), "raisedOnYear", year(tomorrow), "origin", "MESSAGES"));
		assertThat(summary(future)).containsExactly("Date the priority was raised must be today or in the past");
		assertThat(future.select(".govuk-form-group--error #raisedOn")).hasSize(1);
	}

	@Test
	void showsUpdatesNewestFirstToResidentsAsSoonAsTheyAreAdded() {
		long id = create(this.officer, this.wigston, "Bikes ridden on footpaths " + unique(), "First: we listened.",
				today().minusDays(30));
		this.site.page("/area/wigston");

		addUpdate(this.officer, this.wigston, id, "Second: patrols on Bull Head Street.", today().minusDays(5));
		addUpdate(this.officer, this.wigston, id, "Backdated: a leaflet drop.", today().minusDays(20));
		HttpResponse<String> last = addUpdate(this.officer, this.wigston, id, "Newest: two bikes seized.", today());

		assertThat(last.statusCode()).isEqualTo(303);
		Element shown = publicPriority("wigston", issueOf(id));
		assertThat(shown.select(".ya-priority-update p.ya-pre-wrap").eachText()).containsExactly(
				"Newest: two bikes seized.", "Second: patrols on Bull Head Street.", "Backdated: a leaflet drop.",
				"First: we listened.");
		assertThat(shown.select(".ya-priority-update time").eachAttr("datetime")).containsExactly(today().toString(),
				today().minusDays(5).toString(), today().minusDays(20).toString(), today().minusDays(30).toString());
		assertThat(shown.text()).contains("Last updated on " + PriorityEditing.DAY.format(today()));
		Document staff = this.officer.page(priorities(this.wigston) + "/" + id);
		assertThat(staff.select("#updates li p.ya-pre-wrap").eachText()).first().isEqualTo("Newest: two bikes seized.");
		assertThat(staff.select("#updates li").text()).contains("Written by");
		assertThat(this.jdbc
			.queryForObject("select count(*) from change_record where subject_type = 'priority' and subject_id = ? "
					+ "and action = 'change.action.added-update'", Integer.class, id))
			.isEqualTo(3);
	}

	@Test
	void showsEveryProblemWithAnUpdate() {
		LocalDate raised = today().minusDays(7);
		long id = create(this.officer, this.wigston, "Graffiti " + unique(), "Reported to the council.", raised);
		String form = priorities(this.wigston) + "/" + id + "/updates/new";

		Document prefilled = this.officer.page(form);
		assertThat(prefilled.selectFirst("#writtenOn").val()).isEqualTo(day(today()));
		assertThat(prefilled.selectFirst("#writtenOn-year").val()).isEqualTo(year(today()));

		assertThat(summary(errorPage(this.officer.submit(form, form, "text", "", "writtenOnDay", "", "writtenOnMonth",
				"", "writtenOnYear", ""))))
			.containsExactly("Enter what the team has done or is doing", "Enter the date of the update");
		assertThat(summary(errorPage(this.officer.submit(form, form, "text", "z".repeat(3001), "writtenOnDay", "1",
				"writtenOnMonth", "1", "writtenOnYear", ""))))
			.containsExactly("Update must be 3,000 characters or fewer", "Date of the update must include a year");
		LocalDate before = raised.minusDays(1);
		assertThat(summary(errorPage(this.officer.submit(form, form, "text", "Cleaned", "writtenOnDay", day(before),
				"writtenOnMonth", month(before), "writtenOnYear", year(before)))))
			.containsExactly("Date of the update must be on or after " + PriorityEditing.DAY.format(raised)
					+ ", when the priority was raised");
		LocalDate tomorrow = today().plusDays(1);
		Document future = errorPage(this.officer.submit(form, form, "text", "Cleaned", "writtenOnDay", day(tomorrow),
				"writtenOnMonth", month(tomorrow), "writtenOnYear", year(tomorrow)));
		assertThat(summary(future)).containsExactly("Date of the update must be today or in the past");
		assertThat(future.selectFirst("#text").text()).isEqualTo("Cleaned");
		assertThat(summary(errorPage(this.officer.submit(form, form, "text", "Cleaned", "writtenOnDay", "32",
				"writtenOnMonth", "1", "writtenOnYear", "2026"))))
			.containsExactly("Date of the update must be a real date");
		assertThat(this.jdbc.queryForObject("select count(*) from priority_update where priority_id = ?", Integer.class,
				id))
			.isEqualTo(1);
	}

	@Test
	void changesTheWordingAndShowsWhoSavedFirstWhenSomeoneElseDid() {
		long id = create(this.officer, this.wigston, "Drug dealing near the park " + unique(), "Patrols.",
				today().minusDays(3));
		String form = priorities(this.wigston) + "/" + id + "/edit";
		Document opened = this.officer.page(form);
		String openedVersion = opened.selectFirst("input[name=version]").val();

		HttpResponse<String> first = this.webEditor.submit(form, form, "issue", "Drug dealing near Peace Park",
				"version", this.webEditor.page(form).selectFirst("input[name=version]").val());
		assertThat(first.statusCode()).isEqualTo(303);
		this.webEditor.follow(first);

		HttpResponse<String> late = this.officer.post(form, StaffBrowser.csrfToken(opened, form), "issue",
				"Drug dealing near the Paddock Street park", "version", openedVersion);

		assertThat(late.statusCode()).isEqualTo(200);
		Document conflict = StaffBrowser.parse(late);
		assertThat(conflict.title()).startsWith("Error: ");
		assertThat(conflict.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#edit-conflict");
		assertThat(conflict.select(".govuk-error-summary").text()).contains(nameOf("webeditor@example.org"));
		assertThat(conflict.select("#edit-conflict td").eachText()).contains("Drug dealing near Peace Park",
				"Drug dealing near the Paddock Street park");
		assertThat(conflict.selectFirst("#issue").val()).isEqualTo("Drug dealing near the Paddock Street park");
		String savedVersion = conflict.selectFirst("input[name=version]").val();
		assertThat(savedVersion).isNotEqualTo(openedVersion);
		assertThat(issueOf(id)).isEqualTo("Drug dealing near Peace Park");

		HttpResponse<String> again = this.officer.post(form, StaffBrowser.csrfToken(conflict, form), "issue",
				"Drug dealing near the Paddock Street park", "version", savedVersion);
		assertThat(again.statusCode()).isEqualTo(303);
		this.officer.follow(again);
		assertThat(issueOf(id)).isEqualTo("Drug dealing near the Paddock Street park");
		assertThat(publicPriority("wigston", "Drug dealing near the Paddock Street park")).isNotNull();

		Document blank = errorPage(this.officer.submit(form, form, "issue", "", "version", savedVersion));
		assertThat(summary(blank)).containsExactly("Enter the issue");
	}

	@Test
	void closingNeedsAnOutcomeThenMovesThePriorityToWhatWeHaveDone() {
		long id = create(this.webEditor, this.charnwoodEast, "Litter in Thurmaston park " + unique(),
				"Litter picks with residents.", today().minusDays(60));
		String form = priorities(this.charnwoodEast) + "/" + id + "/close";
		String slug = this.jdbc.queryForObject("select slug from neighbourhood where id = ?", String.class,
				this.charnwoodEast);

		Document without = errorPage(this.webEditor.submit(form, form, "outcome", "  ", "version",
				this.webEditor.page(form).selectFirst("input[name=version]").val()));
		assertThat(summary(without)).containsExactly("Enter the outcome: what changed because of this priority");
		assertThat(without.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#outcome");
		Document tooLong = errorPage(this.webEditor.submit(form, form, "outcome", "o".repeat(3001), "version",
				this.webEditor.page(form).selectFirst("input[name=version]").val()));
		assertThat(summary(tooLong)).containsExactly("Outcome must be 3,000 characters or fewer");
		assertThat(statusOf(id)).isEqualTo("OPEN");

		HttpResponse<String> closed = this.webEditor.submit(form, form, "outcome",
				"Four new bins; the park is now cleaner.", "version",
				this.webEditor.page(form).selectFirst("input[name=version]").val());

		assertThat(closed.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.parse(this.webEditor.follow(closed)).text()).contains("The priority has been closed");
		assertThat(statusOf(id)).isEqualTo("CLOSED");
		Document page = this.site.page("/area/" + slug);
		Element current = page.selectFirst("section:has(h2:containsOwn(Local priorities))");
		assertThat(current.select("h3").eachText()).doesNotContain(issueOf(id));
		Element done = page.selectFirst("section:has(h2:containsOwn(What we have done))");
		assertThat(done).isNotNull();
		Element item = done.select(".ya-priority")
			.stream()
			.filter((element) -> element.selectFirst("h3").text().equals(issueOf(id)))
			.findFirst()
			.orElseThrow();
		assertThat(item.text()).contains("Four new bins; the park is now cleaner.")
			.contains("Closed on " + PriorityEditing.DAY.format(today()));
		Document list = this.webEditor.page(priorities(this.charnwoodEast));
		assertThat(list.select("#closed-priorities").text()).contains(issueOf(id)).contains("Four new bins");

		HttpResponse<String> update = this.webEditor.get(priorities(this.charnwoodEast) + "/" + id + "/updates/new");
		assertThat(update.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.parse(this.webEditor.follow(update)).text()).contains("so it cannot be changed");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from change_record where subject_type = 'priority' and subject_id = ? and action = 'change.action.closed'",
				Integer.class, id))
			.isEqualTo(1);
	}

	@Test
	void closingAfterSomeoneElseChangedThePriorityShowsTheirChangeFirst() {
		long id = create(this.webEditor, this.charnwoodEast, "Shoplifting " + unique(), "Shop visits.",
				today().minusDays(2));
		String close = priorities(this.charnwoodEast) + "/" + id + "/close";
		Document opened = this.webEditor.page(close);
		String edit = priorities(this.charnwoodEast) + "/" + id + "/edit";
		HttpResponse<String> reworded = this.webEditor.submit(edit, edit, "issue", "Shoplifting on Melton Road",
				"version", this.webEditor.page(edit).selectFirst("input[name=version]").val());
		assertThat(reworded.statusCode()).isEqualTo(303);
		this.webEditor.follow(reworded);

		HttpResponse<String> late = this.webEditor.post(close, StaffBrowser.csrfToken(opened, close), "outcome",
				"Fewer thefts", "version", opened.selectFirst("input[name=version]").val());

		assertThat(late.statusCode()).isEqualTo(200);
		Document conflict = StaffBrowser.parse(late);
		assertThat(conflict.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#edit-conflict");
		assertThat(conflict.selectFirst("#outcome").text()).isEqualTo("Fewer thefts");
		assertThat(statusOf(id)).isEqualTo("OPEN");
	}

	@Test
	void anOfficerCannotTouchAnotherNeighbourhoodsPriorities() {
		long id = create(this.officer, this.wigston, "Anti-social behaviour " + unique(), "Patrols.", today());
		for (String path : List.of(priorities(this.wigston), priorities(this.wigston) + "/new",
				priorities(this.wigston) + "/" + id, priorities(this.wigston) + "/" + id + "/edit",
				priorities(this.wigston) + "/" + id + "/updates/new", priorities(this.wigston) + "/" + id + "/close")) {
			assertThat(this.otherOfficer.get(path).statusCode()).as(path).isEqualTo(404);
		}
		String token = StaffBrowser.csrfToken(this.otherOfficer.page(priorities(this.oadby) + "/new"),
				priorities(this.oadby) + "/new");
		String sneaky = "Sneaky " + unique();
		assertThat(this.otherOfficer
			.post(priorities(this.wigston) + "/new", token, "issue", sneaky, "action", "x", "raisedOnDay", day(today()),
					"raisedOnMonth", month(today()), "raisedOnYear", year(today()))
			.statusCode()).isEqualTo(404);
		assertThat(this.otherOfficer
			.post(priorities(this.wigston) + "/" + id + "/updates/new", token, "text", sneaky, "writtenOnDay",
					day(today()), "writtenOnMonth", month(today()), "writtenOnYear", year(today()))
			.statusCode()).isEqualTo(404);
		assertThat(this.otherOfficer
			.post(priorities(this.wigston) + "/" + id + "/close", token, "outcome", sneaky, "version", "0")
			.statusCode()).isEqualTo(404);
		// Their own neighbourhood in the address does not reach another's priority.
		assertThat(this.otherOfficer.get(priorities(this.oadby) + "/" + id + "/edit").statusCode()).isEqualTo(404);
		assertThat(this.otherOfficer
			.post(priorities(this.oadby) + "/" + id + "/close", token, "outcome", sneaky, "version", "0")
			.statusCode()).isEqualTo(404);
		assertThat(statusOf(id)).isEqualTo("OPEN");
		assertThat(
				this.jdbc.queryForObject("select count(*) from priority_update where text = ?", Integer.class, sneaky))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from priority where issue = ?", Integer.class, sneaky))
			.isZero();
	}

	@Test
	void theServiceItselfAnswersAnotherNeighbourhoodAsNotFoundWhoeverCallsIt() {
		StaffUser officer = ActingAs.demo(this.jdbc, "officer.wigston@example.org");
		String sneaky = "Service-level " + unique();
		try (ActingAs acting = ActingAs.staff(officer)) {
			assertThat(this.editing.all(this.wigston)).as("their own neighbourhood").isNotNull();
			assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.editing.all(this.oadby));
			assertThatExceptionOfType(NotFoundException.class)
				.isThrownBy(() -> this.editing.create(officer, this.oadby, new PriorityEditing.Wording(sneaky, null),
						new PriorityEditing.Wording("x", null), today(), Priority.Origin.OTHER, null, "x", null));
		}
		assertThatThrownBy(() -> this.editing.all(this.wigston))
			.as("no one signed in: a job or a new page that forgot to ask")
			.hasRootCauseInstanceOf(AuthenticationCredentialsNotFoundException.class);
		assertThat(this.jdbc.queryForObject("select count(*) from priority where issue = ?", Integer.class, sneaky))
			.isZero();
	}

	@Test
	void aSupervisorEditsTheirLocalPolicingAreaAndAWebEditorEditsEverywhere() {
		long oadbyPriority = create(this.supervisor, this.oadby, "Cold callers " + unique(), "Advice stalls.",
				today().minusDays(1));
		assertThat(addUpdate(this.supervisor, this.oadby, oadbyPriority, "Trading standards joined us.", today())
			.statusCode()).isEqualTo(303);
		assertThat(this.supervisor.get(priorities(this.charnwoodEast)).statusCode()).isEqualTo(404);
		assertThat(this.supervisor.get(priorities(this.charnwoodEast) + "/new").statusCode()).isEqualTo(404);

		assertThat(this.webEditor.get(priorities(this.oadby) + "/" + oadbyPriority).statusCode()).isEqualTo(200);
		assertThat(addUpdate(this.webEditor, this.oadby, oadbyPriority, "A web editor's update.", today()).statusCode())
			.isEqualTo(303);
		assertThat(this.webEditor.get(priorities(this.charnwoodEast)).statusCode()).isEqualTo(200);
		assertThat(this.webEditor.get(priorities(999_999)).statusCode()).isEqualTo(404);
		assertThat(this.webEditor.get(priorities(this.oadby) + "/999999").statusCode()).isEqualTo(404);
	}

	@Test
	void someoneNotSignedInIsSentToSignIn() {
		StaffBrowser anonymous = StaffBrowser.on(this.environment);
		for (String path : List.of(priorities(this.wigston), priorities(this.wigston) + "/new")) {
			HttpResponse<String> response = anonymous.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(StaffBrowser.redirectPath(response)).as(path).isEqualTo("/staff/sign-in");
		}
	}

	@Test
	void flagsOpenPrioritiesWithNoUpdateForThreeMonths() {
		Long withStale = this.jdbc.queryForObject("""
				select neighbourhood_id from priority
				where status = 'OPEN' and updated_on < current_date - interval '3 months'
				order by neighbourhood_id limit 1""", Long.class);
		int stale = this.jdbc.queryForObject("""
				select count(*) from priority
				where neighbourhood_id = ? and status = 'OPEN' and updated_on < current_date - interval '3 months'""",
				Integer.class, withStale);
		int open = this.jdbc.queryForObject(
				"select count(*) from priority where neighbourhood_id = ? and status = 'OPEN'", Integer.class,
				withStale);

		Document list = this.webEditor.page(priorities(withStale));

		assertThat(list.select("#open-priorities tbody tr")).hasSize(open);
		assertThat(list.select("#open-priorities .govuk-tag:containsOwn(No update for 3 months)")).hasSize(stale);
	}

	private long create(StaffBrowser who, long neighbourhoodId, String issue, String action, LocalDate raised) {
		String form = priorities(neighbourhoodId) + "/new";
		HttpResponse<String> response = who.submit(form, form, "issue", issue, "action", action, "raisedOnDay",
				day(raised), "raisedOnMonth", month(raised), "raisedOnYear", year(raised), "origin", "MESSAGES");
		assertThat(response.statusCode()).as("adding " + issue).isEqualTo(303);
		who.follow(response);
		return priorityId(issue);
	}

	private HttpResponse<String> addUpdate(StaffBrowser who, long neighbourhoodId, long id, String text, LocalDate on) {
		String form = priorities(neighbourhoodId) + "/" + id + "/updates/new";
		HttpResponse<String> response = who.submit(form, form, "text", text, "writtenOnDay", day(on), "writtenOnMonth",
				month(on), "writtenOnYear", year(on));
		if (response.statusCode() == 303) {
			who.follow(response);
		}
		return response;
	}

	private Element publicPriority(String slug, String issue) {
		Document page = this.site.page("/area/" + slug);
		return page.select("section:has(h2:containsOwn(Local priorities)) .ya-priority")
			.stream()
			.filter((element) -> element.selectFirst("h3").text().equals(issue))
			.findFirst()
			.orElseThrow(() -> new AssertionError(issue + " is not on /area/" + slug));
	}

	private static Document errorPage(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		assertThat(page.title()).startsWith("Error: ");
		return page;
	}

	private static List<String> summary(Document page) {
		return page.select(".govuk-error-summary li").eachText();
	}

	private long idOf(String code) {
		return this.jdbc.queryForObject("select id from neighbourhood where code = ?", Long.class, code);
	}

	private long priorityId(String issue) {
		return this.jdbc.queryForObject("select id from priority where issue = ?", Long.class, issue);
	}

	private String issueOf(long id) {
		return this.jdbc.queryForObject("select issue from priority where id = ?", String.class, id);
	}

	private String statusOf(long id) {
		return this.jdbc.queryForObject("select status from priority where id = ?", String.class, id);
	}

	private String nameOf(String email) {
		return this.jdbc.queryForObject("select name from staff_account where email = ?", String.class, email);
	}

	private static String priorities(long neighbourhoodId) {
		return "/staff/neighbourhoods/" + neighbourhoodId + "/priorities";
	}

	private static LocalDate today() {
		return LocalDate.now(UK);
	}

	private static String day(LocalDate date) {
		return Integer.toString(date.getDayOfMonth());
	}

	private static String month(LocalDate date) {
		return Integer.toString(date.getMonthValue());
	}

	private static String year(LocalDate date) {
		return Integer.toString(date.getYear());
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}
