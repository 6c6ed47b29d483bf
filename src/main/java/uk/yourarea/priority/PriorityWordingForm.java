package uk.yourarea.priority;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The wording of a priority's issue, in English and Welsh, and the version the form was
 * opened with.
 */
record PriorityWordingForm(
		@NotBlank(message = "{priority.issue.required}") @Size(max = 300,
				message = "{priority.issue.too-long}") @Nullable String issue,
		@Nullable Long version, @Size(max = 300, message = "{priority.issue-cy.too-long}") @Nullable String issueCy) {

	static final List<String> FIELD_ORDER = List.of("issue", "issueCy");

	PriorityWordingForm {
		issue = (issue != null) ? issue.strip() : null;
		issueCy = (issueCy != null) ? issueCy.strip() : null;
	}

	static PriorityWordingForm of(Priority priority) {
		return new PriorityWordingForm(priority.getIssue(), priority.getVersion(), priority.getIssueCy());
	}

	PriorityWordingForm basedOn(long newVersion) {
		return new PriorityWordingForm(this.issue, newVersion, this.issueCy);
	}

}
