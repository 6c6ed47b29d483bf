package uk.yourarea.station;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web editor keeps stations and hubs up to date over real HTTP, and residents see each
 * change on the Your Area pages at once. The stations here are the test's own, serving
 * Uppingham and Burbage, which no other test asserts on.
 */
@DemoSiteTest
class StationAdminIT {

	static final String NEW = "/staff/stations/new";

	@Autowired
	Environment environment;

	@Autowired
	NeighbourhoodDirectory neighbourhoods;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	StaffBrowser editor;

	NeighbourhoodSummary uppingham;

	NeighbourhoodSummary burbage;

	@BeforeEach
	void signInAsAWebEditor() {
		this.editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);
		this.uppingham = this.neighbourhoods.byCode("NR38").orElseThrow();
		this.burbage = this.neighbourhoods.byCode("NH28").orElseThrow();
	}

	@Test
	void listsEveryStationAndHubWithWhatItIsAndWhereItServes() {
		Document page = this.editor.page("/staff/stations");

		Pages.assertAccessibleStructure(page);
		assertThat(page.select("h1").text()).isEqualTo("Stations and community hubs");
		assertThat(page.select("#stations tbody tr").eachText())
			.anySatisfy((row) -> assertThat(row).startsWith("Wigston Police Station")
				.contains("Police station")
				.contains("Yes")
				.contains("Oadby")
				.contains("Wigston"))
			.anySatisfy((row) -> assertThat(row).contains("Community hub").contains(" No "));
		assertThat(page.select("#stations tbody a").eachAttr("href"))
			.allMatch((href) -> href.matches("/staff/stations/\\d+"));
		assertThat(page.select("a[href=/staff/stations/new]").text()).isEqualTo("Add a station or hub");
	}

	@Test
	void addsAStationWithANormalisedPostcodeAndShowsItOnThePagesItServes() {
		String name = "Uppingham Hub " + UUID.randomUUID().toString().substring(0, 8);
		Document before = publicPage("uppingham");
		assertThat(before.text()).doesNotContain(name);

		HttpResponse<String> response = this.editor.submit(NEW, NEW, "name", "  " + name + " ", "kind", "HUB",
				"address", "1 Market Place, Uppingham", "postcode", "le159qh", "frontCounter", "no", "neighbourhoodIds",
				String.valueOf(this.uppingham.id()));

		assertThat(response.statusCode()).isEqualTo(303);
		String path = StaffBrowser.redirectPath(response);
		assertThat(path).matches("/staff/stations/\\d+");
		Document station = StaffBrowser.parse(this.editor.follow(response));
		assertThat(station.select(".govuk-notification-banner").text()).contains(name + " has been added");
		Pages.assertAccessibleStructure(this.editor.page(path));
		assertThat(station.select("h1").text()).isEqualTo(name);
		assertThat(station.select("#station-details").text()).contains("LE15 9QH")
			.contains("1 Market Place, Uppingham")
			.contains("Front counter open to the public No")
			.contains("Uppingham");
		assertThat(station.select("#station-hours").text()).contains("Monday Closed");

		Element shown = stationOn(publicPage("uppingham"), name);
		assertThat(shown.text()).contains("Community hub").contains("1 Market Place, Uppingham, LE15 9QH");
		assertThat(shown.select("strong").text()).isEqualTo("Closed today");
		assertThat(shown.text()).doesNotContain("front counter");

		Document history = this.editor.page("/staff/changes/station/" + idOf(path));
		assertThat(history.text()).contains("Added").contains(name).contains("Web Editor");
	}

	@Test
	void showsEveryProblemWithANewStationAndKeepsWhatWasTyped() {
		HttpResponse<String> response = this.editor.submit(NEW, NEW, "name", "", "address", "  ", "postcode", "");

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		Pages.assertAccessibleStructure(page);
		assertThat(page.title()).startsWith("Error: Add a station or hub");
		assertThat(summary(page)).containsExactly("#name Enter the name of the station or hub",
				"#kind Select whether it is a police station or a community hub", "#address Enter the address",
				"#postcode Enter the postcode", "#frontCounter Select whether the front counter is open to the public",
				"#neighbourhoodIds Select at least one neighbourhood the station or hub serves");
		assertThat(page.select("#neighbourhoodIds-error").text())
			.contains("Select at least one neighbourhood the station or hub serves");
		assertThat(page.select("input#neighbourhoodIds")).hasSize(1);

		response = this.editor.submit(NEW, NEW, "name", "x".repeat(151), "kind", "PRISON", "address", "High Street",
				"postcode", "LE15 XYZ", "frontCounter", "maybe", "neighbourhoodIds", "999999999", "neighbourhoodIds",
				String.valueOf(this.burbage.id()));

		page = StaffBrowser.parse(response);
		assertThat(summary(page)).containsExactly("#name Name must be 150 characters or fewer",
				"#kind Select whether it is a police station or a community hub",
				"#postcode Enter a real postcode, like LE18 1PA",
				"#frontCounter Select whether the front counter is open to the public",
				"#neighbourhoodIds Select neighbourhoods from the list");
		assertThat(page.select("#name").val()).hasSize(151);
		assertThat(page.select("#address").val()).isEqualTo("High Street");
		assertThat(page.select("#postcode").val()).isEqualTo("LE15 XYZ");
		assertThat(page.select("#postcode").hasClass("govuk-input--error")).isTrue();
		assertThat(page.select("input[name=neighbourhoodIds][checked]").eachAttr("value"))
			.containsExactly(String.valueOf(this.burbage.id()));

		response = this.editor.submit(NEW, NEW, "name", "Burbage Hub", "kind", "HUB", "address", "High Street",
				"postcode", "LE1", "frontCounter", "yes", "neighbourhoodIds", String.valueOf(this.burbage.id()));
		page = StaffBrowser.parse(response);
		assertThat(summary(page)).containsExactly("#postcode Enter a real postcode, like LE18 1PA");
		assertThat(page.select("input[name=kind][checked]").val()).isEqualTo("HUB");
		assertThat(page.select("input[name=frontCounter][checked]").val()).isEqualTo("yes");
	}

	@Test
	void changesTheDetailsAndTheServedNeighbourhoodsAndThePublicPagesShowItAtOnce() {
		String name = addStation(this.uppingham);
		long id = idOfStation(name);
		assertThat(stationOn(publicPage("uppingham"), name)).isNotNull();
		assertThat(publicPage("burbage").text()).doesNotContain(name);

		String edit = "/staff/stations/" + id + "/edit";
		Document form = this.editor.page(edit);
		Pages.assertAccessibleStructure(form);
		assertThat(form.select("#name").val()).isEqualTo(name);
		assertThat(form.select("input[name=version]").val()).isEqualTo("0");
		HttpResponse<String> response = this.editor.post(edit, StaffBrowser.csrfToken(form, edit), "version", "0",
				"name", name + " Station", "kind", "STATION", "address", "2 High Street East", "postcode", "LE10 1AA",
				"frontCounter", "yes", "neighbourhoodIds", String.valueOf(this.burbage.id()));

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.redirectPath(response)).isEqualTo("/staff/stations/" + id);
		assertThat(publicPage("uppingham").text()).doesNotContain(name);
		Element shown = stationOn(publicPage("burbage"), name + " Station");
		assertThat(shown.text()).contains("Police station, with a front counter")
			.contains("2 High Street East, LE10 1AA");
		Document history = this.editor.page("/staff/changes/station/" + id);
		assertThat(history.text()).contains("Changed details").contains("Neighbourhoods served").contains("Burbage");
	}

	@Test
	void whenSomeoneElseSavedFirstTheFormIsShownAgainWithBothVersions() {
		String name = addStation(this.uppingham);
		long id = idOfStation(name);
		String edit = "/staff/stations/" + id + "/edit";
		StaffBrowser other = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
		Document mine = this.editor.page(edit);
		Document theirs = other.page(edit);
		assertThat(other
			.post(edit, StaffBrowser.csrfToken(theirs, edit), "version", "0", "name", name, "kind", "HUB", "address",
					"Their address", "postcode", "LE15 9QH", "frontCounter", "no", "neighbourhoodIds",
					String.valueOf(this.uppingham.id()))
			.statusCode()).isEqualTo(303);

		HttpResponse<String> response = this.editor.post(edit, StaffBrowser.csrfToken(mine, edit), "version", "0",
				"name", name, "kind", "HUB", "address", "My address", "postcode", "LE15 9QH", "frontCounter", "no",
				"neighbourhoodIds", String.valueOf(this.uppingham.id()));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		Pages.assertAccessibleStructure(page);
		assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#edit-conflict");
		assertThat(page.select("#edit-conflict").text()).contains("Administrator")
			.contains("Their address")
			.contains("My address");
		assertThat(page.select("#address").val()).isEqualTo("My address");
		assertThat(page.select("input[name=version]").val()).isEqualTo("1");
		assertThat(this.jdbc.queryForObject("select address from station where id = ?", String.class, id))
			.isEqualTo("Their address");

		response = this.editor.post(edit, StaffBrowser.csrfToken(page, edit), "version", "1", "name", name, "kind",
				"HUB", "address", "My address", "postcode", "LE15 9QH", "frontCounter", "no", "neighbourhoodIds",
				String.valueOf(this.uppingham.id()));
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForObject("select address from station where id = ?", String.class, id))
			.isEqualTo("My address");
	}

	@Test
	void setsTheUsualWeekWithABreakAndThePublicPageShowsIt() {
		String name = addStation(this.uppingham);
		long id = idOfStation(name);
		publicPage("uppingham");
		String hours = "/staff/stations/" + id + "/hours";
		Document form = this.editor.page(hours);
		Pages.assertAccessibleStructure(form);
		assertThat(form.select("fieldset legend").eachText()).containsExactly("Monday", "Tuesday", "Wednesday",
				"Thursday", "Friday", "Saturday", "Sunday");

		HttpResponse<String> response = this.editor.post(hours, StaffBrowser.csrfToken(form, hours),
				week("version", "0", "days[0].opens", "9am", "days[0].closes", "12:30pm", "days[0].opensAgain",
						"1:30pm", "days[0].closesAgain", "5pm", "days[1].opens", "09:00", "days[1].closes", "17:00",
						"days[2].opens", "9:00", "days[2].closes", "5:30pm", "days[5].opens", "10am", "days[5].closes",
						"midday"));

		assertThat(response.statusCode()).isEqualTo(303);
		Document station = StaffBrowser.parse(this.editor.follow(response));
		assertThat(station.select("#station-hours .govuk-summary-list__row").eachText()).containsExactly(
				"Monday 9am to 12:30pm and 1:30pm to 5pm", "Tuesday 9am to 5pm", "Wednesday 9am to 5:30pm",
				"Thursday Closed", "Friday Closed", "Saturday 10am to midday", "Sunday Closed");
		Element shown = stationOn(publicPage("uppingham"), name);
		assertThat(shown.select("details .govuk-summary-list__row").eachText()).contains(
				"Saturday" + (today().getDayOfWeek() == DayOfWeek.SATURDAY ? " (today)" : "") + " 10am to midday");
		String expectedToday = switch (today().getDayOfWeek()) {
			case MONDAY -> "Open today: 9am to 12:30pm and 1:30pm to 5pm";
			case TUESDAY -> "Open today: 9am to 5pm";
			case WEDNESDAY -> "Open today: 9am to 5:30pm";
			case SATURDAY -> "Open today: 10am to midday";
			default -> "Closed today";
		};
		assertThat(shown.select("strong").text()).isEqualTo(expectedToday);
		assertThat(this.editor.page(hours).select("#monday-opens-again").val()).isEqualTo("13:30");
		assertThat(this.editor.page("/staff/changes/station/" + id).text()).contains("Changed opening hours")
			.contains("9am to 12:30pm and 1:30pm to 5pm");
	}

	@Test
	void showsEachDaysProblemBesideItAndKeepsEverythingTyped() {
		String name = addStation(this.uppingham);
		long id = idOfStation(name);
		String hours = "/staff/stations/" + id + "/hours";
		Document form = this.editor.page(hours);

		HttpResponse<String> response = this.editor.post(hours, StaffBrowser.csrfToken(form, hours),
				week("version", "0", "days[0].opens", "25:00", "days[0].closes", "5pm", "days[1].opens", "5pm",
						"days[1].closes", "9am", "days[2].opens", "9am", "days[2].closes", "1pm", "days[2].opensAgain",
						"12:30pm", "days[2].closesAgain", "5pm", "days[3].opens", "9am", "days[4].opens", "9am",
						"days[4].closes", "12:30pm", "days[4].opensAgain", "1:30pm", "days[5].opens", "9",
						"days[5].closes", "5", "days[6].opens", "10am", "days[6].closes", "4pm"));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		Pages.assertAccessibleStructure(page);
		assertThat(page.title()).startsWith("Error: ");
		assertThat(summary(page)).containsExactly(
				"#monday-opens Enter the opening time for Monday as a time, like 9am or 09:00",
				"#tuesday-closes The closing time for Tuesday must be after the opening time",
				"#wednesday-opens-again The time it opens again for Wednesday must be after the first closing time, so the periods do not overlap",
				"#thursday-closes Enter a closing time for Thursday",
				"#friday-closes-again Enter the time it closes again for Friday",
				"#saturday-opens Enter the opening time for Saturday as a time, like 9am or 09:00");
		assertThat(page.select("#tuesday-error").text())
			.isEqualTo("Error: The closing time for Tuesday must be after the opening time");
		assertThat(page.select("#sunday-error")).isEmpty();
		assertThat(page.select(".govuk-input--error").eachAttr("id")).containsExactly("monday-opens", "tuesday-closes",
				"wednesday-opens-again", "thursday-closes", "friday-closes-again", "saturday-opens");
		assertThat(page.select("#monday-opens").val()).isEqualTo("25:00");
		assertThat(page.select("#wednesday-closes-again").val()).isEqualTo("5pm");
		assertThat(page.select("#sunday-opens").val()).isEqualTo("10am");
		assertThat(page.select("#sunday-closes").val()).isEqualTo("4pm");
		assertThat(page.select("input[name=version]").val()).isEqualTo("0");
		assertThat(this.jdbc.queryForObject("select count(*) from station_opening_hours where station_id = ?",
				Integer.class, id))
			.isZero();
	}

	@Test
	void hoursSavedBySomeoneElseFirstAreNotOverwrittenSilently() {
		String name = addStation(this.uppingham);
		long id = idOfStation(name);
		String hours = "/staff/stations/" + id + "/hours";
		Document mine = this.editor.page(hours);
		StaffBrowser other = StaffBrowser.signedIn(this.environment, "admin@example.org", StaffBrowser.DEMO_PASSWORD);
		Document theirs = other.page(hours);
		assertThat(other
			.post(hours, StaffBrowser.csrfToken(theirs, hours),
					week("version", "0", "days[0].opens", "8am", "days[0].closes", "6pm"))
			.statusCode()).isEqualTo(303);

		HttpResponse<String> response = this.editor.post(hours, StaffBrowser.csrfToken(mine, hours),
				week("version", "0", "days[0].opens", "9am", "days[0].closes", "5pm"));

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = StaffBrowser.parse(response);
		assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#edit-conflict");
		assertThat(page.select("#edit-conflict").text()).contains("Monday")
			.contains("8am to 6pm")
			.contains("9am to 5pm");
		assertThat(page.select("#monday-opens").val()).isEqualTo("9am");
		assertThat(page.select("input[name=version]").val()).isEqualTo("1");
		assertThat(this.editor.page("/staff/stations/" + id).select("#station-hours").text())
			.contains("Monday 8am to 6pm");
	}

	@Test
	void aClosureTodayAndChangedHoursAheadShowOnThePublicPageAndCanBeRemoved() {
		String name = addStation(this.uppingham);
		long id = idOfStation(name);
		publicPage("uppingham");
		LocalDate today = today();

		assertThat(addException(id, today, "", "", "bank holiday").statusCode()).isEqualTo(303);
		assertThat(addException(id, today.plusDays(3), "10am", "2pm", "").statusCode()).isEqualTo(303);
		assertThat(addException(id, today.plusDays(20), "", "", "Refurbishment").statusCode()).isEqualTo(303);

		Element shown = stationOn(publicPage("uppingham"), name);
		assertThat(shown.select("strong").text()).isEqualTo("Closed today (bank holiday)");
		assertThat(shown.select(".ya-station-changes li").eachText()).containsExactly(
				"Today, " + day(today) + ": Closed (bank holiday)", day(today.plusDays(3)) + ": 10am to 2pm");
		assertThat(shown.select(".ya-station-changes time").eachAttr("datetime")).containsExactly(today.toString(),
				today.plusDays(3).toString());

		Document station = this.editor.page("/staff/stations/" + id);
		Pages.assertAccessibleStructure(station);
		assertThat(station.select("#exceptions tbody tr").eachText()).hasSize(3)
			.last()
			.asString()
			.contains("Closed (Refurbishment)");
		String remove = station.select("#exceptions tbody tr").first().select("form").attr("action");
		HttpResponse<String> removed = this.editor.post(remove, StaffBrowser.csrfToken(station, remove));
		assertThat(removed.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.parse(this.editor.follow(removed)).select(".govuk-notification-banner").text())
			.contains("has been removed");

		shown = stationOn(publicPage("uppingham"), name);
		assertThat(shown.select("strong").text()).isIn("Closed today", "Open today: 9am to 5pm");
		assertThat(shown.select(".ya-station-changes li").eachText())
			.containsExactly(day(today.plusDays(3)) + ": 10am to 2pm");
		assertThat(this.editor.page("/staff/changes/station/" + id).text()).contains("Added a change to the hours")
			.contains("Removed a change to the hours");
	}

	@Test
	void pastExceptionsDropOffTheStationsPage() {
		String name = addStation(this.uppingham);
		long id = idOfStation(name);
		this.jdbc.update("insert into station_exception (station_id, on_date, reason) values (?, ?, 'Long ago')", id,
				today().minusDays(1));

		assertThat(this.editor.page("/staff/stations/" + id).text()).doesNotContain("Long ago")
			.contains("No changes to the usual hours are planned");
		assertThat(stationOn(publicPage("uppingham"), name).text()).doesNotContain("Long ago");
	}

	@Test
	void showsEveryProblemWithAClosureOrChangedHours() {
		String name = addStation(this.uppingham);
		long id = idOfStation(name);
		LocalDate today = today();
		assertThat(addException(id, today.plusDays(2), "", "", "").statusCode()).isEqualTo(303);
		String path = "/staff/stations/" + id + "/exceptions/new";

		assertProblem(id, "#date-day Enter the date", "", "", "", "", "", "", "", "");
		assertProblem(id, "#date-day Date must include a day", "", "12", "2026", "", "", "", "", "");
		assertProblem(id, "#date-month Date must include a month", "25", "", "2026", "", "", "", "", "");
		assertProblem(id, "#date-year Date must include a year", "25", "12", "", "", "", "", "", "");
		assertProblem(id, "#date-year Year must include 4 numbers", "25", "12", "26", "", "", "", "", "");
		assertProblem(id, "#date-day Date must be a real date", "31", "2", "2027", "", "", "", "", "");
		assertProblem(id, "#date-day Date must be a real date", "first", "2", "2027", "", "", "", "", "");
		LocalDate yesterday = today.minusDays(1);
		assertProblem(id, "#date-day Date must be today or in the future", "" + yesterday.getDayOfMonth(),
				"" + yesterday.getMonthValue(), "" + yesterday.getYear(), "", "", "", "", "");
		LocalDate far = today.plusYears(3);
		assertProblem(id, "#date-year Date must be within the next 2 years", "" + far.getDayOfMonth(),
				"" + far.getMonthValue(), "" + far.getYear(), "", "", "", "", "");
		LocalDate taken = today.plusDays(2);
		assertProblem(id,
				"#date-day There is already a change to the hours on " + StationEditing.DATE.format(taken)
						+ ". Remove it first to replace it",
				"" + taken.getDayOfMonth(), "" + taken.getMonthValue(), "" + taken.getYear(), "", "", "", "", "");
		LocalDate free = today.plusDays(4);
		String d = "" + free.getDayOfMonth();
		String m = "" + free.getMonthValue();
		String y = "" + free.getYear();
		assertProblem(id, "#closes Enter a closing time", d, m, y, "10am", "", "", "", "");
		assertProblem(id, "#opens Enter the opening time as a time, like 9am or 09:00", d, m, y, "ten", "2pm", "", "",
				"");
		assertProblem(id, "#closes The closing time must be after the opening time", d, m, y, "2pm", "10am", "", "",
				"");
		assertProblem(id,
				"#opens-again The time it opens again must be after the first closing time, so the periods do not overlap",
				d, m, y, "9am", "1pm", "12pm", "4pm", "");
		assertProblem(id, "#reason Reason must be 100 characters or fewer", d, m, y, "", "", "", "", "x".repeat(101));

		HttpResponse<String> response = this.editor.submit(path, path, "day", "", "month", "13", "year", "2027",
				"opens", "9am", "closes", "", "reason", "Training day");
		Document page = StaffBrowser.parse(response);
		Pages.assertAccessibleStructure(page);
		assertThat(summary(page)).containsExactly("#date-day Date must include a day", "#closes Enter a closing time");
		assertThat(page.select("#date-month").val()).isEqualTo("13");
		assertThat(page.select("#date .govuk-input--error").eachAttr("id")).as("a missing day marks the day alone")
			.containsExactly("date-day");
		assertThat(page.select("#opens").val()).isEqualTo("9am");
		assertThat(page.select("#reason").val()).isEqualTo("Training day");
		Document notReal = StaffBrowser.parse(this.editor.submit(path, path, "day", "31", "month", "2", "year", "2027",
				"opens", "", "closes", "", "reason", ""));
		assertThat(notReal.select("#date .govuk-input--error").eachAttr("id")).as("a date that is not real marks all")
			.containsExactly("date-day", "date-month", "date-year");
		assertThat(this.jdbc.queryForObject("select count(*) from station_exception where station_id = ?",
				Integer.class, id))
			.isEqualTo(1);
	}

	@Test
	void removesAStationAfterConfirmation() {
		String name = addStation(this.uppingham);
		long id = idOfStation(name);
		assertThat(stationOn(publicPage("uppingham"), name)).isNotNull();
		String remove = "/staff/stations/" + id + "/remove";
		Document confirm = this.editor.page(remove);
		Pages.assertAccessibleStructure(confirm);
		assertThat(confirm.select("h1").text()).isEqualTo("Are you sure you want to remove this station or hub?");

		HttpResponse<String> response = this.editor.post(remove, StaffBrowser.csrfToken(confirm, remove));

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.redirectPath(response)).isEqualTo("/staff/stations");
		Document list = StaffBrowser.parse(this.editor.follow(response));
		assertThat(list.select(".govuk-notification-banner").text()).contains(name + " has been removed");
		assertThat(list.select("#stations").text()).doesNotContain(name);
		assertThat(publicPage("uppingham").text()).doesNotContain(name);
		assertThat(this.editor.get("/staff/stations/" + id).statusCode()).isEqualTo(404);
		assertThat(this.editor.page("/staff/changes/station/" + id).text()).contains("Removed").contains(name);
	}

	@Test
	void anUnknownStationIsNotFound() {
		assertThat(this.editor.get("/staff/stations/999999999").statusCode()).isEqualTo(404);
		assertThat(this.editor.get("/staff/stations/999999999/edit").statusCode()).isEqualTo(404);
		assertThat(this.editor.get("/staff/stations/999999999/hours").statusCode()).isEqualTo(404);
		assertThat(this.editor.get("/staff/stations/999999999/exceptions/new").statusCode()).isEqualTo(404);
	}

	@Test
	void officersAndSupervisorsCannotReachAnyStationPage() {
		String name = addStation(this.uppingham);
		long id = idOfStation(name);
		long exceptionId = this.jdbc.queryForObject(
				"insert into station_exception (station_id, on_date) values (?, ?) returning id", Long.class, id,
				today().plusDays(1));
		String base = "/staff/stations/" + id;
		for (String email : new String[] { "officer.wigston@example.org", "sergeant@example.org" }) {
			StaffBrowser someone = StaffBrowser.signedIn(this.environment, email, StaffBrowser.DEMO_PASSWORD);
			String token = StaffBrowser.csrfToken(someone.page("/staff"), "/staff/sign-out");
			for (String path : new String[] { "/staff/stations", NEW, base, base + "/edit", base + "/hours",
					base + "/exceptions/new", base + "/remove" }) {
				assertThat(someone.get(path).statusCode()).as("%s GET %s", email, path).isEqualTo(403);
			}
			for (String path : new String[] { NEW, base + "/edit", base + "/hours", base + "/exceptions/new",
					base + "/exceptions/" + exceptionId + "/remove", base + "/remove" }) {
				assertThat(someone.post(path, token, "name", "Taken over", "version", "0").statusCode())
					.as("%s POST %s", email, path)
					.isEqualTo(403);
			}
		}
		assertThat(this.jdbc.queryForObject("select name from station where id = ?", String.class, id)).isEqualTo(name);
		assertThat(this.jdbc.queryForObject("select count(*) from station_exception where id = ?", Integer.class,
				exceptionId))
			.isEqualTo(1);
	}

	private void assertProblem(long id, String expected, String... fields) {
		String path = "/staff/stations/" + id + "/exceptions/new";
		HttpResponse<String> response = this.editor.submit(path, path, "day", fields[0], "month", fields[1], "year",
				fields[2], "opens", fields[3], "closes", fields[4], "opensAgain", fields[5], "closesAgain", fields[6],
				"reason", fields[7]);
		assertThat(response.statusCode()).as(expected).isEqualTo(200);
		assertThat(summary(StaffBrowser.parse(response))).as(expected).containsExactly(expected);
	}

	private HttpResponse<String> addException(long id, LocalDate date, String opens, String closes, String reason) {
		String path = "/staff/stations/" + id + "/exceptions/new";
		HttpResponse<String> response = this.editor.submit(path, path, "day", "" + date.getDayOfMonth(), "month",
				"" + date.getMonthValue(), "year", "" + date.getYear(), "opens", opens, "closes", closes, "opensAgain",
				"", "closesAgain", "", "reason", reason);
		if (response.statusCode() == 303) {
			// as a browser does, which also shows (and so clears) the success banner
			assertThat(StaffBrowser.parse(this.editor.follow(response)).select(".govuk-notification-banner").text())
				.contains("have been saved");
		}
		return response;
	}

	/** Adds a station open 9am to 5pm on weekdays, serving one neighbourhood. */
	private String addStation(NeighbourhoodSummary serving) {
		String name = "Test Station " + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> response = this.editor.submit(NEW, NEW, "name", name, "kind", "STATION", "address",
				"1 Test Street", "postcode", "LE15 9QH", "frontCounter", "yes", "neighbourhoodIds",
				String.valueOf(serving.id()));
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.parse(this.editor.follow(response)).select(".govuk-notification-banner").text())
			.contains(name + " has been added");
		return name;
	}

	private long idOfStation(String name) {
		return this.jdbc.queryForObject("select id from station where name = ?", Long.class, name);
	}

	private static long idOf(String path) {
		return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
	}

	private static String[] week(String... fields) {
		List<String> all = new ArrayList<>(List.of(fields));
		for (int day = 0; day < 7; day++) {
			for (String box : new String[] { "opens", "closes", "opensAgain", "closesAgain" }) {
				String name = "days[" + day + "]." + box;
				if (!all.contains(name)) {
					all.add(name);
					all.add("");
				}
			}
		}
		return all.toArray(String[]::new);
	}

	private Document publicPage(String slug) {
		HttpResponse<String> response = StaffBrowser.on(this.environment).get("/area/" + slug);
		assertThat(response.statusCode()).isEqualTo(200);
		return StaffBrowser.parse(response);
	}

	private static Element stationOn(Document page, String name) {
		Element station = page.select(".ya-station")
			.stream()
			.filter((candidate) -> candidate.select("h3").text().equals(name))
			.findFirst()
			.orElse(null);
		assertThat(station).as("%s on the page", name).isNotNull();
		return station;
	}

	private static List<String> summary(Document page) {
		return page.select(".govuk-error-summary li a")
			.stream()
			.map((link) -> link.attr("href") + " " + link.text())
			.toList();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static String day(LocalDate date) {
		return java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.UK).format(date);
	}

}
