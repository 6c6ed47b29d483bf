package uk.yourarea.security;

/**
 * What a member of staff may do. An account can hold several roles; each adds to what the
 * others allow.
 */
public enum StaffRole {

	/** Reads and answers the messages of the neighbourhoods they belong to. */
	OFFICER,

	/** Oversees the neighbourhoods of their local policing areas. */
	SUPERVISOR,

	/** Edits the public pages; cannot read residents' messages. */
	WEB_EDITOR,

	/**
	 * Manages staff accounts, and can do everything the other roles can but answer data
	 * protection requests.
	 */
	ADMIN,

	/**
	 * The force's data protection officer and their team: finds, exports, erases and
	 * holds residents' personal data. Kept apart from every other role, administrators'
	 * included, so that reading everything about a person is a separate, audited duty.
	 */
	DATA_PROTECTION;

	/** The key of the name people read, like "Web editor", in staff.properties. */
	public String labelKey() {
		return switch (this) {
			case OFFICER -> "security.role.officer";
			case SUPERVISOR -> "security.role.supervisor";
			case WEB_EDITOR -> "security.role.web-editor";
			case ADMIN -> "security.role.admin";
			case DATA_PROTECTION -> "security.role.data-protection";
		};
	}

	/**
	 * The key of one line on what the role allows, for hints next to checkboxes, in
	 * staff.properties.
	 */
	public String descriptionKey() {
		return labelKey() + ".description";
	}

	/** The Spring Security authority for this role: {@code ROLE_OFFICER} and so on. */
	public String authority() {
		return "ROLE_" + name();
	}

}
