package uk.yourarea.consultation;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff running consultations over real HTTP: opening one (every bad input, one at a time
 * per neighbourhood), closing early, the results and their CSV, moderating concerns, what
 * the change log records, and who may do what.
 */
@DemoSiteTest
class ConsultationAdminIT {

	static final String PASSWORD = StaffBrowser.DEMO_PASSWORD;

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Site site;

	@Test
	void anOfficerListsTheirNeighbourhoodsConsultationsAndStartsOneFromTheOpenPriorities() {
		StaffBrowser officer = signedIn("officer.wigston@example.org");
		long wigston = neighbourhood("wigston");

		Document list = officer.page(base(wigston));
		assertThat(list.select("#consultations tbody tr")).hasSize(1);
		assertThat(list.select("#consultations .govuk-tag").text()).isEqualTo("Open");
		Pages.assertAccessibleStructure(list);

		Document form = officer.page(base(wigston) + "/new");
		List<String> issues = List.of(form.selectFirst("#issues").wholeText().split("\n"));
		assertThat(issues).containsAll(this.jdbc.queryForList(
				"select issue from priority where neighbourhood_id = ? and status = 'OPEN'", String.class, wigston));
		assertThat(issues).contains("Anti-social behaviour", "Speeding and dangerous driving",
				"Drug dealing and drug use", "Burglary", "Shoplifting", "Vehicle crime");
		assertThat(form.selectFirst("#question").text()).contains("Wigston");
		Pages.assertAccessibleStructure(form);
	}

	@Test
	void onlyOneConsultationCanBeOpenInANeighbourhood() {
		StaffBrowser officer = signedIn("officer.wigston@example.org");
		long wigston = neighbourhood("wigston");
		LocalDate today = today();
		long before = count("select count(*) from consultation where neighbourhood_id = " + wigston);

		HttpResponse<String> response = open(officer, wigston, "Which issues?", "Speeding\nBurglary", today.plusDays(1),
				today.plusDays(10));
		Document page = StaffBrowser.parse(response);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#opensOn-day");
		assertThat(page.select(".govuk-error-summary__list").text()).contains("Wigston already has a consultation from")
			.contains("Only one can be open at a time");
		assertThat(page.selectFirst("#issues").text()).contains("Burglary");
		assertThat(count("select count(*) from consultation where neighbourhood_id = " + wigston)).isEqualTo(before);
	}

	@Test
	void explainsEveryBadInputAndKeepsWhatWasTyped() {
		StaffBrowser editor = signedIn("webeditor@example.org");
		long id = neighbourhood("rutland-south");
		String path = base(id) + "/new";

		Document empty = StaffBrowser.parse(editor.submit(path, path, "question", "", "issues", "", "opensOnDay", "",
				"opensOnMonth", "", "opensOnYear", "", "closesOnDay", "", "closesOnMonth", "", "closesOnYear", ""));
		assertThat(empty.title()).startsWith("Error: ");
		assertThat(empty.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#question",
				"#issues", "#opensOn-day", "#closesOn-day");
		assertThat(empty.select(".govuk-error-summary__list a").eachText()).containsExactly("Enter the question",
				"Enter the issues people can choose from, one on each line", "Enter the opening date",
				"Enter the closing date");
		assertThat(empty.selectFirst("#opensOn-day").hasClass("govuk-input--error")).isTrue();
		Pages.assertAccessibleStructure(empty);

		LocalDate today = today();
		Document wrong = StaffBrowser
			.parse(open(editor, id, "q".repeat(301), "Only one", today.minusDays(1), today.minusDays(2)));
		assertThat(wrong.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"The question must be 300 characters or fewer", "Enter at least 2 issues, one on each line",
				"Opening date must be today or in the future", "Closing date must be today or in the future");
		assertThat(wrong.selectFirst("#opensOn-year").val()).isEqualTo(Integer.toString(today.minusDays(1).getYear()));

		Document sameDay = StaffBrowser.parse(open(editor, id, "Which?", "A\nB", today.plusDays(3), today.plusDays(3)));
		assertThat(sameDay.select(".govuk-error-summary__list a").eachText())
			.containsExactly("Closing date must be after the opening date");

		Document notADate = StaffBrowser
			.parse(editor.submit(path, path, "question", "Which?", "issues", "A\nB", "opensOnDay", "31", "opensOnMonth",
					"2", "opensOnYear", "2027", "closesOnDay", "1", "closesOnMonth", "3", "closesOnYear", "2027"));
		assertThat(notADate.select(".govuk-error-summary__list a").eachText())
			.containsExactly("Opening date must be a real date, like 1 12 2026");
		assertThat(count("select count(*) from consultation where neighbourhood_id = " + id)).isZero();
	}

