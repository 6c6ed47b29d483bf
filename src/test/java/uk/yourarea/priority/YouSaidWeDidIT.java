package uk.yourarea.priority;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A priority that came from Oadby's closed Have your say consultation: the team adds it
 * from the results page, updates it and closes it, and its public timeline reads "You
 * said" (the consultation), "We did" (the updates), then the outcome.
 */
@DemoSiteTest
class YouSaidWeDidIT {

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Site site;

	private final String issue = "Shop thefts on The Parade " + System.nanoTime();

	@AfterEach
	void removeIt() {
		this.jdbc.update("delete from priority where issue = ?", this.issue);
	}

	@Test
	void aPriorityFromAConsultationReadsAsYouSaidWeDidThroughToItsOutcome() {
		long oadby = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA55'", Long.class);
		long consultation = this.jdbc.queryForObject("""
				select id from consultation where neighbourhood_id = ? and closes_at <= now()
				order by closes_at desc limit 1""", Long.class, oadby);
		String question = this.jdbc.queryForObject("select question from consultation where id = ?", String.class,
				consultation);
		StaffBrowser officer = StaffBrowser.signedIn(this.environment, "officer.oadby@example.org",
				StaffBrowser.DEMO_PASSWORD);
		String base = "/staff/neighbourhoods/" + oadby + "/priorities";

		Document results = officer.page("/staff/neighbourhoods/" + oadby + "/consultations/" + consultation);
		String from = results.select("#new-priority").attr("href");
		assertThat(from).isEqualTo(base + "/new?consultation=" + consultation);
		Document form = officer.page(from);
		assertThat(form.select("input[name=origin][value=CONSULTATION][checked]")).hasSize(1);
		assertThat(form.select("#originConsultationId option[selected]").attr("value"))
			.isEqualTo(Long.toString(consultation));

		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		HttpResponse<String> added = officer.submit(from, base + "/new", "issue", this.issue, "origin", "CONSULTATION",
				"originConsultationId", Long.toString(consultation), "originDetail", "", "action",
				"It was the issue most of you chose. We are patrolling The Parade at closing time.", "raisedOnDay",
				Integer.toString(today.getDayOfMonth()), "raisedOnMonth", Integer.toString(today.getMonthValue()),
				"raisedOnYear", Integer.toString(today.getYear()));
		assertThat(added.statusCode()).isEqualTo(303);
		String priority = StaffBrowser.redirectPath(added);
		officer.follow(added);

		Element open = timeline("oadby", "#priorities");
		assertThat(open.select("h4").eachText()).containsExactly("You said", "We did");
		assertThat(open.selectFirst(".ya-you-said").text())
			.startsWith("You chose it in our Have your say consultation that closed on ")
			.contains("where we asked: " + question);

		String update = priority + "/updates/new";
		assertThat(officer
			.submit(update, update, "text", "Two arrests and a shop watch scheme started.", "writtenOnDay",
					Integer.toString(today.getDayOfMonth()), "writtenOnMonth", Integer.toString(today.getMonthValue()),
					"writtenOnYear", Integer.toString(today.getYear()))
			.statusCode()).isEqualTo(303);
		String close = priority + "/close";
		Document closing = officer.page(close);
		assertThat(officer
			.post(close, StaffBrowser.csrfToken(closing, close), "outcome", "Thefts reported fell by half.", "version",
					closing.select("input[name=version]").val())
			.statusCode()).isEqualTo(303);

		Element done = timeline("oadby", "#what-we-have-done");
		assertThat(done.select("h4").eachText()).containsExactly("You said", "We did", "Outcome");
		assertThat(done.select(".ya-priority-update").eachText()).hasSize(2)
			.first()
			.asString()
			.contains("Two arrests and a shop watch scheme started.");
		assertThat(done.selectFirst(".ya-outcome").text()).isEqualTo("Thefts reported fell by half.");
	}

	private Element timeline(String slug, String section) {
		Document page = this.site.page("/area/" + slug);
		Element found = page.select(section)
			.first()
			.parent()
			.select(".ya-priority:has(h3:containsOwn(" + this.issue + "))")
			.first();
		assertThat(found).as(this.issue + " in " + section).isNotNull();
		return found;
	}

}
