package uk.yourarea.event;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
 * Events in Welsh too: the staff form takes the title and description in both languages
 * and keeps both when something is wrong; the Welsh page and calendar feed show the
 * Welsh, or the English marked as English.
 */
@DemoSiteTest
class WelshEventsIT {

	private static final ZoneId UK = ZoneId.of("Europe/London");

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Site site;

	@Test
	void anEventWrittenInWelshShowsInWelshOnWelshPagesAndInTheWelshCalendar() {
		StaffBrowser officer = StaffBrowser.signedIn(this.environment, "officer.wigston@example.org",
				StaffBrowser.DEMO_PASSWORD);
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		String form = "/staff/neighbourhoods/" + wigston + "/events/new";
		String unique = UUID.randomUUID().toString().substring(0, 6);
		String title = "Bike marking " + unique;
		String titleCy = "Marcio beiciau " + unique;
		LocalDate day = LocalDate.now(UK).plusDays(1);
		String[] date = { "dateDay", String.valueOf(day.getDayOfMonth()), "dateMonth",
				String.valueOf(day.getMonthValue()), "dateYear", String.valueOf(day.getYear()) };

		HttpResponse<String> bad = officer.submit(form, form,
				fields(date, "title", title, "titleCy", titleCy, "type", "OTHER", "description", "Bring your bike.",
						"descriptionCy", "d".repeat(2001), "address", "Library, Wigston", "startTime", "10am",
						"endTime", "11am"));
		assertThat(bad.statusCode()).isEqualTo(200);
		Document again = StaffBrowser.parse(bad);
		assertThat(again.select(".govuk-error-summary li").eachText())
			.containsExactly("Description in Welsh must be 2,000 characters or fewer");
		assertThat(again.selectFirst("#titleCy").val()).isEqualTo(titleCy);
		assertThat(again.selectFirst("#titleCy").attr("lang")).isEqualTo("cy");
		assertThat(again.selectFirst("#title").val()).isEqualTo(title);
		assertThat(again.selectFirst("textarea#descriptionCy").text()).isEqualTo("d".repeat(2001));

		HttpResponse<String> added = officer.submit(form, form,
				fields(date, "title", title, "titleCy", titleCy, "type", "OTHER", "description", "Bring your bike.",
						"descriptionCy", "", "address", "Library, Wigston", "startTime", "10am", "endTime", "11am"));
		assertThat(added.statusCode()).isEqualTo(303);
		officer.follow(added);
		assertThat(this.jdbc.queryForObject("select title_cy from event where title = ?", String.class, title))
			.isEqualTo(titleCy);

		Element welsh = event(welsh("/area/wigston"), titleCy);
		assertThat(Pages.languageOf(welsh.selectFirst("h3"))).isEqualTo("cy");
		assertThat(welsh.selectFirst("p[lang=en]").text()).as("no Welsh description: the English, marked")
			.isEqualTo("Bring your bike.");
		Element english = event(this.site.page("/area/wigston"), title);
		assertThat(Pages.languageOf(english.selectFirst("h3"))).startsWith("en");

		HttpResponse<String> calendar = this.site.get("/cy/area/wigston/events.ics");
		assertThat(calendar.body()).contains("SUMMARY:" + titleCy).doesNotContain("SUMMARY:" + title);
		assertThat(this.site.get("/area/wigston/events.ics").body()).contains("SUMMARY:" + title)
			.doesNotContain(titleCy);
	}

	private Document welsh(String path) {
		HttpResponse<String> response = this.site.get("/cy" + path);
		assertThat(response.statusCode()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	private static Element event(Document page, String title) {
		return page.select("li.ya-event")
			.stream()
			.filter((element) -> element.selectFirst("h3").text().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError(title + " is not on the page"));
	}

	private static String[] fields(String[] date, String... more) {
		String[] all = new String[date.length + more.length];
		System.arraycopy(more, 0, all, 0, more.length);
		System.arraycopy(date, 0, all, more.length, date.length);
		return all;
	}

}
