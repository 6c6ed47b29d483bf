package uk.yourarea.alert;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an alert says and whom it is for, as its author wrote it: in English, and in Welsh
 * too when both {@code titleCy} and {@code bodyCy} are written.
 *
 * @param areaId the local policing area, for {@link AlertReach#AREA} only
 * @param neighbourhoodIds the chosen neighbourhoods, for
 * {@link AlertReach#NEIGHBOURHOODS} only
 */
record AlertDraft(String title, String body, @Nullable String titleCy, @Nullable String bodyCy, AlertTopic topic,
		AlertReach reach, @Nullable Long areaId, Set<Long> neighbourhoodIds) {

	AlertDraft {
		neighbourhoodIds = Set.copyOf(neighbourhoodIds);
	}

	/** An alert in English only. */
	AlertDraft(String title, String body, AlertTopic topic, AlertReach reach, @Nullable Long areaId,
			Set<Long> neighbourhoodIds) {
		this(title, body, null, null, topic, reach, areaId, neighbourhoodIds);
	}

}
