package uk.yourarea.neighbourhood;

import org.springframework.stereotype.Component;

import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.NotFoundException;

/**
 * The neighbourhood a staff editor's page is about, once the person asking may edit it:
 * the one check every editor of a neighbourhood's priorities and events starts with, and
 * where those pages live.
 */
@Component
public class EditableNeighbourhoods {

	private final NeighbourhoodDirectory neighbourhoods;

	private final StaffScope scope;

	EditableNeighbourhoods(NeighbourhoodDirectory neighbourhoods, StaffScope scope) {
		this.neighbourhoods = neighbourhoods;
		this.scope = scope;
	}

	/**
	 * The neighbourhood, when this person may edit its priorities and events: a 404 when
	 * there is no such neighbourhood, otherwise refused unless it is in their scope.
	 */
	public NeighbourhoodSummary forPrioritiesAndEvents(long neighbourhoodId, StaffUser user) {
		NeighbourhoodSummary neighbourhood = this.neighbourhoods.byId(neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + neighbourhoodId));
		this.scope.requireCanEditPrioritiesAndEventsOf(user, neighbourhoodId);
		return neighbourhood;
	}

	/** Where one section of a neighbourhood's staff pages is, like its priorities. */
	public static String staffPath(long neighbourhoodId, String section) {
		return "/staff/neighbourhoods/" + neighbourhoodId + "/" + section;
	}

}
