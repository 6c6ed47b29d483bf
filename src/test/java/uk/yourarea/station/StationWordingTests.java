package uk.yourarea.station;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import uk.yourarea.testing.Bundles;

/**
 * What a station is (a police station, a community hub) is named by a key of
 * messages.properties, with its Welsh: the Your Area page and the staff pages say it.
 */
class StationWordingTests {

	@Test
	void everyKindHasItsWordsInBothLanguages() {
		Bundles.assertResidentKeys("the kinds' keys",
				Arrays.stream(Station.Kind.values()).map(Station::labelKeyOf).toList());
	}

}
