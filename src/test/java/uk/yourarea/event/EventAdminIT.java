package uk.yourarea.event;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events over real HTTP: adding, changing and cancelling them, each bad input, someone
 * else saving first, who may do what, and what residents see.
 */
@DemoSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventAdminIT {

	private static final ZoneId UK = ZoneId.of("Europe/London");

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Site site;

	@Autowired
	private EventRepository events;

	@Autowired
	private CacheManager caches;

	private StaffBrowser officer;

	private StaffBrowser otherOfficer;

	private StaffBrowser supervisor;

	private StaffBrowser webEditor;

	private long wigston;

	private long oadby;

	/** In another local policing area than the supervisor's. */
	private long loughboroughCentral;

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
		this.loughboroughCentral = idOf("NL62");
	}

	@Test
	void anOfficerAddsAnEventAndResidentsSeeItAtOnce() {
		this.site.page("/area/wigston");
		String title = "Coffee with a cop " + unique();
		LocalDate tomorrow = today().plusDays(1);

		HttpResponse<String> response = this.officer.submit(events(this.wigston) + "/new",
				events(this.wigston) + "/new",
				fields(title, "PUBLIC_MEETING", "Bring your questions, or just say hello.",
						"The Hub, 12 Long Street, Wigston", tomorrow, "6:30pm", "19:45"));

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.redirectPath(response)).isEqualTo(events(this.wigston));
		Document list = StaffBrowser.parse(this.officer.follow(response));
		assertThat(list.select(".govuk-notification-banner--success").text()).contains(title)
			.contains("has been added");
		assertThat(list.select("#upcoming-events").text()).contains(title).contains("6:30pm to 7:45pm");

		Instant startsAt = ZonedDateTime.of(tomorrow, java.time.LocalTime.of(18, 30), UK).toInstant();
		long id = eventId(title);
		assertThat(this.jdbc.queryForObject("select starts_at from event where id = ?", java.sql.Timestamp.class, id)
			.toInstant()).isEqualTo(startsAt);
		Element shown = publicEvent("wigston", title);
		assertThat(shown.text()).contains("Public meeting")
			.contains("The Hub, 12 Long Street, Wigston")
			.contains("6:30pm to 7:45pm")
			.doesNotContain("Cancelled");
		assertThat(changes(id, "change.action.added")).isEqualTo(1);
	}

	@Test
	void showsEveryProblemWithAnEventAndKeepsWhatWasTyped() {
		String form = events(this.wigston) + "/new";

		Document blank = errorPage(this.officer.submit(form, form, "title", "", "description", "", "address", " ",
				"dateDay", "", "dateMonth", "", "dateYear", "", "startTime", "", "endTime", ""));
		assertThat(summary(blank)).containsExactly("Enter a title", "Select the type of event",
				"Enter where the event is", "Enter the date of the event", "Enter the start time",
				"Enter the end time");
		assertThat(blank.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#title", "#type",
				"#address", "#date", "#startTime", "#endTime");
		for (String id : List.of("title", "type", "address", "date", "startTime", "endTime")) {
			assertThat(blank.selectFirst("#" + id)).as(id).isNotNull();
		}

		LocalDate next = today().plusDays(3);
		Document tooLong = errorPage(this.officer.submit(form, form,
				fields("t".repeat(151), "PATCH_WALK", "d".repeat(2001), "a".repeat(301), next, "25:00", "7pm")));
		assertThat(summary(tooLong)).containsExactly("Title must be 150 characters or fewer",
				"Description must be 2,000 characters or fewer", "Address must be 300 characters or fewer",
				"Enter the start time in the correct format, like 6:30pm or 18:30");
		assertThat(tooLong.selectFirst("#startTime").val()).isEqualTo("25:00");
		assertThat(tooLong.selectFirst("#date").val()).isEqualTo(day(next));

		Document notAType = errorPage(
				this.officer.submit(form, form, fields("Walk", "PARTY", "", "Library", next, "10am", "11am")));
		assertThat(summary(notAType)).containsExactly("Select the type of event");
		assertThat(notAType.selectFirst("#title").val()).isEqualTo("Walk");

		Document backwards = errorPage(
				this.officer.submit(form, form, fields("Walk", "PATCH_WALK", "", "Library", next, "7pm", "6:30pm")));
		assertThat(summary(backwards)).containsExactly("End time must be after the start time");
		assertThat(backwards.selectFirst("#type").hasAttr("checked")).isFalse();
		assertThat(backwards.selectFirst("input[name=type][value=PATCH_WALK]").hasAttr("checked")).isTrue();

		Document same = errorPage(
				this.officer.submit(form, form, fields("Walk", "PATCH_WALK", "", "Library", next, "7pm", "19:00")));
		assertThat(summary(same)).containsExactly("End time must be after the start time");

		Document notReal = errorPage(
				this.officer.submit(form, form, "title", "Walk", "type", "PATCH_WALK", "address", "Library", "dateDay",
						"30", "dateMonth", "2", "dateYear", "2027", "startTime", "10am", "endTime", "11am"));
		assertThat(summary(notReal)).containsExactly("Date of the event must be a real date");

		Document noYear = errorPage(this.officer.submit(form, form, "title", "Walk", "type", "PATCH_WALK", "address",
				"Library", "dateDay", "3", "dateMonth", "2", "dateYear", "", "startTime", "10am", "endTime", "11am"));
		assertThat(summary(noYear)).containsExactly("Date of the event must include a year");

		LocalDate yesterday = today().minusDays(1);
		Document past = errorPage(this.officer.submit(form, form,
				fields("Walk", "PATCH_WALK", "", "Library", yesterday, "10am", "11am")));
		assertThat(summary(past)).containsExactly("Date of the event must be today or in the future");

		Document earlierToday = errorPage(
				this.officer.submit(form, form, fields("Walk", "PATCH_WALK", "", "Library", today(), "0:00", "23:59")));
		assertThat(summary(earlierToday)).containsExactly("Start time must be in the future");

		assertThat(this.jdbc.queryForObject("select count(*) from event where title = 'Walk'", Integer.class)).isZero();
	}

	@Test
	void changesAnEventAndShowsWhoSavedFirstWhenSomeoneElseDid() {
		long id = add(this.officer, this.wigston, "Surgery at the library " + unique(), today().plusDays(8));
		String form = events(this.wigston) + "/" + id + "/edit";
		Document opened = this.officer.page(form);
		assertThat(opened.selectFirst("#startTime").val()).isEqualTo("6:30pm");
		assertThat(opened.selectFirst("input[name=type][value=BEAT_SURGERY]").hasAttr("checked")).isTrue();
		String openedVersion = opened.selectFirst("input[name=version]").val();

		Document theirs = this.webEditor.page(form);
		HttpResponse<String> first = this.webEditor.post(form, StaffBrowser.csrfToken(theirs, form),
				fields("Surgery at Wigston library", "BEAT_SURGERY", "", "Wigston library", today().plusDays(8), "6pm",
						"7pm", theirs.selectFirst("input[name=version]").val()));
		assertThat(first.statusCode()).isEqualTo(303);
		this.webEditor.follow(first);

		HttpResponse<String> late = this.officer.post(form, StaffBrowser.csrfToken(opened, form),
				fields("Surgery in the library", "BEAT_SURGERY", "", "Wigston library", today().plusDays(8), "6:30pm",
						"7:30pm", openedVersion));

		assertThat(late.statusCode()).isEqualTo(200);
		Document conflict = StaffBrowser.parse(late);
		assertThat(conflict.title()).startsWith("Error: ");
		assertThat(conflict.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#edit-conflict");
		assertThat(conflict.select("#edit-conflict").text()).contains("Surgery at Wigston library")
			.contains("Surgery in the library")
			.contains("6pm");
		assertThat(conflict.selectFirst("#title").val()).isEqualTo("Surgery in the library");
		String savedVersion = conflict.selectFirst("input[name=version]").val();
		assertThat(savedVersion).isNotEqualTo(openedVersion);
		assertThat(titleOf(id)).isEqualTo("Surgery at Wigston library");

		HttpResponse<String> again = this.officer.post(form, StaffBrowser.csrfToken(conflict, form),
				fields("Surgery in the library", "BEAT_SURGERY", "", "Wigston library", today().plusDays(8), "6:30pm",
						"7:30pm", savedVersion));
		assertThat(again.statusCode()).isEqualTo(303);
		this.officer.follow(again);
		assertThat(titleOf(id)).isEqualTo("Surgery in the library");
		assertThat(publicEvent("wigston", "Surgery in the library").text()).contains("6:30pm to 7:30pm");
		assertThat(changes(id, "change.action.changed")).isEqualTo(2);

		Document bad = errorPage(this.officer.post(form, StaffBrowser.csrfToken(conflict, form),
				fields("", "BEAT_SURGERY", "", "Wigston library", today().plusDays(8), "6:30pm", "5pm",
						this.officer.page(form).selectFirst("input[name=version]").val())));
		assertThat(summary(bad)).containsExactly("Enter a title", "End time must be after the start time");
	}

	@Test
	void aCancelledEventStaysOnThePageMarkedWithTheReason() {
		long id = add(this.officer, this.wigston, "Patch walk in the rain " + unique(), today().plusDays(2));
		String form = events(this.wigston) + "/" + id + "/cancel";
		String title = titleOf(id);

		Document tooLong = errorPage(this.officer.submit(form, form, "reason", "r".repeat(501), "version",
				this.officer.page(form).selectFirst("input[name=version]").val()));
		assertThat(summary(tooLong)).containsExactly("Reason must be 500 characters or fewer");
		assertThat(tooLong.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#reason");

		HttpResponse<String> cancelled = this.officer.submit(form, form, "reason",
				"The officers are needed at the carnival.", "version",
				this.officer.page(form).selectFirst("input[name=version]").val());

		assertThat(cancelled.statusCode()).isEqualTo(303);
		this.officer.follow(cancelled);
		Element shown = publicEvent("wigston", title);
		assertThat(shown.select(".govuk-tag").eachText()).contains("Cancelled");
		assertThat(shown.text()).contains("The officers are needed at the carnival.");
		Document list = this.officer.page(events(this.wigston));
		Element row = list.select("#upcoming-events tbody tr")
			.stream()
			.filter((tr) -> tr.text().contains(title))
			.findFirst()
			.orElseThrow();
		assertThat(row.text()).contains("Cancelled").doesNotContain("Change");
		assertThat(changes(id, "change.action.cancelled")).isEqualTo(1);

		HttpResponse<String> edit = this.officer.get(events(this.wigston) + "/" + id + "/edit");
		assertThat(edit.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.parse(this.officer.follow(edit)).text()).contains("so it cannot be changed");
		HttpResponse<String> cancelAgain = this.officer.get(form);
		assertThat(cancelAgain.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.parse(this.officer.follow(cancelAgain)).text()).contains("so it cannot be changed");
	}

	@Test
	void cancellingWithoutAReasonIsFineButNotAfterSomeoneElseChangedIt() {
		long id = add(this.webEditor, this.loughboroughCentral, "Market day stall " + unique(), today().plusDays(4));
		String form = events(this.loughboroughCentral) + "/" + id + "/cancel";
		Document opened = this.webEditor.page(form);
		String edit = events(this.loughboroughCentral) + "/" + id + "/edit";
		Document editing = this.webEditor.page(edit);
		assertThat(
				this.webEditor
					.post(edit, StaffBrowser.csrfToken(editing, edit),
							fields(titleOf(id), "OTHER", "", "Market Place", today().plusDays(4), "10am", "noon",
									editing.selectFirst("input[name=version]").val()))
					.statusCode())
			.isEqualTo(303);

		HttpResponse<String> late = this.webEditor.post(form, StaffBrowser.csrfToken(opened, form), "reason", "",
				"version", opened.selectFirst("input[name=version]").val());

		assertThat(late.statusCode()).isEqualTo(200);
		Document conflict = StaffBrowser.parse(late);
		assertThat(conflict.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#edit-conflict");
		assertThat(cancelledAt(id)).isNull();

		HttpResponse<String> again = this.webEditor.post(form, StaffBrowser.csrfToken(conflict, form), "reason", "",
				"version", conflict.selectFirst("input[name=version]").val());
		assertThat(again.statusCode()).isEqualTo(303);
		this.webEditor.follow(again);
		assertThat(cancelledAt(id)).isNotNull();
		assertThat(this.jdbc.queryForObject("select cancellation_reason from event where id = ?", String.class, id))
			.isNull();
	}

	@Test
	void pastEventsLeaveThePublicPageButStayOnTheStaffList() {
		long neighbourhood = this.loughboroughCentral;
		String slug = this.jdbc.queryForObject("select slug from neighbourhood where id = ?", String.class,
				neighbourhood);
		Instant now = Instant.now();
		String title = "Last week's surgery " + unique();
		this.events.save(new Event(neighbourhood, title, EventType.BEAT_SURGERY, null, "Town hall",
				now.minusSeconds(7 * 86400), now.minusSeconds(7 * 86400 - 3600), now.minusSeconds(8 * 86400)));
		this.caches.getCache("area-pages").clear();

		Document page = this.site.page("/area/" + slug);

		assertThat(page.select("section:has(h2:containsOwn(Meetings and events))").text()).doesNotContain(title);
		Document list = this.webEditor.page(events(neighbourhood));
		assertThat(list.select("#past-events").text()).contains(title);
		assertThat(list.select("#upcoming-events").text()).doesNotContain(title);
	}

	@Test
	void anOfficerCannotTouchAnotherNeighbourhoodsEvents() {
		long id = add(this.officer, this.wigston, "Bike marking " + unique(), today().plusDays(5));
		for (String path : List.of(events(this.wigston), events(this.wigston) + "/new",
				events(this.wigston) + "/" + id + "/edit", events(this.wigston) + "/" + id + "/cancel")) {
			assertThat(this.otherOfficer.get(path).statusCode()).as(path).isEqualTo(404);
		}
		String token = StaffBrowser.csrfToken(this.otherOfficer.page(events(this.oadby) + "/new"),
				events(this.oadby) + "/new");
		String sneaky = "Sneaky " + unique();
		assertThat(this.otherOfficer
			.post(events(this.wigston) + "/new", token,
					fields(sneaky, "OTHER", "", "Somewhere", today().plusDays(2), "10am", "11am"))
			.statusCode()).isEqualTo(404);
		assertThat(this.otherOfficer
			.post(events(this.wigston) + "/" + id + "/cancel", token, "reason", sneaky, "version", "0")
			.statusCode()).isEqualTo(404);
		assertThat(this.otherOfficer.get(events(this.oadby) + "/" + id + "/edit").statusCode()).isEqualTo(404);
		assertThat(this.otherOfficer
			.post(events(this.oadby) + "/" + id + "/edit", token,
					fields(sneaky, "OTHER", "", "Somewhere", today().plusDays(2), "10am", "11am", "0"))
			.statusCode()).isEqualTo(404);
		assertThat(cancelledAt(id)).isNull();
		assertThat(this.jdbc.queryForObject("select count(*) from event where title = ?", Integer.class, sneaky))
			.isZero();
	}

	@Test
	void aSupervisorEditsTheirLocalPolicingAreaAndAWebEditorEditsEverywhere() {
		long id = add(this.supervisor, this.oadby, "Oadby surgery " + unique(), today().plusDays(6));
		assertThat(this.supervisor.get(events(this.oadby) + "/" + id + "/edit").statusCode()).isEqualTo(200);
		assertThat(this.supervisor.get(events(this.loughboroughCentral)).statusCode()).isEqualTo(404);
		assertThat(this.supervisor.get(events(this.loughboroughCentral) + "/new").statusCode()).isEqualTo(404);
		assertThat(this.webEditor.get(events(this.oadby) + "/" + id + "/edit").statusCode()).isEqualTo(200);
		assertThat(this.webEditor.get(events(this.loughboroughCentral)).statusCode()).isEqualTo(200);
		assertThat(this.webEditor.get(events(this.oadby) + "/999999/edit").statusCode()).isEqualTo(404);

		StaffBrowser anonymous = StaffBrowser.on(this.environment);
		for (String path : List.of(events(this.wigston), events(this.wigston) + "/new")) {
			HttpResponse<String> response = anonymous.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(302);
			assertThat(StaffBrowser.redirectPath(response)).as(path).isEqualTo("/staff/sign-in");
		}
	}

	private long add(StaffBrowser who, long neighbourhoodId, String title, LocalDate on) {
		String form = events(neighbourhoodId) + "/new";
		HttpResponse<String> response = who.submit(form, form,
				fields(title, "BEAT_SURGERY", "Drop in.", "Community centre", on, "6:30pm", "7:30pm"));
		assertThat(response.statusCode()).as("adding " + title).isEqualTo(303);
		who.follow(response);
		return eventId(title);
	}

	static String[] fields(String title, String type, String description, String address, LocalDate date, String start,
			String end, String... version) {
		List<String> fields = new ArrayList<>(List.of("title", title, "type", type, "description", description,
				"address", address, "dateDay", day(date), "dateMonth", month(date), "dateYear", year(date), "startTime",
				start, "endTime", end));
		if (version.length > 0) {
			fields.add("version");
			fields.add(version[0]);
		}
		return fields.toArray(String[]::new);
	}

	private Element publicEvent(String slug, String title) {
		Document page = this.site.page("/area/" + slug);
		return page.select("section:has(h2:containsOwn(Meetings and events)) li.ya-event")
			.stream()
			.filter((element) -> element.selectFirst("h3").text().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError(title + " is not on /area/" + slug));
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

	private int changes(long id, String action) {
		return this.jdbc.queryForObject(
				"select count(*) from change_record where subject_type = 'event' and subject_id = ? and action = ?",
				Integer.class, id, action);
	}

	private long idOf(String code) {
		return this.jdbc.queryForObject("select id from neighbourhood where code = ?", Long.class, code);
	}

	private long eventId(String title) {
		return this.jdbc.queryForObject("select id from event where title = ?", Long.class, title);
	}

	private String titleOf(long id) {
		return this.jdbc.queryForObject("select title from event where id = ?", String.class, id);
	}

	private Object cancelledAt(long id) {
		return this.jdbc.queryForObject("select cancelled_at from event where id = ?", Object.class, id);
	}

	private static String events(long neighbourhoodId) {
		return "/staff/neighbourhoods/" + neighbourhoodId + "/events";
	}

	private static LocalDate today() {
		return LocalDate.now(UK);
	}

	static String day(LocalDate date) {
		return Integer.toString(date.getDayOfMonth());
	}

	static String month(LocalDate date) {
		return Integer.toString(date.getMonthValue());
	}

	static String year(LocalDate date) {
		return Integer.toString(date.getYear());
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}
