package uk.yourarea.contact;

/** Where a resident's message stands. */
public enum MessageStatus {

	/** Looked like abuse (honeypot, too fast): waits for a person to release it. */
	HELD_FOR_REVIEW("Held for review"),
	/** Waiting for the team. */
	OPEN("Open"),
	/** The team gave a full reply; the clock has stopped. */
	ANSWERED("Answered"),
	/** Closed by the team with an outcome. */
	CLOSED("Closed");

	private final String label;

	MessageStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
