package uk.yourarea.team;

import java.util.List;
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
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.yourarea.audit.EditConflicts;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.TestNeighbourhoods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What a web editor sees when the form to add or change a team member, or to move one to
 * another neighbourhood, is wrong: the page again (200), what they typed, the errors in
 * the order of the fields, and nothing saved. The journeys are TeamAdminIT's.
 */
@WebMvcTest(controllers = TeamAdminController.class)
@ContextConfiguration(classes = TeamMemberFormBadInputTests.Slice.class)
class TeamMemberFormBadInputTests {

	@Configuration(proxyBeanMethods = false)
	@Import({ PageSlice.class, TeamAdminController.class, TeamPages.class, TeamEditorsOnly.class })
	static class Slice {

	}

	static final StaffUser EDITOR = new StaffUser(2, "Web Editor", "webeditor@example.org",
			Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of());

	static final String TEAM = "/staff/neighbourhoods/7/team";

	static final String COLLAR_RULE = "Collar number must be up to 10 letters and numbers, like 4127";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TeamEditing team;

	@MockitoBean
	EditConflicts conflicts;

	@MockitoBean
	StaffScope scope;

	TeamMember constable;

	@BeforeEach
	void wigstonWithOneConstableAndOadbyNextDoor() {
		NeighbourhoodSummary wigston = TestNeighbourhoods.live(7L, "wigston", "Wigston");
		NeighbourhoodSummary oadby = TestNeighbourhoods.live(8L, "oadby", "Oadby");
		given(this.team.neighbourhood(7L)).willReturn(wigston);
		given(this.team.allNeighbourhoods()).willReturn(List.of(oadby, wigston));
		this.constable = new TeamMember(7L, "Jordan Ellis", Role.PC, "4127", "", 0);
		ReflectionTestUtils.setField(this.constable, "id", 11L);
		ReflectionTestUtils.setField(this.constable, "namedOfficer", true);
		given(this.team.member(7L, 11L)).willReturn(this.constable);
		given(this.scope.canEditEverything(any())).willReturn(true);
	}

	@Test
	void aBlankFormAsksForEachFieldInTheOrderOfThePageAndKeepsWhatWasTyped() throws Exception {
		Document page = page(
				post(TEAM + "/new").param("name", " ").param("collarNumber", "41-27").param("bio", "x".repeat(1001)));

		assertThat(page.title()).startsWith("Error: Add a team member");
		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter their name", "Select their role", COLLAR_RULE,
				"About them must be 1,000 characters or fewer");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#name", "#role",
				"#collarNumber", "#bio");
		assertThat(page.getElementById("collarNumber").val()).isEqualTo("41-27");
		assertThat(page.getElementById("bio").text()).hasSize(1001);
		nothingSaved();
	}

	@Test
	void tooLongAndARoleNotInTheListAreRefused() throws Exception {
		Document page = page(post(TEAM + "/new").param("name", "N".repeat(101))
			.param("role", "CHIEF")
			.param("collarNumber", "12345678901"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Name must be 100 characters or fewer",
				"Select their role from the list", COLLAR_RULE);
		assertThat(page.getElementById("name").val()).isEqualTo("N".repeat(101));
		nothingSaved();
	}

	@Test
	void oddCharactersInTheCollarNumberAreRefused() throws Exception {
		for (String collar : List.of("<b>1</b>", "4127; drop", "١٢٣")) {
			Document page = page(
					post(TEAM + "/new").param("name", "Sam Webb").param("role", "PCSO").param("collarNumber", collar));

			assertThat(PageSlice.errorSummary(page)).as(collar).containsExactly(COLLAR_RULE);
			assertThat(page.getElementById("collarNumber").val()).as(collar).isEqualTo(collar);
		}
		nothingSaved();
	}

	@Test
	void aChangeWithBadInputsComesBackWithWhatWasTyped() throws Exception {
		Document page = page(post(TEAM + "/11/edit").param("name", "")
			.param("role", "pc")
			.param("collarNumber", "4127")
			.param("version", "0"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Enter their name", "Select their role from the list");
		assertThat(page.getElementById("collarNumber").val()).isEqualTo("4127");
		nothingSaved();
	}

	@Test
	void theNamedOfficerCannotBecomeASergeant() throws Exception {
		given(this.team.edit(any(), anyLong(), anyLong(), anyLong(), any()))
			.willThrow(new TeamEditing.NamedOfficerRoleException());

		Document page = page(post(TEAM + "/11/edit").param("name", "Jordan Ellis")
			.param("role", "SERGEANT")
			.param("collarNumber", "4127")
			.param("version", "0"));

		assertThat(PageSlice.errorSummary(page))
			.containsExactly("Jordan Ellis is the named officer, who must be a PC or a PCSO. "
					+ "Choose another named officer first, then change their role");
		assertThat(page.select("#role option[selected], input[name=role][checked]").eachAttr("value"))
			.containsExactly("SERGEANT");
	}

	@Test
	void movingNeedsADifferentNeighbourhoodFromTheList() throws Exception {
		assertThat(PageSlice.errorSummary(page(move("")))).containsExactly("Select the neighbourhood to move them to");
		for (String to : List.of("7", "999", "Oadby", "-8", "8 ", "99999999999999999999", "8; drop")) {
			assertThat(PageSlice.errorSummary(page(move(to)))).as(to)
				.containsExactly("Select a different neighbourhood from the list");
		}
		then(this.team).should(never()).moveTo(any(), anyLong(), anyLong(), anyLong(), anyLong());
	}

	@Test
	void movingWithoutChoosingAnythingAsksForANeighbourhood() throws Exception {
		Document page = page(post(TEAM + "/11/move").param("version", "0"));

		assertThat(PageSlice.errorSummary(page)).containsExactly("Select the neighbourhood to move them to");
		then(this.team).should(never()).moveTo(any(), anyLong(), anyLong(), anyLong(), anyLong());
	}

	private static MockHttpServletRequestBuilder move(String to) {
		return post(TEAM + "/11/move").param("to", to).param("version", "0");
	}

	private void nothingSaved() {
		then(this.team).should(never()).add(any(), anyLong(), any());
		then(this.team).should(never()).edit(any(), anyLong(), anyLong(), anyLong(), any());
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
