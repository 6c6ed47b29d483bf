package uk.yourarea.alert;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an alert says and whom it is for, as its author wrote it.
 *
 * @param areaId the local policing area, for {@link AlertReach#AREA} only
 * @param neighbourhoodIds the chosen neighbourhoods, for
 * {@link AlertReach#NEIGHBOURHOODS} only
 */
record AlertDraft(String title, String body, AlertTopic topic, AlertReach reach, @Nullable Long areaId,
		Set<Long> neighbourhoodIds) {

	AlertDraft {
		neighbourhoodIds = Set.copyOf(neighbourhoodIds);
	}

}
