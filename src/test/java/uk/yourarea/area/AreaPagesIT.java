package uk.yourarea.area;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.team.Role;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsing all neighbourhoods and reading one neighbourhood's Your Area page. What the
 * pages should show is read from the tables, not through the code that builds them.
 */
@DemoSiteTest
class AreaPagesIT {

	private static final DateTimeFormatter CONFIRMED_ON = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	@Autowired
	private Site site;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void listsEveryNeighbourhoodOnce() {
		Document page = this.site.page("/areas");

		// In the lists; the force map links each one too (NeighbourhoodMapsIT).
		List<String> hrefs = page.select("main section a[href^=/area/]").eachAttr("href");
		Set<String> expected = this.jdbc.queryForList("select slug from neighbourhood", String.class)
			.stream()
			.map((slug) -> "/area/" + slug)
			.collect(Collectors.toSet());
		assertThat(expected).hasSize(66);
		assertThat(hrefs).hasSize(66).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void groupsNeighbourhoodsUnderTheirLocalPolicingAreaFromAToZ() {
		Document page = this.site.page("/areas");

		Elements sections = page.select("main section:has(h2)");
		List<String> areaNames = new ArrayList<>();
		for (Element section : sections) {
			String areaName = section.selectFirst("h2").text();
			areaNames.add(areaName);
			List<String> names = section.select("a[href^=/area/]").eachText();
			assertThat(names).as("neighbourhoods under %s", areaName)
				.isNotEmpty()
				.isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
			for (String name : names) {
				String areaOf = this.jdbc.queryForObject("""
						select a.name from neighbourhood n join local_policing_area a on a.id = n.local_policing_area_id
						where n.name = ? and n.retired_on is null""", String.class, name);
				assertThat(areaOf).as("local policing area of %s", name).isEqualTo(areaName);
			}
		}
		assertThat(areaNames).hasSize(9)
			.doesNotHaveDuplicates()
			.contains("Harborough, Oadby and Wigston", "Leicester City Centre")
			.isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		assertThat(page.select("main h2").eachText()).containsExactlyElementsOf(areaNames);
	}

	@Test
	void showsTheNamedOfficerFirstThenTheRestOfThePageInOrder() {
		Document page = this.site.page("/area/wigston");

		assertThat(page.selectFirst("h1").text()).isEqualTo("Wigston neighbourhood team");
		assertThat(Pages.mainSectionHeadings(page)).containsExactly("Your named officer", "Contact the team",
				"Get messages from the Wigston team", "The rest of the team", "Local priorities", "Meetings and events",
				"Police stations and community hubs", "The area we cover", "How local policing works",
				"In an emergency, call 999");
	}

	@Test
	void namesTheOfficerWithRoleCollarNumberAndWhenTheirDetailsWereConfirmed() {
		List<TeamRow> members = this.jdbc.query("""
				select m.name, m.role, m.collar_number, m.named_officer, m.name_confirmed_on
				from team_member m join neighbourhood n on n.id = m.neighbourhood_id
				where n.slug = 'wigston' and n.retired_on is null order by m.display_order, m.name""",
				(row, n) -> new TeamRow(row.getString("name"), Role.valueOf(row.getString("role")),
						row.getString("collar_number"), row.getBoolean("named_officer"),
						(row.getDate("name_confirmed_on") != null) ? row.getDate("name_confirmed_on").toLocalDate()
								: null));
		TeamRow officer = members.stream().filter(TeamRow::namedOfficer).findFirst().orElseThrow();

		Document page = this.site.page("/area/wigston");

		Element section = page.selectFirst("section:has(h2:containsOwn(Your named officer))");
		assertThat(section).isNotNull();
		String text = section.text();
		assertThat(text).contains(officer.name())
			.contains((officer.role() == Role.PC) ? "Police Constable" : "Police Community Support Officer")
			.contains("collar number " + officer.collarNumber())
			.contains("details confirmed on " + CONFIRMED_ON.format(officer.nameConfirmedOn()))
			.doesNotContain("does not have a named officer");
		Element restOfTeam = page.selectFirst("section:has(h2:containsOwn(The rest of the team))");
		assertThat(restOfTeam.text()).doesNotContain(officer.name());
		for (TeamRow member : members) {
			if (!member.namedOfficer()) {
				assertThat(restOfTeam.text()).contains(member.name());
			}
		}
	}

	@Test
	void showsWhenEachPriorityWasLastUpdatedAndWhetherStationsAreOpenToday() {
		Document page = this.site.page("/area/wigston");

		Element priorities = page.selectFirst("section:has(h2:containsOwn(Local priorities))");
		Elements issues = priorities.select("h3");
		assertThat(issues).isNotEmpty();
		assertThat(priorities.select("p:containsOwn(Last updated on)")).hasSameSizeAs(issues);
		Element stations = page.selectFirst("section:has(h2:containsOwn(Police stations and community hubs))");
		Elements stationNames = stations.select("h3");
		assertThat(stationNames.eachText()).contains("Wigston Police Station");
		assertThat(stations.select("strong:matchesOwn(^(Open today: |Closed today))")).hasSameSizeAs(stationNames);
	}

	@Test
	void saysWhenANeighbourhoodHasNoNamedOfficer() {
		assertThat(this.jdbc.queryForObject("select slug from neighbourhood where code = 'NC66'", String.class))
			.isEqualTo("cultural-quarter");

		Document page = this.site.page("/area/cultural-quarter");

		assertThat(Pages.mainSectionHeadings(page)).first().isEqualTo("Your named officer");
		Element section = page.selectFirst("section:has(h2:containsOwn(Your named officer))");
		assertThat(section.text()).contains("This neighbourhood does not have a named officer")
			.doesNotContain("details confirmed on");
	}

	private record TeamRow(String name, Role role, String collarNumber, boolean namedOfficer,
			LocalDate nameConfirmedOn) {
	}

}
