package uk.yourarea.coverage;

import org.junit.jupiter.api.Test;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.web.PublicContentChanged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The changes that redraw maps and lists on every page are the ones coverage and the
 * neighbourhoods announce: a change of either kind is known to move places.
 */
class PlacesChangesTests {

	@Test
	void coverageAndNeighbourhoodChangesMayChangePlaces() {
		assertThat(new PublicContentChanged(CoverageChangeRecords.SUBJECT_TYPE, 1, 1L).mayChangePlaces()).isTrue();
		assertThat(new PublicContentChanged(NeighbourhoodDirectory.CHANGE_SUBJECT_TYPE, 1, 1L).mayChangePlaces())
			.isTrue();
	}

}
