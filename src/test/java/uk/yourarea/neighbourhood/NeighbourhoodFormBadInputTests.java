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
import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a web editor sees when the form to add or change a neighbourhood is wrong: the
 * form again (200), what they typed, the errors in the order of the fields (the checks
 * that need the database made by the real {@link NeighbourhoodChanges} on mocked
 * repositories), and nothing saved. Who may reach the pages is NeighbourhoodAdminIT's and
 * the route inventory's to check.
 */
@WebMvcTest(controllers = NeighbourhoodAdminController.class)
@ContextConfiguration(classes = NeighbourhoodFormBadInputTests.Slice.class)
class NeighbourhoodFormBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, NeighbourhoodAdminController.class, NeighbourhoodFormValidator.class,
			NeighbourhoodChanges.class })
	static class Slice {

	}

	static final StaffUser EDITOR = new StaffUser(2, "Robin Editor", "robin@example.org", Set.of(StaffRole.WEB_EDITOR),
			Set.of(), Set.of());

	static final String CODE_RULE = "Code must be 20 characters or fewer: letters, numbers, hyphens (-) and underscores (_) only, like NA54";

	@Autowired
	MockMvc mvc;

	@MockitoSpyBean
	NeighbourhoodChanges changes;

	@MockitoBean
	LocalPolicingAreaChanges areas;

	@MockitoBean
	NeighbourhoodRepository neighbourhoods;

	@MockitoBean
	LocalPolicingAreaRepository areaRepository;

	@MockitoBean
	FormerSlugRepository formerSlugs;

	@MockitoBean
	ChangeLog changeLog;

	@MockitoBean
	PostcodeTable postcodes;

	@MockitoBean
	TeamSize teamSize;

	@MockitoBean
	StaffScope scope;

	@MockitoBean
	EditConflicts conflicts;

	LocalPolicingArea oadbyAndWigston;

	Neighbourhood wigston;

	@BeforeEach
	void oneAreaWithWigstonInIt() {
		this.oadbyAndWigston = mock(LocalPolicingArea.class);
		given(this.oadbyAndWigston.getId()).willReturn(10L);
		given(this.oadbyAndWigston.getName()).willReturn("Oadby and Wigston");
		given(this.areas.live()).willReturn(List.of(this.oadbyAndWigston));
		given(this.areaRepository.findById(10L)).willReturn(Optional.of(this.oadbyAndWigston));
		this.wigston = mock(Neighbourhood.class);
		given(this.wigston.getId()).willReturn(5L);
		given(this.wigston.getCode()).willReturn("NA54");
		given(this.wigston.getName()).willReturn("Wigston");
		given(this.wigston.getSlug()).willReturn("wigston");
		given(this.wigston.getLocalPolicingArea()).willReturn(this.oadbyAndWigston);
		given(this.wigston.getVersion()).willReturn(3L);
		given(this.neighbourhoods.findFirstByCodeIgnoreCase("na54")).willReturn(Optional.of(this.wigston));
		given(this.neighbourhoods.findIncludingRetiredBySlug("wigston")).willReturn(Optional.of(this.wigston));
		willReturn(this.wigston).given(this.changes).find(5L);
	}

	@Test
	void everyProblemWithANewNeighbourhoodIsShownInTheOrderOfTheFields() throws Exception {
		Document page = page(post("/staff/neighbourhoods/new").param("code", "NA 54!")
			.param("name", "  ")
			.param("description", "x".repeat(2001))
			.param("email", "not an email")
			.param("phone", "call us")
			.param("facebookUrl", "http://www.facebook.com/insecure")
			.param("xUrl", "https://example.org/someone")
			.param("instagramUrl", "instagram.com/no-scheme"));

		assertThat(page.title()).startsWith("Error: Add a neighbourhood");
		assertThat(PageSlice.errorSummary(page)).containsExactly(CODE_RULE, "Enter a name",
				"Description must be 2,000 characters or fewer", "Select a local policing area",
				"Enter an email address in the correct format, like wigston.team@example.org",
				"Enter a telephone number, like 0116 222 2222, or 101",
				"Enter a Facebook address starting https://www.facebook.com/",
				"Enter an X address starting https://x.com/",
				"Enter an Instagram address starting https://www.instagram.com/");
		assertThat(page.select("input#code").val()).isEqualTo("NA 54!");
		assertThat(page.select("input#email").val()).isEqualTo("not an email");
		assertThat(page.select("textarea#description").text()).hasSize(2001);
		assertThat(page.select("input#xUrl").val()).isEqualTo("https://example.org/someone");
		nothingSaved();
	}

	@Test
	void whatIsTooLongIsRefusedWithTheAreaKept() throws Exception {
		Document page = page(post("/staff/neighbourhoods/new").param("code", "C" + "1".repeat(20))
			.param("name", "N".repeat(151))
			.param("localPolicingAreaId", "10")
			.param("email", "a".repeat(60) + "@" + "abcdefghi.".repeat(19) + "example.org")
			.param("facebookUrl", "https://www.facebook.com/" + "p".repeat(280)));

		assertThat(PageSlice.errorSummary(page)).containsExactly(CODE_RULE, "Name must be 150 characters or fewer",
				"Email address must be 254 characters or fewer", "Facebook address must be 300 characters or fewer");
		assertThat(page.select("input[name=localPolicingAreaId][value=10]").hasAttr("checked")).isTrue();
		nothingSaved();
	}

	@Test
	void aNameWithoutLettersOrNumbersIsRefused() throws Exception {
		Document page = page(newNeighbourhood("NB01", "!!! ???", "10"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Name must include at least one letter or number");
		assertThat(page.select("input#name").val()).isEqualTo("!!! ???");
		nothingSaved();
	}

	@Test
	void anAreaNotInTheListIsRefused() throws Exception {
		assertThat(PageSlice.errorSummary(page(newNeighbourhood("NB01", "Nowhere", "0"))))
			.containsExactly("Select a local policing area from the list");
		assertThat(PageSlice.errorSummary(page(newNeighbourhood("NB01", "Nowhere", "ten"))))
			.containsExactly("Select one of the options");
		nothingSaved();
	}

	@Test
	void aCodeOrAWebAddressAnotherNeighbourhoodHasIsRefused() throws Exception {
		Document page = page(newNeighbourhood("na54", "WIGSTON", "10"));

		assertThat(PageSlice.errorSummary(page)).containsExactly(
				"Another neighbourhood (Wigston) already has the code NA54",
				"The web address /area/wigston belongs to Wigston. Choose a different name");
		nothingSaved();
	}

	@Test
	void aChangeShowsItsProblemsAndIgnoresTheCodeSent() throws Exception {
		Document page = page(post("/staff/neighbourhoods/5/edit").param("code", "IGNORED!")
			.param("name", "")
			.param("email", "nope@")
			.param("instagramUrl", "https://www.instagram.com/ spaces")
			.param("version", "3"));

		assertThat(page.title()).startsWith("Error: Change");
		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter a name", "Select a local policing area",
				"Enter an email address in the correct format, like wigston.team@example.org",
				"Enter an Instagram address starting https://www.instagram.com/");
		assertThat(page.select("input#email").val()).isEqualTo("nope@");
		assertThat(page.select("input#code")).as("the code cannot be changed").isEmpty();
		then(this.changes).should(never()).update(anyLong(), anyLong(), any(), any());
		nothingSaved();
	}

	private static MockHttpServletRequestBuilder newNeighbourhood(String code, String name, String area) {
		return post("/staff/neighbourhoods/new").param("code", code)
			.param("name", name)
			.param("localPolicingAreaId", area);
	}

	private void nothingSaved() {
		then(this.changes).should(never()).create(any(), any());
		then(this.neighbourhoods).should(never()).save(any());
		then(this.changeLog).shouldHaveNoInteractions();
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
