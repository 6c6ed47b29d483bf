package uk.yourarea.priority;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.DateInput;

/** A new priority: the issue, what the team is doing first, and when it was raised. */
record PriorityForm(
		@NotBlank(message = "Enter the issue") @Size(max = 300,
				message = "Issue must be 300 characters or fewer") @Nullable String issue,
		@NotBlank(message = "Enter why the team chose this priority and what it is doing about it") @Size(max = 3000,
				message = "What we are doing must be 3,000 characters or fewer") @Nullable String action,
		@Nullable String raisedOnDay, @Nullable String raisedOnMonth, @Nullable String raisedOnYear,
		@Nullable String origin, @Nullable String originConsultationId, @Size(max = 300,
				message = "About where it came from must be 300 characters or fewer") @Nullable String originDetail) {

	static final List<String> FIELD_ORDER = List.of("issue", "origin", "originConsultationId", "originDetail", "action",
			"raisedOn");

	PriorityForm {
		issue = (issue != null) ? issue.strip() : null;
		action = (action != null) ? action.strip() : null;
		originDetail = (originDetail != null) ? originDetail.strip() : null;
	}

	static PriorityForm blank() {
		return new PriorityForm("", "", "", "", "", "", "", "");
	}

	/** A new priority that came from a consultation. */
	static PriorityForm fromConsultation(long consultationId) {
		return new PriorityForm("", "", "", "", "", Priority.Origin.CONSULTATION.name(), Long.toString(consultationId),
				"");
	}

	public DateInput raisedOn() {
		return new DateInput(this.raisedOnDay, this.raisedOnMonth, this.raisedOnYear);
	}

}
