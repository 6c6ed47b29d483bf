package uk.yourarea.area;

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

import uk.yourarea.neighbourhood.LocalPolicingArea;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodRepository;
import uk.yourarea.team.TeamMember;
import uk.yourarea.team.TeamMemberRepository;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** Browsing all neighbourhoods and reading one neighbourhood's Your Area page. */
@DemoSiteTest
class AreaPagesIT {

	private static final DateTimeFormatter CONFIRMED_ON = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	@Autowired
	private Site site;

	@Autowired
	private NeighbourhoodRepository neighbourhoods;

	@Autowired
	private TeamMemberRepository team;

	@Test
	void listsEveryNeighbourhoodOnce() {
		Document page = this.site.page("/areas");

		List<String> hrefs = page.select("main a[href^=/area/]").eachAttr("href");
		Set<String> expected = this.neighbourhoods.findAll()
			.stream()
			.map((neighbourhood) -> "/area/" + neighbourhood.getSlug())
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
				Neighbourhood neighbourhood = this.neighbourhoods.findAll()
					.stream()
					.filter((candidate) -> candidate.getName().equals(name))
					.findFirst()
					.orElseThrow();
				LocalPolicingArea area = this.neighbourhoods.findBySlug(neighbourhood.getSlug())
					.orElseThrow()
					.getLocalPolicingArea();
				assertThat(area.getName()).as("local policing area of %s", name).isEqualTo(areaName);
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
				"The rest of the team", "Local priorities", "Meetings and events", "Police stations and community hubs",
				"How local policing works", "In an emergency, call 999");
	}

	@Test
	void namesTheOfficerWithRoleCollarNumberAndWhenTheirDetailsWereConfirmed() {
		Neighbourhood wigston = this.neighbourhoods.findBySlug("wigston").orElseThrow();
		List<TeamMember> members = this.team.findByNeighbourhoodIdOrderByDisplayOrderAscNameAsc(wigston.getId());
		TeamMember officer = members.stream().filter(TeamMember::isNamedOfficer).findFirst().orElseThrow();

		Document page = this.site.page("/area/wigston");

		Element section = page.selectFirst("section:has(h2:containsOwn(Your named officer))");
		assertThat(section).isNotNull();
		String text = section.text();
		assertThat(text).contains(officer.getName())
			.contains(officer.getRole().title())
			.contains("collar number " + officer.getCollarNumber())
			.contains("details confirmed on " + CONFIRMED_ON.format(officer.getNameConfirmedOn()))
			.doesNotContain("does not have a named officer");
		Element restOfTeam = page.selectFirst("section:has(h2:containsOwn(The rest of the team))");
		assertThat(restOfTeam.text()).doesNotContain(officer.getName());
		for (TeamMember member : members) {
			if (!member.isNamedOfficer()) {
				assertThat(restOfTeam.text()).contains(member.getName());
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
		Neighbourhood culturalQuarter = this.neighbourhoods.findByCode("NC66").orElseThrow();
		assertThat(culturalQuarter.getSlug()).isEqualTo("cultural-quarter");

		Document page = this.site.page("/area/cultural-quarter");

		assertThat(Pages.mainSectionHeadings(page)).first().isEqualTo("Your named officer");
		Element section = page.selectFirst("section:has(h2:containsOwn(Your named officer))");
		assertThat(section.text()).contains("This neighbourhood does not have a named officer")
			.doesNotContain("details confirmed on");
	}

}
