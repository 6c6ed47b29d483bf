package uk.yourarea.neighbourhood;

import java.util.Locale;

import uk.yourarea.neighbourhood.PublicNeighbourhoods.AreaHeading;
import uk.yourarea.web.Languages;

/**
 * A neighbourhood, live or retired, as other features name it and link to it: what they
 * keep is its id, and this is what they show for it.
 *
 * @param retired whether it has been retired: no public page, no new messages
 */
public record NeighbourhoodSummary(long id, String code, String name, String slug, AreaHeading area, boolean retired) {

	static NeighbourhoodSummary of(Neighbourhood neighbourhood) {
		return of(neighbourhood, Languages.ENGLISH);
	}

	/**
	 * Named as a page in this language names it: the Welsh names where there are some.
	 */
	static NeighbourhoodSummary of(Neighbourhood neighbourhood, Locale language) {
		return new NeighbourhoodSummary(neighbourhood.getId(), neighbourhood.getCode(),
				neighbourhood.nameIn(language).toString(), neighbourhood.getSlug(),
				PublicNeighbourhoods.heading(neighbourhood.getLocalPolicingArea(), language),
				neighbourhood.isRetired());
	}

}
