package uk.yourarea.event;

public enum EventType {

	BEAT_SURGERY("Beat surgery"), PUBLIC_MEETING("Public meeting"), PATCH_WALK("Patch walk"), OTHER("Event");

	private final String label;

	EventType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
