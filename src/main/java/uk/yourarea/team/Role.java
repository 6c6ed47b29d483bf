package uk.yourarea.team;

/** The roles of a neighbourhood team, in the order the public page lists them. */
public enum Role {

	PC("PC", "Police Constable"), PCSO("PCSO", "Police Community Support Officer"), SERGEANT("Sergeant", "Sergeant"),
	INSPECTOR("Inspector", "Inspector"), OTHER("Team member", "Team member");

	private final String shortTitle;

	private final String title;

	Role(String shortTitle, String title) {
		this.shortTitle = shortTitle;
		this.title = title;
	}

	public String shortTitle() {
		return this.shortTitle;
	}

	public String title() {
		return this.title;
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

}
