package uk.yourarea.security;

/**
 * What a member of staff may do. An account can hold several roles; each adds to what the
 * others allow.
 */
public enum StaffRole {

	/** Reads and answers the messages of the neighbourhoods they belong to. */
	OFFICER("Officer", "Reads and answers messages for the neighbourhoods they belong to"),

	/** Oversees the neighbourhoods of their local policing areas. */
	SUPERVISOR("Supervisor", "Oversees messages for every neighbourhood in their local policing areas"),

	/** Edits the public pages; cannot read residents' messages. */
	WEB_EDITOR("Web editor", "Edits the public pages; cannot read residents' messages"),

	/**
	 * Manages staff accounts, and can do everything the other roles can but answer data
	 * protection requests.
	 */
	ADMIN("Administrator", "Manages staff accounts and can see everything but the data protection desk"),

	/**
	 * The force's data protection officer and their team: finds, exports, erases and
	 * holds residents' personal data. Kept apart from every other role, administrators'
	 * included, so that reading everything about a person is a separate, audited duty.
	 */
	DATA_PROTECTION("Data protection", "Finds, exports and erases residents' personal data, on request");

	private final String label;

	private final String description;

	StaffRole(String label, String description) {
		this.label = label;
		this.description = description;
	}

	/** The name people read, like "Web editor". */
	public String label() {
		return this.label;
	}

	/** One line on what the role allows, for hints next to checkboxes. */
	public String description() {
		return this.description;
	}

	/** The Spring Security authority for this role: {@code ROLE_OFFICER} and so on. */
	/** The key of {@link #label()} in the staff wording (staff.properties). */
	public String labelKey() {
		return switch (this) {
			case OFFICER -> "security.role.officer";
			case SUPERVISOR -> "security.role.supervisor";
			case WEB_EDITOR -> "security.role.web-editor";
			case ADMIN -> "security.role.admin";
			case DATA_PROTECTION -> "security.role.data-protection";
		};
	}

	/** The key of {@link #description()} in the staff wording (staff.properties). */
	public String descriptionKey() {
		return labelKey() + ".description";
	}

	public String authority() {
		return "ROLE_" + name();
	}

}
