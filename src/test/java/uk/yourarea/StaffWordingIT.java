package uk.yourarea;

import java.net.http.HttpResponse;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff pages take their words from staff.properties (spring.messages.basename names
 * both bundles): every staff page of the inbox, accounts, Guarantee, coverage, change
 * history and consultations shows its English, and none shows the code of a message it
 * could not find ({@code ??security.home.heading_en_GB??}).
 */
@DemoSiteTest
class StaffWordingIT {

	@Autowired
	private Environment environment;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void theSignInPageShowsItsWords() {
		Document page = Jsoup.parse(StaffBrowser.on(this.environment).get("/staff/sign-in").body());

		assertThat(page.select("h1").text()).isEqualTo("Sign in");
		assertThat(page.select("main").text()).contains("For staff of the force only.",
				"ask an administrator to set you a temporary password.");
		assertThat(page.select("label[for=email]").text()).isEqualTo("Email address");
		assertThat(page.title()).startsWith("Sign in – ").contains(" staff – ");
		assertThat(page.text()).doesNotContain("??");
	}

	@Test
	void everyStaffPageOfAnAdministratorShowsItsWords() {
		StaffBrowser admin = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
		long neighbourhood = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		long account = this.jdbc
			.queryForObject("select id from staff_account where email = 'officer.oadby@example.org'", Long.class);
		List<String> paths = List.of("/staff", "/staff/inbox", "/staff/supervisor", "/staff/admin/accounts",
				"/staff/admin/accounts/new", "/staff/admin/accounts/" + account,
				"/staff/admin/accounts/" + account + "/edit",
				"/staff/admin/accounts/" + account + "/temporary-password", "/staff/guarantee", "/staff/coverage",
				"/staff/coverage/postcodes", "/staff/coverage/boundaries", "/staff/coverage/overrides",
				"/staff/coverage/wards", "/staff/neighbourhoods/" + neighbourhood + "/coverage",
				"/staff/neighbourhoods/" + neighbourhood + "/consultations",
				"/staff/neighbourhoods/" + neighbourhood + "/consultations/new",
				"/staff/changes/neighbourhood-page/" + neighbourhood, "/staff/change-password", "/staff/second-factor");
		for (String path : paths) {
			HttpResponse<String> response = admin.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			Document page = Jsoup.parse(response.body());
			assertThat(page.text()).as(path).doesNotContain("??");
			assertThat(page.select("header").text()).as(path).contains("Signed in as", "Sign out", "Staff accounts");
			assertThat(page.title()).as(path).contains(" staff – ");
		}

		Document home = admin.page("/staff");
		assertThat(home.select("h1").text()).isEqualTo("What do you want to do?");
		assertThat(home.select("#staff-tasks").text()).contains("Read and answer residents' messages.",
				"Upload postcodes and boundaries, and choose which neighbourhood each postcode belongs to.");
		assertThat(admin.page("/staff/admin/accounts/" + account).select("#account-details").text())
			.contains("Email address", "Roles", "Officer", "Local policing areas", "Neighbourhoods", "Status");
		assertThat(admin.page("/staff/admin/accounts/new").select("main").text()).contains("Roles",
				"Reads and answers messages for the neighbourhoods they belong to", "Temporary password");
		assertThat(admin.page("/staff/coverage").select("#force-summary").text())
			.contains("Live postcodes in the force area", "Given to a neighbourhood by hand");
		assertThat(admin.page("/staff/neighbourhoods/" + neighbourhood + "/consultations/new").select("main").text())
			.contains("Start a consultation", "Issues people can choose from", "Opening date", "Day", "Month", "Year");
	}

	@Test
	void everyEditingPageOfAWebEditorShowsItsWords() {
		StaffBrowser editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org",
				StaffBrowser.DEMO_PASSWORD);
		long neighbourhood = this.jdbc.queryForObject("select id from neighbourhood where code = 'NA54'", Long.class);
		long area = this.jdbc.queryForObject("select local_policing_area_id from neighbourhood where id = ?",
				Long.class, neighbourhood);
		long priority = this.jdbc.queryForObject(
				"select min(id) from priority where neighbourhood_id = ? and status = 'OPEN'", Long.class,
				neighbourhood);
		long event = this.jdbc.queryForObject(
				"select min(id) from event where neighbourhood_id = ? and cancelled_at is null and starts_at > now()",
				Long.class, neighbourhood);
		long station = this.jdbc.queryForObject(
				"select min(station_id) from station_neighbourhood where neighbourhood_id = ?", Long.class,
				neighbourhood);
		long member = this.jdbc.queryForObject("select min(id) from team_member where neighbourhood_id = ?", Long.class,
				neighbourhood);
		long alert = this.jdbc.queryForObject("select min(id) from alert", Long.class);
		String base = "/staff/neighbourhoods/" + neighbourhood;
		List<String> paths = List.of("/staff/neighbourhoods", "/staff/neighbourhoods/new", base, base + "/edit",
				base + "/retire", "/staff/local-policing-areas", "/staff/local-policing-areas/new",
				"/staff/local-policing-areas/" + area + "/edit", base + "/priorities", base + "/priorities/new",
				base + "/priorities/" + priority, base + "/priorities/" + priority + "/edit",
				base + "/priorities/" + priority + "/updates/new", base + "/priorities/" + priority + "/close",
				base + "/events", base + "/events/new", base + "/events/" + event + "/edit",
				base + "/events/" + event + "/cancel", "/staff/stations", "/staff/stations/new",
				"/staff/stations/" + station, "/staff/stations/" + station + "/edit",
				"/staff/stations/" + station + "/hours", "/staff/stations/" + station + "/exceptions/new",
				"/staff/stations/" + station + "/remove", base + "/team", base + "/team/new",
				base + "/team/" + member + "/edit", base + "/team/" + member + "/move",
				base + "/team/" + member + "/remove", base + "/team/" + member + "/photo", base + "/team/named-officer",
				"/staff/alerts", "/staff/alerts/new", "/staff/alerts/" + alert, "/staff/alerts/subscribers");
		for (String path : paths) {
			HttpResponse<String> response = editor.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			Document page = Jsoup.parse(response.body());
			assertThat(page.text()).as(path).doesNotContain("??");
			assertThat(page.title()).as(path).contains(" staff – ");
		}

		assertThat(editor.page(base).select("main").text()).contains("Poster for noticeboards");
		assertThat(editor.page("/staff/alerts").select("table .govuk-tag").eachText()).isNotEmpty()
			.allMatch((status) -> List.of("Draft", "Waiting for approval", "Scheduled", "Sending", "Sent", "Cancelled")
				.contains(status));
	}

}