	@Test
	void aWebEditorOpensAConsultationThatShowsAtOnceAndClosesItEarly() {
		StaffBrowser editor = signedIn("webeditor@example.org");
		long id = neighbourhood("rutland-north");
		LocalDate today = today();
		assertThat(this.site.page("/area/rutland-north").select("#have-your-say")).isEmpty();

		HttpResponse<String> opened = open(editor, id, "What should we tackle first?", "Speeding\nBurglary\nSpeeding",
				today, today.plusDays(14));
		assertThat(opened.statusCode()).isEqualTo(303);
		String results = StaffBrowser.redirectPath(opened);
		long cid = Long.parseLong(results.substring(results.lastIndexOf('/') + 1));
		Document page = StaffBrowser.parse(editor.follow(opened));
		assertThat(page.select(".govuk-notification-banner").text()).contains("Consultation opened");
		assertThat(page.select("#about").text()).contains("What should we tackle first?").contains("Open");
		assertThat(page.select("#issue-counts tbody th").eachText()).as("each issue once")
			.containsExactly("Speeding", "Burglary");
		Pages.assertAccessibleStructure(editor.page(results));
		assertThat(this.jdbc.queryForList("""
				select action from change_record where subject_type = 'consultation' and subject_id = ?""",
				String.class, cid))
			.containsExactly("change.action.opened-consultation");
		assertThat(this.site.page("/area/rutland-north").select("#have-your-say a").attr("href"))
			.as("the Your Area page shows it at once")
			.isEqualTo("/area/rutland-north/have-your-say");

		String close = base(id) + "/" + cid + "/close";
		HttpResponse<String> closed = editor.submit(base(id) + "/" + cid, close);
		assertThat(closed.statusCode()).isEqualTo(303);
		Document after = StaffBrowser.parse(editor.follow(closed));
		assertThat(after.select(".govuk-notification-banner").text()).contains("Consultation closed");
		assertThat(after.select("#about").text()).contains("Closed");
		assertThat(after.select("form[action$=/close]")).isEmpty();
		assertThat(this.jdbc.queryForObject("select closed_early from consultation where id = ?", Boolean.class, cid))
			.isTrue();
		assertThat(this.jdbc.queryForList("""
				select action from change_record where subject_type = 'consultation' and subject_id = ?
				order by id""", String.class, cid)).containsExactly("change.action.opened-consultation",
				"change.action.closed-early");
		Document history = editor.page("/staff/changes/consultation/" + cid);
		assertThat(history.select("#changes h2").eachText()).allMatch((title) -> title.contains("Have your say from"))
			.hasSize(2);
		assertThat(history.select("#changes").text()).contains("Closed early").contains("What should we tackle first?");
		assertThat(this.site.page("/area/rutland-north/have-your-say").select("#no-consultation")).hasSize(1);
		Document area = this.site.page("/area/rutland-north");
		assertThat(area.select("#what-you-told-us").text()).isEqualTo("What you told us");
		assertThat(area.select("section[aria-labelledby=what-you-told-us]").text())
			.contains("0 people answered before the consultation closed");

		HttpResponse<String> twice = editor.post(close, StaffBrowser.csrfToken(page, close));
		assertThat(StaffBrowser.parse(editor.follow(twice)).select(".govuk-notification-banner").text())
			.contains("This consultation was not open, so nothing changed");
	}

