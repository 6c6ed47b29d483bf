package uk.yourarea.contact;

import java.util.Locale;

/** Where a resident's message stands. */
public enum MessageStatus {

	/** Looked like abuse (honeypot, too fast): waits for a person to release it. */
	HELD_FOR_REVIEW,
	/** Waiting for the team. */
	OPEN,
	/** The team gave a full reply; the clock has stopped. */
	ANSWERED,
	/** Closed by the team with an outcome. */
	CLOSED;

	/**
	 * The key of its name as staff pages show it, in staff.properties
	 * ({@code inbox.status.held-for-review}). Residents read theirs from
	 * {@code contact.conversation.status.*}.
	 */
	public String labelKey() {
		return "inbox.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
