package uk.yourarea.priority;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Closing a priority: what came of it, and the version the form was opened with. */
record PriorityCloseForm(@NotBlank(message = "{priority.outcome.required}") @Size(max = 3000,
		message = "{priority.outcome.too-long}") @Nullable String outcome, @Nullable Long version) {

	PriorityCloseForm {
		outcome = (outcome != null) ? outcome.strip() : null;
	}

	PriorityCloseForm basedOn(long newVersion) {
		return new PriorityCloseForm(this.outcome, newVersion);
	}

}
