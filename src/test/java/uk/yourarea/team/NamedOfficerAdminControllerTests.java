package uk.yourarea.team;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.FormError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Choosing the named officer refused, in seconds and without a database: the choice comes
 * back with its problems and nothing is saved; someone who is not a web editor is refused
 * by {@link TeamEditorsOnly}. The journeys are in {@link TeamAdminIT}.
 */
@WebMvcTest
@ContextConfiguration(
		classes = { NamedOfficerAdminController.class, TeamPages.class, TeamEditorsOnly.class, PageSlice.class })
class NamedOfficerAdminControllerTests {

	static final StaffUser EDITOR = new StaffUser(2, "Web Editor", "webeditor@example.org",
			Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TeamEditing team;

	@MockitoBean
	StaffScope scope;

	TeamMember constable;

	TeamMember sergeant;

	@BeforeEach
	void wigstonsTeam() {
		NeighbourhoodSummary wigston = TestNeighbourhoods.live(7L, "wigston", "Wigston");
		given(this.team.neighbourhood(7L)).willReturn(wigston);
		this.constable = new TeamMember(7L, "Jordan Ellis", Role.PC, "4127", "", 0);
		ReflectionTestUtils.setField(this.constable, "id", 11L);
		this.sergeant = new TeamMember(7L, "Alex Brown", Role.SERGEANT, "812", "", 1);
		ReflectionTestUtils.setField(this.sergeant, "id", 12L);
		given(this.team.teamOf(7L)).willReturn(List.of(this.constable, this.sergeant));
		given(this.scope.canEditEverything(any())).willReturn(true);
	}

	@Test
	void nothingChosenIsRefused() throws Exception {
		assertThat(errors(choose(null, null)))
			.containsExactly(new FormError("officer", "Select the named officer, or no named officer"));
	}

	@Test
	void aSergeantIsRefusedAndAConstableNeedsTheirDetailsConfirmed() throws Exception {
		assertThat(errors(choose("12", "yes"))).containsExactly(new FormError("officer",
				"Only a PC or a PCSO can be the named officer: Sergeant 812 Alex Brown is a Sergeant"));
		MvcResult unconfirmed = choose("11", null);
		assertThat(errors(unconfirmed)).containsExactly(new FormError("confirmed",
				"Confirm that you have checked their name, role and collar number with them"));
		assertThat(unconfirmed.getModelAndView().getModel()).containsEntry("selected", "11")
			.containsEntry("confirmed", false);
		then(this.team).should(never()).chooseNamedOfficer(any(), anyLong(), any());
	}

	@Test
	void onlyWebEditorsAndAdministratorsChoose() throws Exception {
		given(this.scope.canEditEverything(any())).willReturn(false);
		this.mvc
			.perform(post("/staff/neighbourhoods/7/team/named-officer").with(csrf())
				.with(signedIn())
				.param("officer", "11")
				.param("confirmed", "yes"))
			.andExpect(status().isForbidden());
		then(this.team).should(never()).chooseNamedOfficer(any(), anyLong(), any());
	}

	private MvcResult choose(String officer, String confirmed) throws Exception {
		var request = post("/staff/neighbourhoods/7/team/named-officer").with(csrf()).with(signedIn());
		if (officer != null) {
			request.param("officer", officer);
		}
		if (confirmed != null) {
			request.param("confirmed", confirmed);
		}
		return this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(view().name("team/named-officer"))
			.andReturn();
	}

	private static RequestPostProcessor signedIn() {
		return PageSlice.signedIn(EDITOR);
	}

	@SuppressWarnings("unchecked")
	private static List<FormError> errors(MvcResult result) {
		return (List<FormError>) result.getModelAndView().getModel().get("errors");
	}

}