	@Test
	void aConsultationScheduledForLaterIsListedAsNotOpenYet() {
		StaffBrowser sergeant = signedIn("sergeant@example.org");
		long oadby = neighbourhood("oadby");
		LocalDate today = today();

		HttpResponse<String> scheduled = open(sergeant, oadby, "Next quarter?", "Speeding\nBurglary",
				today.plusDays(60), today.plusDays(80));

		assertThat(scheduled.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.parse(sergeant.follow(scheduled)).select(".govuk-notification-banner").text())
			.contains("Consultation scheduled to open on");
		assertThat(sergeant.page(base(oadby)).select("#consultations .govuk-tag").eachText()).contains("Not open yet",
				"Closed");
		assertThat(this.site.page("/area/oadby/have-your-say").select("#next-consultation").text())
			.startsWith("The next one opens on");
	}

	@Test
	void resultsCountOnlyConfirmedAnswersSplitByResidentsAndBusinesses() {
		StaffBrowser editor = signedIn("webeditor@example.org");
		long id = neighbourhood("melton-town-north");
		long cid = openWithAnswers(editor, id);

		Document page = editor.page(base(id) + "/" + cid);

		assertThat(page.select("#confirmed").text()).isEqualTo("3 (2 from residents, 1 from businesses)");
		assertThat(page.select("#waiting").text()).startsWith("1");
		Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
		page.select("#issue-counts tbody tr")
			.forEach((row) -> rows.put(row.selectFirst("th").text(), row.select("td").eachText()));
		assertThat(rows).containsEntry("Speeding", List.of("2", "1", "3"))
			.containsEntry("Burglary", List.of("1", "0", "1"))
			.containsEntry("Shoplifting", List.of("0", "0", "0"));
		assertThat(page.select("#concerns li").eachText()).hasSize(2);
		assertThat(page.select("#moderate").text()).isEqualTo("Concerns waiting for a decision (2)");
		assertThat(page.text()).doesNotContain("@example.org");
		Pages.assertAccessibleStructure(page);
	}

