package uk.yourarea.priority;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import uk.yourarea.testing.Bundles;

/**
 * Where a priority came from is named by a key of staff.properties: the priority form's
 * choices and the change records say it from there.
 */
class OriginWordingTests {

	@Test
	void everyOriginHasItsWordsInStaffProperties() {
		Bundles.assertStaffKeys("the origins' keys",
				Arrays.stream(Priority.Origin.values()).map(Priority.Origin::labelKey).toList());
	}

}
