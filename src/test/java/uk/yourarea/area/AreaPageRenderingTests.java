package uk.yourarea.area;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import uk.yourarea.area.AreaView.EventView;
import uk.yourarea.consultation.ConsultationSummaries.AreaSummary;
import uk.yourarea.contact.ResponseRecord;
import uk.yourarea.map.NeighbourhoodMaps;
import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.neighbourhood.PublicNeighbourhoods.AreaHeading;
import uk.yourarea.neighbourhood.PublicNeighbourhoods.Details;
import uk.yourarea.neighbourhood.PublicNeighbourhoods.Listed;
import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.team.Role;
import uk.yourarea.team.TeamOnThePage.Member;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.web.Languages;
import uk.yourarea.web.TextIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Everything the neighbourhood records carry reaches the public pages: the team's contact
 * details, photos, roles and collar numbers, cancelled events, and the lists of
 * neighbourhoods under their local policing areas, A to Z. The demonstration data has no
 * photos or X accounts, so the full-stack tests cannot show all of it.
 */
@WebMvcTest(controllers = AreaController.class)
@ContextConfiguration(classes = AreaPageRenderingTests.Slice.class)
class AreaPageRenderingTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, AreaController.class })
	static class Slice {

	}

	private static final Details TESTBURY = new Details(7, "Testbury", "testbury", "Harborough, Oadby and Wigston",
			"testbury.team@example.org", "0116 222 2222", "https://www.facebook.com/testbury", "https://x.com/testbury",
			"https://www.instagram.com/testbury");

	private static final String PHOTO = "/photos/abc-160.jpg";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PostcodeLookup lookup;

	@MockitoBean
	PublicNeighbourhoods neighbourhoods;

	@MockitoBean
	AreaPages pages;

	@MockitoBean
	NeighbourhoodMaps maps;

	@Test
	void showsTheNeighbourhoodItsAreaAndEveryWayToContactTheTeam() throws Exception {
		given(this.pages.find("testbury")).willReturn(Optional.of(view(TESTBURY, null, List.of(), List.of())));

		Document page = page("/area/testbury");

		assertThat(page.selectFirst("main .govuk-caption-l").text()).isEqualTo("Harborough, Oadby and Wigston");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Testbury neighbourhood team");
		assertThat(page.select("main .govuk-summary-list__row").eachText()).containsExactly(
				"Email testbury.team@example.org", "Phone 0116 222 2222", "Facebook Testbury team on Facebook",
				"X (Twitter) Testbury team on X", "Instagram Testbury team on Instagram");
		assertThat(page.select("main .govuk-summary-list__value a").eachAttr("href")).containsExactly(
				"mailto:testbury.team@example.org", "https://www.facebook.com/testbury", "https://x.com/testbury",
				"https://www.instagram.com/testbury");
		assertThat(page.select("a.govuk-button").attr("href")).isEqualTo("/area/testbury/contact");
	}

	@Test
	void leavesOutTheContactDetailsTheTeamHasNotGiven() throws Exception {
		Details phoneOnly = new Details(7, "Testbury", "testbury", "Harborough, Oadby and Wigston", null, "101", null,
				null, null);
		given(this.pages.find("testbury")).willReturn(Optional.of(view(phoneOnly, null, List.of(), List.of())));

		Document page = page("/area/testbury");

		assertThat(page.select("main .govuk-summary-list__row").eachText())
			.containsExactly("Phone 101 (ask for the neighbourhood team)");
	}

	@Test
	void showsTheNamedOfficerWithPhotoAndTheRestOfTheTeam() throws Exception {
		Member officer = new Member("Jordan Ellis", Role.PC, "Police Constable", "4127",
				"Walks the precinct every morning.", PHOTO, PHOTO + " 1x, /photos/abc-320.jpg 2x",
				"PC Jordan Ellis, smiling", true, LocalDate.of(2026, 11, 2));
		Member pcso = new Member("Sam Webb", Role.PCSO, "Police Community Support Officer", null, null, null, null,
				null, false, null);
		given(this.pages.find("testbury")).willReturn(Optional.of(view(TESTBURY, officer, List.of(pcso), List.of())));

		Document page = page("/area/testbury");

		Element named = page.selectFirst("section:has(h2#named-officer)");
		Element photo = named.selectFirst("img.ya-officer__photo");
		assertThat(photo.attr("src")).isEqualTo(PHOTO);
		assertThat(photo.attr("srcset")).isEqualTo(PHOTO + " 1x, /photos/abc-320.jpg 2x");
		assertThat(photo.attr("alt")).isEqualTo("PC Jordan Ellis, smiling");
		assertThat(named.text()).contains("Jordan Ellis")
			.contains("Police Constable, collar number 4127")
			.contains("Named officer for Testbury — details confirmed on 2 November 2026")
			.contains("Walks the precinct every morning.");
		Element rest = page.selectFirst("section:has(h2#the-team)");
		assertThat(rest.select("li").eachText()).containsExactly("Sam Webb Police Community Support Officer");
		assertThat(rest.select("li .ya-placeholder-photo, li img")).isEmpty();
	}

	@Test
	void showsACancelledEventWithItsReason() throws Exception {
		EventView cancelled = new EventView(new TextIn("Beat surgery", "en"), "Beat surgery",
				new TextIn("Bring your questions.", "en"), "Library", "Tuesday 1 December 2026, 6:30pm to 7:30pm",
				"2026-12-01T18:30Z", true, "The library is closed.");
		given(this.pages.find("testbury")).willReturn(Optional.of(view(TESTBURY, null, List.of(), List.of(cancelled))));

		Document page = page("/area/testbury");

		Element event = page.selectFirst("li.ya-event");
		assertThat(event.text()).contains("Cancelled The library is closed.").contains("Bring your questions.");
		assertThat(event.selectFirst("time").attr("datetime")).isEqualTo("2026-12-01T18:30Z");
	}

	@Test
	void listsTheNeighbourhoodsUnderTheirAreasFromAToZAsPeopleReadIt() throws Exception {
		AreaHeading harborough = new AreaHeading(10, "HOW", "Harborough, Oadby and Wigston",
				"Chief Inspector Ravi Patel");
		AreaHeading city = new AreaHeading(11, "CITY", "City", null);
		given(this.neighbourhoods.all(Languages.ENGLISH))
			.willReturn(List.of(new Listed(1, "N1", "Wigston", "wigston", harborough),
					new Listed(2, "N2", "Harborough North", "harborough-north", harborough),
					new Listed(3, "N3", "Castle", "castle", city),
					new Listed(4, "N4", "Harborough and Lutterworth", "harborough-and-lutterworth", harborough)));

		Document page = page("/areas");

		assertThat(page.select("main h2").eachText()).containsExactly("City", "Harborough, Oadby and Wigston");
		assertThat(page.select("main section").get(1).select("a").eachText())
			.containsExactly("Harborough and Lutterworth", "Harborough North", "Wigston");
		assertThat(page.select("main section").get(1).select("a").first().attr("href"))
			.isEqualTo("/area/harborough-and-lutterworth");
		assertThat(page.select("main h2").eachAttr("id")).containsExactly("lpa-CITY", "lpa-HOW");
		assertThat(page.select("main .govuk-body-s").eachText())
			.containsExactly("Area commander: Chief Inspector Ravi Patel");
	}

	@Test
	void listsTheNeighbourhoodsCoveringAPostcodeDistrictWithTheirAreas() throws Exception {
		AreaHeading harborough = new AreaHeading(10, "HOW", "Harborough, Oadby and Wigston", null);
		given(this.neighbourhoods.coveringOutwardCode("LE18", Languages.ENGLISH))
			.willReturn(List.of(new Listed(5, "N5", "Wigston", "wigston", harborough),
					new Listed(6, "N6", "Oadby", "oadby", harborough)));

		Document page = page("/find-your-area?postcode=LE18");

		assertThat(page.select("main li").eachText()).containsExactly("Oadby (Harborough, Oadby and Wigston)",
				"Wigston (Harborough, Oadby and Wigston)");
		assertThat(page.select("main li a").eachAttr("href")).containsExactly("/area/oadby", "/area/wigston");
	}

	@Test
	void marksWhatStaffWroteInTheOtherLanguageAndShowsTheDescription() throws Exception {
		// As a Welsh page's view comes: the description in Welsh, one bio only in
		// English,
		// the station's name in English and its address in Welsh.
		Details welsh = new Details(7, "Testbury", "testbury", "Harborough, Oadby and Wigston", null, "101", null, null,
				null, new TextIn("Mae tîm Testbury yn gweithio gyda thrigolion.", null));
		Member officer = new Member("Jordan Ellis", Role.PC, "Police Constable", "4127",
				"Walks the precinct every morning.", null, null, null, true, LocalDate.of(2026, 11, 2),
				new TextIn("Walks the precinct every morning.", "en"), new TextIn(null, null));
		Member pcso = new Member("Sam Webb", Role.PCSO, "Police Community Support Officer", null, "Knows every shop.",
				null, null, null, false, null, new TextIn("Mae'n adnabod pob siop.", null), new TextIn(null, null));
		AreaView.StationView station = new AreaView.StationView("Testbury Police Station", "Police station",
				"Stryd Fawr, Testbury", "LE18 1PA", true,
				List.of("Closed", "Closed", "Closed", "Closed", "Closed", "Closed", "Closed"),
				Set.copyOf(EnumSet.allOf(DayOfWeek.class)), List.of(), "en", null);
		AreaView view = new AreaView(welsh, officer, List.of(pcso), List.of(), List.of(), List.of(), List.of(station),
				LocalDate.of(2026, 11, 23), new AreaSummary(null, null), ResponseRecord.NONE, List.of());
		given(this.pages.find("testbury")).willReturn(Optional.of(view));

		Document page = page("/area/testbury");

		Element description = page.selectFirst("h1 + p.govuk-body-l");
		assertThat(description.text()).isEqualTo("Mae tîm Testbury yn gweithio gyda thrigolion.");
		assertThat(description.hasAttr("lang")).isFalse();
		Element officerBio = page.selectFirst("section:has(h2#named-officer) p:contains(Walks the precinct)");
		assertThat(officerBio.attr("lang")).isEqualTo("en");
		Element pcsoBio = page.selectFirst("section:has(h2#the-team) p:contains(adnabod)");
		assertThat(pcsoBio.hasAttr("lang")).isFalse();
		assertThat(page.selectFirst(".ya-station h3").attr("lang")).isEqualTo("en");
		assertThat(page.selectFirst(".ya-station p:contains(Stryd Fawr)").hasAttr("lang")).isFalse();
	}

	@Test
	void showsNoDescriptionWhenThereIsNone() throws Exception {
		given(this.pages.find("testbury")).willReturn(Optional.of(view(TESTBURY, null, List.of(), List.of())));

		Document page = page("/area/testbury");

		assertThat(page.select("h1 + p.govuk-body-l")).isEmpty();
		assertThat(page.select("main [lang]")).isEmpty();
	}

	private static AreaView view(Details neighbourhood, Member namedOfficer, List<Member> team,
			List<EventView> events) {
		return new AreaView(neighbourhood, namedOfficer, team, List.of(), List.of(), events, List.of(),
				LocalDate.of(2026, 11, 23), new AreaSummary(null, null), ResponseRecord.NONE, List.of());
	}

	private Document page(String path) throws Exception {
		MvcResult result = this.mvc.perform(get(path)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return Pages.parse(result.getResponse().getContentAsString());
	}

}
