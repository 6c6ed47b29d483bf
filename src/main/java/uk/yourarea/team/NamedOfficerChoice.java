package uk.yourarea.team;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.FormError;

/**
 * The named officer chosen on the form: a member's id, or
 * {@link TeamPages#NO_NAMED_OFFICER}, and whether their details were checked with them.
 */
record NamedOfficerChoice(@Nullable String officer, boolean confirmed) {

	boolean nobody() {
		return TeamPages.NO_NAMED_OFFICER.equals(this.officer);
	}

	/** The member chosen, if the choice is one of the team. */
	@Nullable TeamMember chosen(List<TeamMember> members) {
		if (this.officer == null || !this.officer.matches("[0-9]{1,18}")) {
			return null;
		}
		Long id = Long.valueOf(this.officer);
		return members.stream().filter((member) -> member.getId().equals(id)).findFirst().orElse(null);
	}

	/** What is wrong with the choice, in page order. */
	List<FormError> problems(List<TeamMember> members) {
		List<FormError> errors = new ArrayList<>();
		TeamMember chosen = chosen(members);
		if (!nobody() && chosen == null) {
			errors.add(new FormError("officer", (this.officer == null || this.officer.isBlank())
					? "Select the named officer, or no named officer" : "Select the named officer from the list"));
		}
		else if (chosen != null && !chosen.getRole().canBeNamedOfficer()) {
			errors.add(new FormError("officer", "Only a PC or a PCSO can be the named officer: "
					+ chosen.getTitledName() + " is a " + chosen.getRole().title()));
		}
		if (chosen != null && !this.confirmed) {
			errors.add(new FormError("confirmed",
					"Confirm that you have checked their name, role and collar number with them"));
		}
		return errors;
	}

}
