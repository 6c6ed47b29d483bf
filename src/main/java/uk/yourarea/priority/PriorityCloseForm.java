package uk.yourarea.priority;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Closing a priority: what came of it (in Welsh too, if written), and the version the
 * form was opened with.
 */
record PriorityCloseForm(
		@NotBlank(message = "{priority.outcome.required}") @Size(max = 3000,
				message = "{priority.outcome.too-long}") @Nullable String outcome,
		@Nullable Long version,
		@Size(max = 3000, message = "{priority.outcome-cy.too-long}") @Nullable String outcomeCy) {

	PriorityCloseForm {
		outcome = (outcome != null) ? outcome.strip() : null;
		outcomeCy = (outcomeCy != null) ? outcomeCy.strip() : null;
	}

	static PriorityCloseForm blank(long version) {
		return new PriorityCloseForm("", version, "");
	}

	PriorityCloseForm basedOn(long newVersion) {
		return new PriorityCloseForm(this.outcome, newVersion, this.outcomeCy);
	}

}
