package uk.yourarea.priority;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The wording of a priority's issue, and the version the form was opened with. */
record PriorityWordingForm(@NotBlank(message = "Enter the issue") @Size(max = 300,
		message = "Issue must be 300 characters or fewer") @Nullable String issue, @Nullable Long version) {

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
