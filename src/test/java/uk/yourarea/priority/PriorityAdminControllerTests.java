package uk.yourarea.priority;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import uk.yourarea.audit.EditConflicts;
import uk.yourarea.consultation.OpenedConsultations;
import uk.yourarea.neighbourhood.EditableNeighbourhoods;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.neighbourhood.OneNeighbourhoodsEditors;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.FormError;
import uk.yourarea.web.OnceOnly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The priority forms refused, in seconds and without a database: the form comes back
 * (200) with what was typed and each problem in the bundle's words, and nothing is saved.
 * The journeys themselves are in {@link PriorityAdminIT}.
 */
@WebMvcTest
@ContextConfiguration(classes = { PriorityAdminController.class, PriorityProgressController.class,
		OneNeighbourhoodsEditors.class, PriorityFormValidator.class, PageSlice.class })
class PriorityAdminControllerTests {

	static final StaffUser OFFICER = new StaffUser(1, "PC Sam Lee", "officer@example.org", Set.of(StaffRole.OFFICER),
			Set.of(7L), Set.of());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PriorityEditing editing;

	@MockitoBean
	EditableNeighbourhoods neighbourhoods;

	@MockitoBean
	OpenedConsultations consultations;

	@MockitoBean
	EditConflicts conflicts;

	@MockitoBean
	OnceOnly onceOnly;

	@BeforeEach
	void wigston() {
		NeighbourhoodSummary wigston = TestNeighbourhoods.live(7L, "wigston", "Wigston");
		given(this.neighbourhoods.forPrioritiesAndEvents(anyLong(), any())).willReturn(wigston);
		given(this.consultations.questionsOf(7L)).willReturn(Map.of(3L, "Which issues should we focus on?"));
	}

	@Test
	void aNewPriorityWithNothingTypedComesBackWithEveryProblemInPageOrder() throws Exception {
		var result = this.mvc.perform(as(post("/staff/neighbourhoods/7/priorities/new")))
			.andExpect(status().isOk())
			.andExpect(view().name("priority/new"))
			.andReturn();
		assertThat(errors(result.getModelAndView().getModel())).containsExactly(
				new FormError("issue", "Enter the issue"),
				new FormError("origin", "Select where this priority came from"),
				new FormError("action", "Enter why the team chose this priority and what it is doing about it"),
				new FormError("raisedOn", "Enter the date the priority was raised"));
		verifyNoInteractions(this.editing, this.onceOnly);
	}

	@Test
	void aNewPriorityKeepsWhatWasTypedAndSaysWhatIsWrongWithIt() throws Exception {
		var result = this.mvc
			.perform(as(post("/staff/neighbourhoods/7/priorities/new").param("issue", "  Speeding on Long Street ")
				.param("action", "Speed checks every week")
				.param("raisedOnDay", "2")
				.param("raisedOnMonth", "12")
				.param("raisedOnYear", "2026")
				.param("origin", "CONSULTATION")
				.param("originConsultationId", "99")))
			.andExpect(status().isOk())
			.andReturn();
		Map<String, Object> model = result.getModelAndView().getModel();
		PriorityForm form = (PriorityForm) model.get("form");
		assertThat(form.issue()).isEqualTo("Speeding on Long Street");
		assertThat(form.raisedOnDay()).isEqualTo("2");
		assertThat(form.originConsultationId()).isEqualTo("99");
		assertThat(errors(model)).containsExactly(
				new FormError("originConsultationId", "Select the consultation it came from"),
				new FormError("raisedOn", "Date the priority was raised must be today or in the past"));
		assertThat(result.getResponse().getContentAsString()).contains("Select the consultation it came from")
			.contains("Speeding on Long Street");
		verifyNoInteractions(this.editing, this.onceOnly);
	}

	@Test
	void anUpdateDatedBeforeThePriorityWasRaisedIsRefused() throws Exception {
		Priority priority = new Priority(7L, "Speeding on Long Street", java.time.LocalDate.of(2026, 11, 20));
		given(this.editing.find(7L, 5L)).willReturn(priority);
		var result = this.mvc
			.perform(as(post("/staff/neighbourhoods/7/priorities/5/updates/new").param("text", "Checks done")
				.param("writtenOnDay", "19")
				.param("writtenOnMonth", "11")
				.param("writtenOnYear", "2026")))
			.andExpect(status().isOk())
			.andExpect(view().name("priority/add-update"))
			.andReturn();
		assertThat(errors(result.getModelAndView().getModel())).containsExactly(new FormError("writtenOn",
				"Date of the update must be on or after 20 November 2026, when the priority was raised"));
		assertThat(((PriorityUpdateForm) result.getModelAndView().getModel().get("form")).text())
			.isEqualTo("Checks done");
	}

	@Test
	void closingWithoutAnOutcomeIsRefused() throws Exception {
		Priority priority = new Priority(7L, "Speeding on Long Street", java.time.LocalDate.of(2026, 11, 20));
		given(this.editing.find(7L, 5L)).willReturn(priority);
		var result = this.mvc
			.perform(as(post("/staff/neighbourhoods/7/priorities/5/close").param("outcome", " ").param("version", "0")))
			.andExpect(status().isOk())
			.andExpect(view().name("priority/close"))
			.andReturn();
		assertThat(errors(result.getModelAndView().getModel()))
			.containsExactly(new FormError("outcome", "Enter the outcome: what changed because of this priority"));
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(PageSlice.signedIn(OFFICER)).with(csrf());
	}

	@SuppressWarnings("unchecked")
	private static java.util.List<FormError> errors(Map<String, Object> model) {
		return (java.util.List<FormError>) model.get("errors");
	}

}
