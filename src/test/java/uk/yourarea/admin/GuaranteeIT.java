package uk.yourarea.admin;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Guarantee compliance view over real HTTP on the demo data, whose deliberate gaps
 * (three neighbourhoods with no named officer, stale confirmations, stale priorities)
 * must show, each with a link to the page that fixes it.
 */
@DemoSiteTest
class GuaranteeIT {

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void showsForceWideTotalsFromTheData() {
		Document page = webEditor().page("/staff/guarantee");

		Pages.assertAccessibleStructure(page);
		int neighbourhoods = count("select count(*) from neighbourhood where retired_on is null");
		int named = count("select count(*) from team_member t join neighbourhood n on n.id = t.neighbourhood_id "
				+ "where t.named_officer and t.role in ('PC', 'PCSO') and n.retired_on is null");
		assertThat(page.select("#totals li").eachText()).contains(
				named + " of " + neighbourhoods + " neighbourhoods have a named officer (a PC or PCSO)", neighbourhoods
						+ " of " + neighbourhoods + " neighbourhoods can be contacted online, with someone to answer");
		assertThat(named).isLessThan(neighbourhoods);
		assertThat(page.select("#guarantee tbody tr")).hasSize(neighbourhoods);
	}

	@Test
	void theDemoDatasDeliberateGapsShowWithLinksToWhereTheyAreFixed() {
		Document page = webEditor().page("/staff/guarantee");

		for (String code : List.of("NC66", "NH24", "NR37")) {
			Element cell = cell(page, code, "NAMED_OFFICER");
			assertThat(cell.select(".govuk-tag").text()).as(code).isEqualTo("Not met");
			assertThat(cell.text()).contains("No named officer");
			assertThat(cell.select("a").attr("href")).isEqualTo("/staff/neighbourhoods/" + id(code) + "/team");
		}
		List<String> staleConfirmations = this.jdbc.queryForList("""
				select n.code from neighbourhood n join team_member t on t.neighbourhood_id = n.id and t.named_officer
				where t.name_confirmed_on < current_date - interval '6 months'""", String.class);
		assertThat(staleConfirmations).as("demo named officers with stale confirmations")
			.hasSizeGreaterThanOrEqualTo(2);
		for (String code : staleConfirmations) {
			assertThat(cell(page, code, "CONFIRMED").text()).as(code).startsWith("Not met Last confirmed on");
		}
		List<String> stalePriorities = this.jdbc.queryForList("""
				select distinct n.code from neighbourhood n join priority p on p.neighbourhood_id = n.id
				where p.status = 'OPEN' and p.updated_on < current_date - interval '3 months'""", String.class);
		assertThat(stalePriorities).as("demo neighbourhoods with stale priorities").isNotEmpty();
		for (String code : stalePriorities) {
			Element cell = cell(page, code, "PRIORITIES");
			assertThat(cell.select(".govuk-tag").text()).as(code).isEqualTo("Not met");
			assertThat(cell.select("a").attr("href")).isEqualTo("/staff/neighbourhoods/" + id(code) + "/priorities");
		}
		assertThat(cell(page, "NA54", "NAMED_OFFICER").select(".govuk-tag").text()).isEqualTo("Met");
	}

	@Test
	void aLateReplyIsAShortfallButWebEditorsGetNoLinkToMessagesTheyCannotRead() {
		long neighbourhood = id("NL60");
		Instant received = Instant.now().minus(Duration.ofDays(5));
		this.jdbc.update("""
				insert into contact_message (reference, neighbourhood_id, sender_name, sender_email, preferred_contact,
				    sender_type, topic, body, status, received_at, clock_started_at, due_at, due_explanation,
				    first_answered_at, answered_at, idempotency_key)
				values ('YA-GUAR-LATE', ?, 'Test Resident', 'resident@example.org', 'EMAIL', 'RESIDENT',
				    'GENERAL_ENQUIRY', 'Hello', 'ANSWERED', ?, ?, ?, '72 hours', ?, ?, 'guarantee-late-reply-test')
				""", neighbourhood, Timestamp.from(received), Timestamp.from(received),
				Timestamp.from(received.plus(Duration.ofHours(72))),
				Timestamp.from(received.plus(Duration.ofHours(96))),
				Timestamp.from(received.plus(Duration.ofHours(96))));
		try {
			Element cell = cell(webEditor().page("/staff/guarantee"), "NL60", "REPLIES");
			assertThat(cell.text()).isEqualTo("Not met 0 of 1 on time (0%)");
			assertThat(cell.select("a")).isEmpty();

			Element asAdmin = cell(signedIn("admin@example.org").page("/staff/guarantee"), "NL60", "REPLIES");
			assertThat(asAdmin.select("a").attr("href")).isEqualTo("/staff/inbox?neighbourhood=" + neighbourhood);
		}
		finally {
			this.jdbc.update("delete from contact_message where reference = 'YA-GUAR-LATE'");
		}
	}

