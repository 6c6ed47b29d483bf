package uk.yourarea.contact;

/**
 * What one entry in a message's history records: something the resident or the team said,
 * or something staff or the site did.
 */
public enum EntryKind {

	RECEIVED(true), RESIDENT_REPLY(true), HOLDING_REPLY(true), FULL_REPLY(true), NOTE(false), ASSIGNED(false),
	VIEWED(false), CLOSED(false), REOPENED(false), RESIDENT_SATISFIED(true), RESIDENT_NOT_SATISFIED(true),
	ESCALATED(false), RELEASED_FROM_REVIEW(false), EMAIL_FAILED(false);

	private final boolean conversation;

	EntryKind(boolean conversation) {
		this.conversation = conversation;
	}

	/**
	 * Part of what the resident and the team said to each other (shown on the private
	 * page).
	 */
	public boolean isConversation() {
		return this.conversation;
	}

	public boolean isFromTeam() {
		return this == HOLDING_REPLY || this == FULL_REPLY;
	}

	/** Something the resident wrote or said. */
	public boolean isResidents() {
		return this == RECEIVED || this == RESIDENT_REPLY || this == RESIDENT_SATISFIED
				|| this == RESIDENT_NOT_SATISFIED;
	}

}
