package uk.yourarea.event;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import uk.yourarea.audit.EditConflicts;
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
 * The event form refused, in seconds and without a database: the form comes back (200)
 * with what was typed and each problem in the bundle's words, and nothing is saved. The
 * journeys are in {@link EventAdminIT}.
 */
@WebMvcTest
@ContextConfiguration(classes = { EventAdminController.class, OneNeighbourhoodsEditors.class, EventFormValidator.class,
		PageSlice.class })
class EventAdminControllerTests {

	static final StaffUser OFFICER = new StaffUser(1, "PC Sam Lee", "officer@example.org", Set.of(StaffRole.OFFICER),
			Set.of(7L), Set.of());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	EventEditing editing;

	@MockitoBean
	EditableNeighbourhoods neighbourhoods;

	@MockitoBean
	EditConflicts conflicts;

	@MockitoBean
	OnceOnly onceOnly;

	@BeforeEach
	void wigston() {
		NeighbourhoodSummary wigston = TestNeighbourhoods.live(7L, "wigston", "Wigston");
		given(this.neighbourhoods.forPrioritiesAndEvents(anyLong(), any())).willReturn(wigston);
	}

	@Test
	void aNewEventWithNothingTypedComesBackWithEveryProblemInPageOrder() throws Exception {
		MvcResult result = this.mvc.perform(as(post("/staff/neighbourhoods/7/events/new")))
			.andExpect(status().isOk())
			.andExpect(view().name("event/new"))
			.andReturn();
		assertThat(errors(result)).extracting(FormError::message)
			.containsExactly("Enter a title", "Select the type of event", "Enter where the event is",
					"Enter the date of the event", "Enter the start time", "Enter the end time");
		verifyNoInteractions(this.editing, this.onceOnly);
	}

	@Test
	void timesThatAreNotTimesOrEndBeforeTheStartAreRefusedAndKept() throws Exception {
		MvcResult result = this.mvc
			.perform(as(post("/staff/neighbourhoods/7/events/new").param("title", "Beat surgery")
				.param("type", "BEAT_SURGERY")
				.param("address", "Wigston Library")
				.param("dateDay", "30")
				.param("dateMonth", "11")
				.param("dateYear", "2026")
				.param("startTime", "half six")
				.param("endTime", "6pm")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(errors(result)).containsExactly(
				new FormError("startTime", "Enter the start time in the correct format, like 6:30pm or 18:30"));
		EventForm form = (EventForm) result.getModelAndView().getModel().get("form");
		assertThat(form.startTime()).isEqualTo("half six");
		assertThat(form.dateDay()).isEqualTo("30");
		assertThat(result.getResponse().getContentAsString()).contains("Enter the start time in the correct format");

		MvcResult endFirst = this.mvc
			.perform(as(post("/staff/neighbourhoods/7/events/new").param("title", "Beat surgery")
				.param("type", "BEAT_SURGERY")
				.param("address", "Wigston Library")
				.param("dateDay", "3")
				.param("dateMonth", "12")
				.param("dateYear", "2026")
				.param("startTime", "6pm")
				.param("endTime", "5:30pm")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(errors(endFirst)).containsExactly(new FormError("endTime", "End time must be after the start time"));
		verifyNoInteractions(this.editing, this.onceOnly);
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(PageSlice.signedIn(OFFICER)).with(csrf());
	}

	@SuppressWarnings("unchecked")
	private static List<FormError> errors(MvcResult result) {
		Map<String, Object> model = result.getModelAndView().getModel();
		return (List<FormError>) model.get("errors");
	}

}
