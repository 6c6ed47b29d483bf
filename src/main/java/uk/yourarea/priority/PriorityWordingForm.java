package uk.yourarea.priority;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The wording of a priority's issue, and the version the form was opened with. */
record PriorityWordingForm(@NotBlank(message = "{priority.issue.required}") @Size(max = 300,
		message = "{priority.issue.too-long}") @Nullable String issue, @Nullable Long version) {

	PriorityWordingForm {
		issue = (issue != null) ? issue.strip() : null;
	}

	static PriorityWordingForm of(Priority priority) {
		return new PriorityWordingForm(priority.getIssue(), priority.getVersion());
	}

	PriorityWordingForm basedOn(long newVersion) {
		return new PriorityWordingForm(this.issue, newVersion);
	}

}
