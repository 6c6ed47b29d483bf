package uk.yourarea.team;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What an editor types to add a team member or change one: the fields the public page
 * shows, checked as the database checks them. {@code version} is for a change only.
 */
record TeamMemberForm(
		@NotBlank(message = "Enter their name") @Size(max = 100,
				message = "Name must be 100 characters or fewer") @Nullable String name,
		@NotNull(message = "Select their role") @Pattern(regexp = "PC|PCSO|SERGEANT|INSPECTOR|OTHER",
				message = "Select their role from the list") @Nullable String role,
		@Pattern(regexp = "[A-Za-z0-9]{1,10}",
				message = "Collar number must be up to 10 letters and numbers, like 4127") @Nullable String collarNumber,
		@Size(max = 1000, message = "About them must be 1,000 characters or fewer") @Nullable String bio,
		@Nullable Long version) {

	static final List<String> FIELD_ORDER = List.of("name", "role", "collarNumber", "bio");

	TeamMemberForm {
		name = stripped(name);
		role = stripped(role);
		collarNumber = stripped(collarNumber);
		bio = stripped(bio);
	}

	static TeamMemberForm blank() {
		return new TeamMemberForm(null, null, null, null, null);
	}

	static TeamMemberForm of(TeamMember member) {
		return new TeamMemberForm(member.getName(), member.getRole().name(), member.getCollarNumber(), member.getBio(),
				member.getVersion());
	}

	TeamEditing.Details details() {
		if (this.name == null || this.role == null) {
			throw new IllegalStateException("Validate the form first");
		}
		return new TeamEditing.Details(this.name, Role.valueOf(this.role), this.collarNumber, this.bio);
	}

	/** The same typing, based on another saved version (after a conflict). */
	TeamMemberForm basedOn(long newVersion) {
		return new TeamMemberForm(this.name, this.role, this.collarNumber, this.bio, newVersion);
	}

	/** The role chosen, if it is one. */
	@Nullable Role chosenRole() {
		return (this.role != null && this.role.matches("PC|PCSO|SERGEANT|INSPECTOR|OTHER")) ? Role.valueOf(this.role)
				: null;
	}

	private static @Nullable String stripped(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String strippedText = text.strip();
		return strippedText.isEmpty() ? null : strippedText;
	}

}
