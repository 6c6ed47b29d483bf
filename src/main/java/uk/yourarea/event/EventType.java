package uk.yourarea.event;

import java.util.Locale;

public enum EventType {

	BEAT_SURGERY("Beat surgery"), PUBLIC_MEETING("Public meeting"), PATCH_WALK("Patch walk"), OTHER("Event");

	private final String label;

	EventType(String label) {
		this.label = label;
	}

	/** The label in English, as staff pages and the change history show it. */
	public String label() {
		return this.label;
	}

	/** The key of the label in the bundle, for public pages in their language. */
	public String labelKey() {
		return "event.calendar.type." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
