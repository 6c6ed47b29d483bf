package uk.yourarea.event;

import java.util.Locale;

public enum EventType {

	BEAT_SURGERY, PUBLIC_MEETING, PATCH_WALK, OTHER;

	/**
	 * The key of the label in messages.properties, which has its Welsh: public pages, the
	 * calendar feed, the staff pages and the change history say it.
	 */
	public String labelKey() {
		return "event.calendar.type." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
