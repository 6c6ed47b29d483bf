package uk.yourarea.team;

import java.util.Locale;

/** The roles of a neighbourhood team, in the order the public page lists them. */
public enum Role {

	PC, PCSO, SERGEANT, INSPECTOR, OTHER;

	/**
	 * The key of its full title ("Police Constable") in messages.properties, which has
	 * its Welsh: the public team list, the poster and the staff pages show it.
	 */
	public String titleKey() {
		return "team.role." + keyName();
	}

	/**
	 * The key of a member's name with this role's short title, in staff.properties:
	 * {@code {0}} is the name and {@code {1}} the collar number ("PC {1} {0}"). A team
	 * member of no police role is known by name alone.
	 */
	String titledNameKey(boolean withCollarNumber) {
		return "team.titled-name." + keyName() + ((withCollarNumber && this != OTHER) ? ".with-collar-number" : "");
	}

	/** The key of its full title in staff.properties, as the change records show it. */
	public String changeKey() {
		return switch (this) {
			case PC -> "change.value.role.pc";
			case PCSO -> "change.value.role.pcso";
			case SERGEANT -> "change.value.role.sergeant";
			case INSPECTOR -> "change.value.role.inspector";
			case OTHER -> "change.value.role.other";
		};
	}

	/** Only a PC or a PCSO may be a neighbourhood's named, contactable officer. */
	public boolean canBeNamedOfficer() {
		return this == PC || this == PCSO;
	}

	private String keyName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
