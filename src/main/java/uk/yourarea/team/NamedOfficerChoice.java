package uk.yourarea.team;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.FormError;
import uk.yourarea.web.Phrase;

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
	List<FormError> problems(List<TeamMember> members, TeamPages pages) {
		List<FormError> errors = new ArrayList<>();
		TeamMember chosen = chosen(members);
		if (!nobody() && chosen == null) {
			errors.add(new FormError("officer", pages.text((this.officer == null || this.officer.isBlank())
					? "team.named-officer.officer.required" : "team.named-officer.officer.not-listed")));
		}
		else if (chosen != null && !chosen.getRole().canBeNamedOfficer()) {
			errors.add(new FormError("officer", pages.text("team.named-officer.officer.role", chosen.getTitledName(),
					Phrase.of(chosen.getRole().titleKey()))));
		}
		if (chosen != null && !this.confirmed) {
			errors.add(new FormError("confirmed", pages.text("team.named-officer.confirmed.required")));
		}
		return errors;
	}

}
