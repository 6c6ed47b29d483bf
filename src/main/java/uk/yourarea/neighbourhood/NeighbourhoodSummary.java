package uk.yourarea.neighbourhood;

import uk.yourarea.neighbourhood.PublicNeighbourhoods.AreaHeading;

/**
 * A neighbourhood, live or retired, as other features name it and link to it: what they
 * keep is its id, and this is what they show for it.
 *
 * @param retired whether it has been retired: no public page, no new messages
 */
public record NeighbourhoodSummary(long id, String code, String name, String slug, AreaHeading area, boolean retired) {

	static NeighbourhoodSummary of(Neighbourhood neighbourhood) {
		return new NeighbourhoodSummary(neighbourhood.getId(), neighbourhood.getCode(), neighbourhood.getName(),
				neighbourhood.getSlug(), PublicNeighbourhoods.heading(neighbourhood.getLocalPolicingArea()),
				neighbourhood.isRetired());
	}

}
