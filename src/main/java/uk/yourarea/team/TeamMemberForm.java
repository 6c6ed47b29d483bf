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
		@NotBlank(message = "{team.member.name.required}") @Size(max = 100,
				message = "{team.member.name.too-long}") @Nullable String name,
		@NotNull(message = "{team.member.role.required}") @Pattern(regexp = "PC|PCSO|SERGEANT|INSPECTOR|OTHER",
				message = "{team.member.role.not-listed}") @Nullable String role,
		@Pattern(regexp = "[A-Za-z0-9]{1,10}",
				message = "{team.member.collar-number.format}") @Nullable String collarNumber,
		@Size(max = 1000, message = "{team.member.bio.too-long}") @Nullable String bio, @Nullable Long version,
		@Size(max = 1000, message = "{team.member.bio-cy.too-long}") @Nullable String bioCy) {

	static final List<String> FIELD_ORDER = List.of("name", "role", "collarNumber", "bio", "bioCy");

	TeamMemberForm {
		name = stripped(name);
		role = stripped(role);
		collarNumber = stripped(collarNumber);
		bio = stripped(bio);
		bioCy = stripped(bioCy);
	}

	static TeamMemberForm blank() {
		return new TeamMemberForm(null, null, null, null, null, null);
	}

	static TeamMemberForm of(TeamMember member) {
		return new TeamMemberForm(member.getName(), member.getRole().name(), member.getCollarNumber(), member.getBio(),
				member.getVersion(), member.getBioCy());
	}

	TeamEditing.Details details() {
		if (this.name == null || this.role == null) {
			throw new IllegalStateException("Validate the form first");
		}
		return new TeamEditing.Details(this.name, Role.valueOf(this.role), this.collarNumber, this.bio, this.bioCy);
	}

	/** The same typing, based on another saved version (after a conflict). */
	TeamMemberForm basedOn(long newVersion) {
		return new TeamMemberForm(this.name, this.role, this.collarNumber, this.bio, newVersion, this.bioCy);
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
