package uk.yourarea.station;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.yourarea.audit.EditConflicts;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.PageSlice;
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
 * The station forms refused, in seconds and without a database: each comes back (200)
 * with what was typed and the problem beside the box it is about, and nothing is saved.
 * Who may reach these pages is the security configuration's, tested in the full-stack
 * tests ({@link StationAdminIT}); here a web editor is signed in.
 */
@WebMvcTest
@ContextConfiguration(
		classes = { StationAdminController.class, StationFormValidator.class, StationPages.class, PageSlice.class })
class StationAdminControllerTests {

	static final RequestPostProcessor EDITOR = PageSlice.signedIn(
			new StaffUser(2, "Web Editor", "webeditor@example.org", Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of()));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	StationEditing editing;

	@MockitoBean
	NeighbourhoodDirectory neighbourhoods;

	@MockitoBean
	EditConflicts conflicts;

	@BeforeEach
	void aStation() {
		given(this.editing.find(5L)).willReturn(Optional
			.of(new Station("Wigston Police Station", Station.Kind.STATION, "Bull Head Street", "LE18 1PA", true)));
	}

	@Test
	void changedHoursOnADateWithoutADayPointAtTheDayBox() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/staff/stations/5/exceptions/new").with(csrf())
				.with(EDITOR)
				.param("day", "")
				.param("month", "13")
				.param("year", "2027")
				.param("opens", "9am")
				.param("closes", "")
				.param("reason", "Training day"))
			.andExpect(status().isOk())
			.andExpect(view().name("station/new-exception"))
			.andReturn();
		assertThat(errors(result)).containsExactly(new FormError("date-day", "Date must include a day"),
				new FormError("closes", "Enter a closing time"));
		ExceptionForm form = (ExceptionForm) result.getModelAndView().getModel().get("form");
		assertThat(form.month()).isEqualTo("13");
		assertThat(form.opens()).isEqualTo("9am");
		assertThat(result.getResponse().getContentAsString()).contains("Date must include a day");
		then(this.editing).should(never()).addException(any(), anyLong(), any(), any(), any());
	}

	@Test
	void aDateMoreThanTwoYearsAheadPointsAtTheYearBox() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/staff/stations/5/exceptions/new").with(csrf())
				.with(EDITOR)
				.param("day", "2")
				.param("month", "12")
				.param("year", "2028"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(errors(result)).containsExactly(new FormError("date-year", "Date must be within the next 2 years"));
	}

	@Test
	void aStationWithoutAPostcodeOrNeighbourhoodsIsRefused() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/staff/stations/new").with(csrf())
				.with(EDITOR)
				.param("name", "Oadby Hub")
				.param("kind", "HUB")
				.param("address", "The Parade")
				.param("postcode", "not a postcode")
				.param("frontCounter", "no"))
			.andExpect(status().isOk())
			.andExpect(view().name("station/new"))
			.andReturn();
		assertThat(errors(result)).containsExactly(new FormError("postcode", "Enter a real postcode, like LE18 1PA"),
				new FormError("neighbourhoodIds", "Select at least one neighbourhood the station or hub serves"));
		assertThat(((StationForm) result.getModelAndView().getModel().get("form")).name()).isEqualTo("Oadby Hub");
		then(this.editing).should(never()).create(any(), any());
	}

	@SuppressWarnings("unchecked")
	private static List<FormError> errors(MvcResult result) {
		return (List<FormError>) result.getModelAndView().getModel().get("errors");
	}

}
