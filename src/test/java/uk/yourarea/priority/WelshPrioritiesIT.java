package uk.yourarea.priority;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Priorities in Welsh too (the demo site offers Welsh): the staff forms take English and
 * Welsh side by side, keep both when something is wrong, record Welsh changes, and a
 * Welsh page shows the Welsh, or the English marked {@code lang="en"} where there is
 * none.
 */
@DemoSiteTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WelshPrioritiesIT {

	private static final ZoneId UK = ZoneId.of("Europe/London");

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Site site;

	private StaffBrowser officer;

	private long wigston;

	@BeforeAll
	void signIn() {
		this.officer = StaffBrowser.signedIn(this.environment, "officer.wigston@example.org",
				StaffBrowser.DEMO_PASSWORD);
		this.wigston = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
	}

	@Test
	void theFormsShowEnglishAndWelshSideBySide() {
		Document form = this.officer.page(priorities() + "/new");

		Element issue = form.selectFirst("fieldset:has(#issue)");
		assertThat(issue.selectFirst("legend").text()).isEqualTo("Issue");
		assertThat(issue.select(".govuk-grid-column-one-half label").eachText()).containsExactly("English", "Cymraeg");
		assertThat(issue.selectFirst("#issueCy").attr("lang")).isEqualTo("cy");
		assertThat(form.selectFirst("textarea#actionCy").attr("lang")).isEqualTo("cy");
	}

	@Test
	void aPriorityWrittenInWelshShowsInWelshOnWelshPagesAndInEnglishOnEnglishOnes() {
		String issue = "Parking on verges " + unique();
		String issueCy = "Parcio ar ymylon glaswellt " + unique();
		LocalDate raised = today().minusDays(3);
		String form = priorities() + "/new";

		HttpResponse<String> added = this.officer.submit(form, form, "issue", issue, "issueCy", issueCy, "action",
				"We are ticketing cars on the verges.", "actionCy", "Rydym yn rhoi tocynnau i geir ar yr ymylon.",
				"raisedOnDay", day(raised), "raisedOnMonth", month(raised), "raisedOnYear", year(raised), "origin",
				"MESSAGES");

		assertThat(added.statusCode()).isEqualTo(303);
		long id = this.jdbc.queryForObject("select id from priority where issue = ?", Long.class, issue);
		assertThat(this.jdbc.queryForObject("select issue_cy from priority where id = ?", String.class, id))
			.isEqualTo(issueCy);
		Document staffPage = StaffBrowser.parse(this.officer.follow(added));
		assertThat(staffPage.select("#priority-details dd[lang=cy]").text()).isEqualTo(issueCy);
		assertThat(staffPage.select("#updates [lang=cy]").text())
			.isEqualTo("Rydym yn rhoi tocynnau i geir ar yr ymylon.");
		assertThat(this.jdbc.queryForObject("""
				select count(*) from change_record r join change_record_field f on f.change_record_id = r.id
				where r.subject_type = 'priority' and r.subject_id = ? and f.field = 'change.field.issue-welsh'
				  and f.after_value = ?""", Integer.class, id, issueCy)).as("the change record has the Welsh")
			.isEqualTo(1);

		Element welsh = priority(welshPage(), issueCy);
		assertThat(Pages.languageOf(welsh.selectFirst("h3"))).isEqualTo("cy");
		assertThat(Pages.textsIn(welsh.select(".ya-priority-update .ya-pre-wrap"), "cy"))
			.contains("Rydym yn rhoi tocynnau i geir ar yr ymylon.");
		Element english = priority(this.site.page("/area/wigston"), issue);
		assertThat(Pages.languageOf(english.selectFirst("h3"))).startsWith("en");
		assertThat(english.text()).contains("We are ticketing cars on the verges.").doesNotContain("Rydym");
	}

	@Test
	void withoutWelshAWelshPageShowsTheEnglishMarkedAsEnglish() {
		String issue = "Dog fouling on the rec " + unique();
		LocalDate raised = today().minusDays(2);
		String form = priorities() + "/new";
		HttpResponse<String> added = this.officer.submit(form, form, "issue", issue, "issueCy", "  ", "action",
				"Bins and patrols.", "actionCy", "", "raisedOnDay", day(raised), "raisedOnMonth", month(raised),
				"raisedOnYear", year(raised), "origin", "MESSAGES");
		assertThat(added.statusCode()).isEqualTo(303);
		this.officer.follow(added);
		assertThat(this.jdbc.queryForObject("select issue_cy from priority where issue = ?", String.class, issue))
			.isNull();

		Element shown = priority(welshPage(), issue);

		assertThat(shown.selectFirst("h3").attr("lang")).isEqualTo("en");
		assertThat(shown.select(".ya-priority-update p[lang=en]").eachText()).contains("Bins and patrols.");
	}

	@Test
	void badInputComesBackWithBothLanguagesAsTyped() {
		String form = priorities() + "/new";
		String longWelsh = "a".repeat(3001);

		HttpResponse<String> response = this.officer.submit(form, form, "issue", " ", "issueCy", "Sbwriel", "action",
				"Litter picks.", "actionCy", longWelsh, "raisedOnDay", "", "raisedOnMonth", "", "raisedOnYear", "",
				"origin", "MESSAGES");

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".govuk-error-summary li").eachText()).contains("Enter the issue",
				"What we are doing in Welsh must be 3,000 characters or fewer");
		assertThat(page.selectFirst(".govuk-error-summary a[href=#actionCy]")).isNotNull();
		assertThat(page.selectFirst("#issueCy").val()).isEqualTo("Sbwriel");
		assertThat(page.selectFirst("#action").text()).isEqualTo("Litter picks.");
		assertThat(page.selectFirst("textarea#actionCy").text()).isEqualTo(longWelsh);
		assertThat(page.selectFirst("#actionCy-error").text()).contains("3,000 characters");
	}

	@Test
	void welshUpdatesRewordingAndOutcomeAreSavedAndShown() {
		String issue = "Noisy motorbikes " + unique();
		LocalDate raised = today().minusDays(5);
		String form = priorities() + "/new";
		this.officer.follow(this.officer.submit(form, form, "issue", issue, "action", "Patrols.", "raisedOnDay",
				day(raised), "raisedOnMonth", month(raised), "raisedOnYear", year(raised), "origin", "MESSAGES"));
		long id = this.jdbc.queryForObject("select id from priority where issue = ?", Long.class, issue);
		String base = priorities() + "/" + id;
		LocalDate today = today();

		assertThat(this.officer
			.submit(base + "/updates/new", base + "/updates/new", "text", "Two bikes seized.", "textCy",
					"Cafodd dau feic eu cymryd.", "writtenOnDay", day(today), "writtenOnMonth", month(today),
					"writtenOnYear", year(today))
			.statusCode()).isEqualTo(303);
		String issueCy = "Beiciau modur swnllyd " + unique();
		Document edit = this.officer.page(base + "/edit");
		assertThat(edit.selectFirst("#issueCy").val()).isEmpty();
		assertThat(this.officer
			.post(base + "/edit", StaffBrowser.csrfToken(edit, base + "/edit"), "version",
					edit.selectFirst("input[name=version]").val(), "issue", issue, "issueCy", issueCy)
			.statusCode()).isEqualTo(303);
		assertThat(this.officer.page(base + "/edit").selectFirst("#issueCy").val()).isEqualTo(issueCy);

		Element welsh = priority(welshPage(), issueCy);
		assertThat(Pages.textsIn(welsh.select(".ya-priority-update .ya-pre-wrap"), "cy"))
			.contains("Cafodd dau feic eu cymryd.");
		assertThat(welsh.select(".ya-priority-update [lang=en]").eachText()).as("the first entry has no Welsh")
			.contains("Patrols.");

		Document close = this.officer.page(base + "/close");
		assertThat(this.officer
			.post(base + "/close", StaffBrowser.csrfToken(close, base + "/close"), "version",
					close.selectFirst("input[name=version]").val(), "outcome", "No more complaints.", "outcomeCy",
					"Dim rhagor o gwynion.")
			.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForObject("select outcome_cy from priority where id = ?", String.class, id))
			.isEqualTo("Dim rhagor o gwynion.");
		Element done = priority(welshPage(), issueCy);
		assertThat(Pages.languageOf(done.selectFirst(".ya-outcome"))).isEqualTo("cy");
		assertThat(done.selectFirst(".ya-outcome").text()).isEqualTo("Dim rhagor o gwynion.");
	}

	private Document welshPage() {
		HttpResponse<String> response = this.site.get("/cy/area/wigston");
		assertThat(response.statusCode()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static Element priority(Document page, String issue) {
		return page.select(".ya-priority")
			.stream()
			.filter((element) -> element.selectFirst("h3").text().equals(issue))
			.findFirst()
			.orElseThrow(() -> new AssertionError(issue + " is not on the page"));
	}

	private String priorities() {
		return "/staff/neighbourhoods/" + this.wigston + "/priorities";
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
