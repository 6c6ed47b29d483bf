package uk.yourarea.event;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import uk.yourarea.testing.Bundles;

/**
 * An event's type is named by a key of messages.properties, with its Welsh: the public
 * pages, the calendar feed and the staff pages all say it from there.
 */
class EventTypeWordingTests {

	@Test
	void everyTypeHasItsWordsInBothLanguages() {
		Bundles.assertResidentKeys("the event types' keys",
				Arrays.stream(EventType.values()).map(EventType::labelKey).toList());
	}

}
