package uk.yourarea.contact;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import uk.yourarea.testing.Bundles;

/**
 * A message's status and topic are named by keys of the bundles, not by English in the
 * code: the staff pages read the status from staff.properties, and every page the topic
 * from messages.properties, which has its Welsh.
 */
class MessageWordingTests {

	@Test
	void everyStatusHasItsWordsInStaffProperties() {
		Bundles.assertStaffKeys("the statuses' keys",
				Arrays.stream(MessageStatus.values()).map(MessageStatus::labelKey).toList());
	}

	@Test
	void everyTopicHasItsWordsInBothLanguages() {
		Bundles.assertResidentKeys("the topics' keys", Arrays.stream(Topic.values()).map(Topic::labelKey).toList());
	}

}