	@Test
	void supervisorsSeeEveryNeighbourhoodButLinksOnlyToWhatTheyMayFix() {
		Document page = signedIn("sergeant@example.org").page("/staff/guarantee");

		assertThat(page.select("#guarantee tbody tr"))
			.hasSize(count("select count(*) from neighbourhood where retired_on is null"));
		assertThat(cell(page, "NC66", "NAMED_OFFICER").select("a")).as("supervisors do not edit teams").isEmpty();
		List<String> ownArea = this.jdbc.queryForList(
				"""
						select '/staff/neighbourhoods/' || id || '/priorities' from neighbourhood
						where local_policing_area_id = (select local_policing_area_id from neighbourhood where code = 'NA54')""",
				String.class);
		assertThat(page.select("#guarantee a[href$=/priorities]").eachAttr("href")).isNotEmpty()
			.allSatisfy((href) -> assertThat(href).isIn(ownArea));
	}

	@Test
	void filtersByLocalPolicingAreaAndToShortfallsOnly() {
		long area = this.jdbc.queryForObject("select local_policing_area_id from neighbourhood where code = 'NC66'",
				Long.class);
		int inArea = count(
				"select count(*) from neighbourhood where retired_on is null and local_policing_area_id = " + area);

		Document page = webEditor().page("/staff/guarantee?area=" + area);

		assertThat(page.select("#guarantee tbody tr")).hasSize(inArea);
		assertThat(page.select("#area option[selected]").attr("value")).isEqualTo(Long.toString(area));
		assertThat(page.select("#totals li").first().text())
			.endsWith(" of " + inArea + " neighbourhoods have a named " + "officer (a PC or PCSO)");
		assertThat(page.select("#csv").attr("href")).isEqualTo("/staff/guarantee/guarantee.csv?area=" + area);

		Document shortfalls = webEditor().page("/staff/guarantee?show=shortfalls");
		assertThat(shortfalls.select("#guarantee tbody tr")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.select(".govuk-tag").eachText()).contains("Not met"));
		assertThat(shortfalls.select("#guarantee tbody tr#neighbourhood-NC66")).hasSize(1);
	}

	@Test
	void downloadsTheFiguresAsCsv() {
		HttpResponse<String> response = webEditor().get("/staff/guarantee/guarantee.csv");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("attachment; filename=\"neighbourhood-policing-guarantee-");
		List<String> lines = response.body().lines().toList();
		assertThat(lines.get(0)).startsWith("Code,Neighbourhood,Local policing area,Named officer,");
		assertThat(lines).hasSize(1 + count("select count(*) from neighbourhood where retired_on is null"));
		assertThat(lines).filteredOn((line) -> line.startsWith("NC66,"))
			.singleElement()
			.satisfies((line) -> assertThat(line.split(",")[5]).isEqualTo("no"));
	}

	@Test
	void officersCannotSeeTheView() {
		assertThat(signedIn("officer.wigston@example.org").get("/staff/guarantee").statusCode()).isEqualTo(403);
		assertThat(signedIn("officer.wigston@example.org").get("/staff/guarantee/guarantee.csv").statusCode())
			.isEqualTo(403);
	}

	private Element cell(Document page, String code, String measure) {
		Element row = page.selectFirst("#neighbourhood-" + code);
		assertThat(row).as("row for " + code).isNotNull();
		return row.selectFirst("td[data-measure=" + measure + "]");
	}

	private StaffBrowser webEditor() {
		return signedIn("webeditor@example.org");
	}

	private StaffBrowser signedIn(String email) {
		return StaffBrowser.signedIn(this.environment, email, StaffBrowser.DEMO_PASSWORD);
	}

	private long id(String code) {
		return this.jdbc.queryForObject("select id from neighbourhood where code = ?", Long.class, code);
	}

	private int count(String sql) {
		return this.jdbc.queryForObject(sql, Integer.class);
	}

}
