package uk.yourarea.neighbourhood;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.EditConflicts;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.web.Phrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a web editor sees when the form to add or change a local policing area is wrong,
 * or an area with live neighbourhoods is to be retired: the page again (200), what they
 * typed, the errors in the order of the fields (the checks that need the database made by
 * the real {@link LocalPolicingAreaChanges} on mocked repositories), and nothing saved.
 * Who may reach the pages is LocalPolicingAreaAdminIT's to check.
 */
@WebMvcTest(controllers = LocalPolicingAreaAdminController.class)
@ContextConfiguration(classes = LocalPolicingAreaFormBadInputTests.Slice.class)
class LocalPolicingAreaFormBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, LocalPolicingAreaAdminController.class, LocalPolicingAreaChanges.class })
	static class Slice {

	}

	static final StaffUser EDITOR = new StaffUser(2, "Robin Editor", "robin@example.org", Set.of(StaffRole.WEB_EDITOR),
			Set.of(), Set.of());

	static final String CODE_RULE = "Code must be 10 characters or fewer: letters and numbers only, like HOW";

	static final String HOW = "Harborough, Oadby and Wigston";

	@Autowired
	MockMvc mvc;

	@MockitoSpyBean
	LocalPolicingAreaChanges changes;

	@MockitoBean
	LocalPolicingAreaRepository areas;

	@MockitoBean
	NeighbourhoodRepository neighbourhoods;

	@MockitoBean
	ChangeLog changeLog;

	@MockitoBean
	EditConflicts conflicts;

	LocalPolicingArea how;

	@BeforeEach
	void oneArea() {
		this.how = mock(LocalPolicingArea.class);
		given(this.how.getId()).willReturn(10L);
		given(this.how.getCode()).willReturn("HOW");
		given(this.how.getName()).willReturn(HOW);
		given(this.how.getVersion()).willReturn(4L);
		given(this.areas.findFirstByCodeIgnoreCase("HOW")).willReturn(Optional.of(this.how));
		given(this.areas.findFirstByNameIgnoreCase("harborough, oadby and wigston")).willReturn(Optional.of(this.how));
		given(this.areas.findFirstByNameIgnoreCase(HOW)).willReturn(Optional.of(this.how));
		given(this.areas.findForUpdateById(10L)).willReturn(Optional.of(this.how));
		willReturn(this.how).given(this.changes).find(10L);
	}

	@Test
	void everyProblemWithANewAreaIsShownInTheOrderOfTheFields() throws Exception {
		Document page = page(post("/staff/local-policing-areas/new").param("code", "how-2!")
			.param("name", "")
			.param("commanderName", "N".repeat(101))
			.param("commanderRank", "R".repeat(51)));

		assertThat(page.title()).startsWith("Error: Add a local policing area");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#code", "#name",
				"#commanderName", "#commanderRank");
		assertThat(PageSlice.errorSummary(page)).containsExactly(CODE_RULE, "Enter a name",
				"Commander's name must be 100 characters or fewer", "Commander's rank must be 50 characters or fewer");
		assertThat(page.select("input#code").val()).isEqualTo("HOW-2!");
		assertThat(page.select("input#commanderRank").val()).isEqualTo("R".repeat(51));
		nothingSaved();
	}

	@Test
	void aCodeOrNameAnotherAreaHasAndARankWithoutANameAreRefused() throws Exception {
		Document page = page(post("/staff/local-policing-areas/new").param("code", "how")
			.param("name", "harborough,   oadby and wigston ")
			.param("commanderRank", "Chief Inspector"));

		assertThat(PageSlice.errorSummary(page)).containsExactly(
				"Another local policing area (Harborough, Oadby and Wigston) already has the code HOW",
				"Another local policing area is already called Harborough, Oadby and Wigston",
				"Enter the commander's name, or leave their rank empty");
		assertThat(page.select("input#commanderRank").val()).isEqualTo("Chief Inspector");
		nothingSaved();
	}

	@Test
	void whatIsTooLongIsRefused() throws Exception {
		Document page = page(
				post("/staff/local-policing-areas/new").param("code", "X".repeat(11)).param("name", "N".repeat(101)));

		assertThat(PageSlice.errorSummary(page)).containsExactly(CODE_RULE, "Name must be 100 characters or fewer");
		nothingSaved();
	}

	@Test
	void aChangeShowsItsProblemsAndIgnoresTheCodeSent() throws Exception {
		Document page = page(post("/staff/local-policing-areas/10/edit").param("code", "<b>NEW</b>")
			.param("name", " ")
			.param("commanderRank", "Superintendent")
			.param("version", "4"));

		assertThat(page.title()).startsWith("Error:");
		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter a name",
				"Enter the commander's name, or leave their rank empty");
		assertThat(page.select("input#commanderRank").val()).isEqualTo("Superintendent");
		assertThat(page.select("input#code")).as("the code cannot be changed").isEmpty();
		assertThat(page.select(".govuk-caption-l").text()).isEqualTo(HOW + " (HOW)");
		then(this.changes).should(never()).update(anyLong(), anyLong(), any(), any());
		nothingSaved();
	}

	@Test
	void anAreaWithLiveNeighbourhoodsIsNotRetired() throws Exception {
		willReturn(List.of("Oadby", "Wigston")).given(this.changes).liveNeighbourhoodNames(10L);

		Document page = page(post("/staff/local-policing-areas/10/retire"));

		assertThat(PageSlice.errorSummary(page)).containsExactly(HOW
				+ " cannot be retired while it has 2 live neighbourhoods. Move them to another local policing area or retire them first.");
		assertThat(page.select("#live-neighbourhoods li").eachText()).containsExactly("Oadby", "Wigston");
		then(this.how).should(never()).retire(any());
		nothingSaved();
	}

	private void nothingSaved() {
		then(this.changes).should(never()).create(any(), any());
		then(this.areas).should(never()).save(any());
		then(this.changeLog).should(never()).record(any(), any(), anyString(), any(), any());
		then(this.changeLog).should(never()).record(any(), any(), any(Phrase.class), any(), any());
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.with(signedIn()).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return Pages.parse(result.getResponse().getContentAsString());
	}

	private static RequestPostProcessor signedIn() {
		return PageSlice.signedIn(EDITOR, "ROLE_WEB_EDITOR");
	}

}
