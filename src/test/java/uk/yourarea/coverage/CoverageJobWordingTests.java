package uk.yourarea.coverage;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import uk.yourarea.testing.Bundles;

/**
 * An upload's status is named by keys of staff.properties: alone, as its tag shows it,
 * and in the middle of a sentence, as a refusal says it.
 */
class CoverageJobWordingTests {

	@Test
	void everyStatusHasItsWordsInStaffProperties() {
		Bundles.assertStaffKeys("the statuses' names",
				Arrays.stream(CoverageJob.Status.values()).map(CoverageJob.Status::labelKey).toList());
		Bundles.assertStaffKeys("the statuses in a sentence",
				Arrays.stream(CoverageJob.Status.values()).map(CoverageJob.Status::inSentenceKey).toList());
	}

}