	@Test
	void theCsvHasOneRowPerConfirmedAnswerAndNothingPersonal() {
		StaffBrowser editor = signedIn("webeditor@example.org");
		long id = neighbourhood("melton-town-south");
		long cid = openWithAnswers(editor, id);
		long formula = this.jdbc.queryForObject(
				"select id from consultation_response where consultation_id = ? and concern like '=%'", Long.class,
				cid);
		String queue = base(id) + "/" + cid + "/concerns";
		editor.submit(queue, queue + "/" + formula, "decision", "approve", "text",
				"=HYPERLINK(\"http://evil.example\",\"Speeding, daily\")");

		HttpResponse<String> csv = editor.get(base(id) + "/" + cid + "/responses.csv");

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("attachment").contains(".csv"));
		assertThat(csv.headers().firstValue("Cache-Control")).hasValue("no-store");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).isEqualTo(
				"Answer,Confirmed on,Lives or works here,Issues chosen,Speeding,Burglary,Shoplifting,Own concern");
		assertThat(lines).hasSize(4);
		assertThat(csv.body()).doesNotContain("@").doesNotContain("07700");
		assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Speeding, daily\"\")\"");
		assertThat(csv.body()).contains("Speeding; Burglary").contains("(waiting for a decision)");
	}

	@Test
	void aModeratorEditsOutPersonalDetailsBeforeApprovingAndTheOriginalWordsAreNotKept() {
		StaffBrowser officer = signedIn("officer.wigston@example.org");
		long id = neighbourhood("wigston");
		long cid = this.jdbc.queryForObject("""
				select id from consultation where neighbourhood_id = ? and opens_at <= now() and closes_at > now()""",
				Long.class, id);
		long personal = insertResponse(cid, "RESIDENT", true,
				"Call me on 07700 900123: the Smiths at 4 Long Street" + " race cars at night", List.of());
		long offensive = insertResponse(cid, "BUSINESS", true, "Something rude", List.of());
		String queue = base(id) + "/" + cid + "/concerns";

		Document page = officer.page(queue);
		assertThat(page.select("textarea").eachAttr("id")).contains("concern-" + personal, "concern-" + offensive);
		Pages.assertAccessibleStructure(page);

		HttpResponse<String> blank = officer.submit(queue, queue + "/" + personal, "decision", "approve", "text", "  ");
		Document error = StaffBrowser.parse(blank);
		assertThat(error.title()).startsWith("Error: ");
		assertThat(error.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#concern-" + personal);
		assertThat(error.select(".govuk-error-summary__list").text())
			.contains("Enter the concern as it should be shown");
		Pages.assertAccessibleStructure(error);

		HttpResponse<String> approved = officer.submit(queue, queue + "/" + personal, "decision", "approve", "text",
				"Cars race along Long Street at night");
		assertThat(approved.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.parse(officer.follow(approved)).select(".govuk-notification-banner").text())
			.contains("Concern approved");
		Map<String, Object> stored = this.jdbc.queryForMap(
				"select concern, concern_status, concern_edited from consultation_response where id = ?", personal);
		assertThat(stored).containsEntry("concern", "Cars race along Long Street at night")
			.containsEntry("concern_status", "APPROVED")
			.containsEntry("concern_edited", true);

		officer.follow(officer.submit(queue, queue + "/" + offensive, "decision", "reject"));
		assertThat(this.jdbc.queryForObject("select concern_status from consultation_response where id = ?",
				String.class, offensive))
			.isEqualTo("REJECTED");

		List<String> recorded = this.jdbc.queryForList("""
				select concat_ws(' ', f.before_value, array_to_string(f.before_args, ' '), f.after_value,
				                 array_to_string(f.after_args, ' '))
				from change_record r join change_record_field f on f.change_record_id = r.id
				where r.subject_type = 'consultation' and r.subject_id = ?""", String.class, cid);
		assertThat(String.join(" ", recorded)).contains("change.value.shown-as Cars race along Long Street at night")
			.contains("change.value.not-shown")
			.doesNotContain("07700")
			.doesNotContain("Smiths")
			.doesNotContain("rude");
		assertThat(this.jdbc.queryForList(
				"select action from change_record where subject_type = 'consultation' and subject_id = ?", String.class,
				cid))
			.contains("change.action.approved-concern-edited", "change.action.rejected-concern");
		assertThat(officer.page("/staff/changes/consultation/" + cid).select("#changes").text())
			.contains("Approved a concern after editing it")
			.contains("Waiting for a decision Shown as: Cars race along Long Street at night")
			.contains("Rejected a concern");

		String token = StaffBrowser.csrfToken(officer.page("/staff"), "/staff/sign-out");
		HttpResponse<String> late = officer.post(queue + "/" + offensive, token, "decision", "approve", "text",
				"Something rude");
		assertThat(StaffBrowser.parse(officer.follow(late)).select(".govuk-notification-banner").text())
			.contains("Someone else has already decided about that concern");
		assertThat(officer.page(queue).select("textarea#concern-" + personal)).isEmpty();
	}

	@Test
	void anOfficerCannotRunAnotherNeighbourhoodsConsultations() {
		StaffBrowser officer = signedIn("officer.oadby@example.org");
		long wigston = neighbourhood("wigston");
		long cid = this.jdbc.queryForObject("""
				select id from consultation where neighbourhood_id = ? and opens_at <= now() and closes_at > now()""",
				Long.class, wigston);
		String token = StaffBrowser.csrfToken(officer.page("/staff"), "/staff/sign-out");

		for (String path : List.of(base(wigston), base(wigston) + "/new", base(wigston) + "/" + cid,
				base(wigston) + "/" + cid + "/responses.csv", base(wigston) + "/" + cid + "/concerns")) {
			assertThat(officer.get(path).statusCode()).as(path).isEqualTo(404);
		}
		assertThat(officer.post(base(wigston) + "/" + cid + "/close", token).statusCode()).isEqualTo(404);
		assertThat(officer.post(base(wigston) + "/new", token, "question", "Sneaky?", "issues", "A\nB").statusCode())
			.isEqualTo(404);
		assertThat(
				this.jdbc.queryForObject("select closes_at > now() from consultation where id = ?", Boolean.class, cid))
			.isTrue();

		long oadby = neighbourhood("oadby");
		assertThat(officer.get(base(oadby) + "/" + cid).statusCode())
			.as("a consultation of another neighbourhood under one's own")
			.isEqualTo(404);

		HttpResponse<String> anonymous = StaffBrowser.on(this.environment).get(base(wigston) + "/" + cid);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(StaffBrowser.redirectPath(anonymous)).isEqualTo("/staff/sign-in");
	}

	/**
	 * Opens a consultation (Speeding, Burglary, Shoplifting) with three confirmed answers
	 * (two residents, one business), two concerns waiting and one unconfirmed answer.
	 */
	private long openWithAnswers(StaffBrowser editor, long neighbourhoodId) {
		HttpResponse<String> opened = open(editor, neighbourhoodId, "Which?", "Speeding\nBurglary\nShoplifting",
				today(), today().plusDays(20));
		assertThat(opened.statusCode()).isEqualTo(303);
		editor.follow(opened);
		String path = StaffBrowser.redirectPath(opened);
		long cid = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
		List<Long> issues = this.jdbc.queryForList(
				"select id from consultation_issue where consultation_id = ? order by position", Long.class, cid);
		insertResponse(cid, "RESIDENT", true, null, List.of(issues.get(0), issues.get(1)));
		insertResponse(cid, "RESIDENT", true, "=1+1 speeding daily", List.of(issues.get(0)));
		insertResponse(cid, "BUSINESS", true, "Call 07700 900123 about it", List.of(issues.get(0)));
		insertResponse(cid, "RESIDENT", false, null, List.of(issues.get(2)));
		return cid;
	}

	private long insertResponse(long cid, String type, boolean confirmed, String concern, List<Long> issues) {
		Long id = this.jdbc.queryForObject("""
				insert into consultation_response (consultation_id, email, respondent_type, concern, concern_status,
				    submitted_at, confirmed_at, token_hash, token_expires_at, idempotency_key)
				values (?, ?, ?, ?, ?, now(), case when ? then now() end, gen_random_uuid()::text::bytea,
				        now() + interval '7 days', ?) returning id""", Long.class, cid,
				"staff-test-" + UUID.randomUUID() + "@example.org", type, concern, (concern != null) ? "PENDING" : null,
				confirmed, UUID.randomUUID().toString());
		for (Long issue : issues) {
			this.jdbc.update(
					"insert into consultation_response_issue (consultation_response_id, consultation_issue_id) values (?, ?)",
					id, issue);
		}
		return id;
	}

	private HttpResponse<String> open(StaffBrowser browser, long id, String question, String issues, LocalDate opens,
			LocalDate closes) {
		String path = base(id) + "/new";
		return browser.submit(path, path, "question", question, "issues", issues, "opensOnDay",
				Integer.toString(opens.getDayOfMonth()), "opensOnMonth", Integer.toString(opens.getMonthValue()),
				"opensOnYear", Integer.toString(opens.getYear()), "closesOnDay",
				Integer.toString(closes.getDayOfMonth()), "closesOnMonth", Integer.toString(closes.getMonthValue()),
				"closesOnYear", Integer.toString(closes.getYear()));
	}

	private StaffBrowser signedIn(String email) {
		return StaffBrowser.signedIn(this.environment, email, PASSWORD);
	}

	private long neighbourhood(String slug) {
		return this.jdbc.queryForObject("select id from neighbourhood where slug = ?", Long.class, slug);
	}

	private long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

	private static String base(long id) {
		return "/staff/neighbourhoods/" + id + "/consultations";
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/London"));
	}

}
