package uk.yourarea.neighbourhood;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

import uk.yourarea.security.StaffUser;

/**
 * The check every page of an {@link EditsOneNeighbourhood} controller starts with: a 404
 * for no such neighbourhood, refused outside the person's scope, and otherwise the
 * neighbourhood as the model attribute {@code neighbourhood}.
 */
@ControllerAdvice(annotations = EditsOneNeighbourhood.class)
public class OneNeighbourhoodsEditors {

	private final EditableNeighbourhoods neighbourhoods;

	OneNeighbourhoodsEditors(EditableNeighbourhoods neighbourhoods) {
		this.neighbourhoods = neighbourhoods;
	}

	@ModelAttribute("neighbourhood")
	NeighbourhoodSummary neighbourhood(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user) {
		return this.neighbourhoods.forPrioritiesAndEvents(neighbourhoodId, user);
	}

}
