package uk.yourarea.event;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** The public iCalendar feed of a neighbourhood's events, fetched over HTTP. */
@DemoSiteTest
class EventCalendarIT {

	private static final Pattern UID = Pattern.compile("UID:(\\S+)");

	@Autowired
	private Site site;

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void servesTheEventsAsACacheableCalendarWithCrlfLines() {
		HttpResponse<String> response = this.site.get("/area/oadby/events.ics");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type.toLowerCase()).isEqualTo("text/calendar;charset=utf-8"));
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, s-maxage=60");
		assertThat(response.headers().firstValue("ETag")).isPresent();
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		String body = response.body();
		assertThat(body).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		for (String line : body.split("\r\n")) {
			assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		int upcoming = this.jdbc
			.queryForObject("select count(*) from event e join neighbourhood n on n.id = e.neighbourhood_id "
					+ "where n.slug = 'oadby' and e.ends_at > now() - interval '90 days'", Integer.class);
		assertThat(count(body, "BEGIN:VEVENT\r\n")).isEqualTo(upcoming).isPositive();
		assertThat(count(body, "END:VEVENT\r\n")).isEqualTo(upcoming);
		assertThat(body).contains("DTSTART:").contains("DTEND:").contains("DTSTAMP:").contains("SEQUENCE:");
		assertThat(this.site.get("/area/oadby/events.ics").body()).isEqualTo(body);
	}

	@Test
	void keepsEachEventsUidBumpsItsSequenceOnEachChangeAndMarksCancellations() {
		StaffBrowser officer = StaffBrowser.signedIn(this.environment, "officer.oadby@example.org",
				StaffBrowser.DEMO_PASSWORD);
		long oadby = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA55'", Long.class);
		String base = "/staff/neighbourhoods/" + oadby + "/events";
		LocalDate on = LocalDate.now(ZoneId.of("Europe/London")).plusDays(12);
		String title = "Meet, greet; and talk \\ " + UUID.randomUUID().toString().substring(0, 6);
		assertThat(officer
			.submit(base + "/new", base + "/new",
					EventAdminIT.fields(title, "PUBLIC_MEETING", "Line one\nLine two, with a comma", "Oadby library",
							on, "7pm", "8:30pm"))
			.statusCode()).isEqualTo(303);
		long id = this.jdbc.queryForObject("select id from event where title = ?", Long.class, title);

		String before = event(feed(), id);
		assertThat(before).contains("SUMMARY:Meet\\, greet\\; and talk \\\\ ")
			.contains("Line one\\nLine two\\, with a comma")
			.contains("STATUS:CONFIRMED")
			.contains("SEQUENCE:0");

		String edit = base + "/" + id + "/edit";
		Document form = officer.page(edit);
		assertThat(officer
			.post(edit, StaffBrowser.csrfToken(form, edit), EventAdminIT.fields(title, "PUBLIC_MEETING", "",
					"Oadby library", on, "7:30pm", "9pm", form.selectFirst("input[name=version]").val()))
			.statusCode()).isEqualTo(303);
		String changed = event(feed(), id);
		assertThat(uid(changed)).isEqualTo(uid(before));
		assertThat(changed).contains("SEQUENCE:1").contains("STATUS:CONFIRMED");

		String cancel = base + "/" + id + "/cancel";
		assertThat(officer
			.submit(cancel, cancel, "reason", "Room double-booked", "version",
					officer.page(cancel).selectFirst("input[name=version]").val())
			.statusCode()).isEqualTo(303);
		String cancelled = event(feed(), id);
		assertThat(uid(cancelled)).isEqualTo(uid(before));
		assertThat(cancelled).contains("SEQUENCE:2").contains("STATUS:CANCELLED").contains("Room double-booked");
	}

	@Test
	void theYourAreaPageLinksToItsFeed() {
		Document page = this.site.page("/area/oadby");

		assertThat(page.select("section:has(h2:containsOwn(Meetings and events)) a[href=/area/oadby/events.ics]")
			.eachText()).containsExactly("Add these events to your calendar");
	}

	@Test
	void anUnknownNeighbourhoodHasNoFeed() {
		assertThat(this.site.get("/area/nowhere-at-all/events.ics").statusCode()).isEqualTo(404);
	}

	private String feed() {
		HttpResponse<String> response = this.site.get("/area/oadby/events.ics");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** One VEVENT of the feed, unfolded. */
	private static String event(String feed, long id) {
		String unfolded = feed.replace("\r\n ", "");
		return Arrays.stream(unfolded.split("BEGIN:VEVENT\r\n"))
			.filter((event) -> event.contains("UID:event-" + id + "@"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("event " + id + " is not in the feed"));
	}

	private static String uid(String event) {
		Matcher matcher = UID.matcher(event);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private static int count(String text, String part) {
		return List.of(text.split(Pattern.quote(part), -1)).size() - 1;
	}

}
