package uk.yourarea.priority;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.DateInput;

/**
 * A new priority: the issue, what the team is doing first, and when it was raised; the
 * issue and the first entry in Welsh too, if the team writes them.
 */
record PriorityForm(
		@NotBlank(message = "{priority.issue.required}") @Size(max = 300,
				message = "{priority.issue.too-long}") @Nullable String issue,
		@NotBlank(message = "{priority.action.required}") @Size(max = 3000,
				message = "{priority.action.too-long}") @Nullable String action,
		@Nullable String raisedOnDay, @Nullable String raisedOnMonth, @Nullable String raisedOnYear,
		@Nullable String origin, @Nullable String originConsultationId,
		@Size(max = 300, message = "{priority.origin.detail.too-long}") @Nullable String originDetail,
		@Size(max = 300, message = "{priority.issue-cy.too-long}") @Nullable String issueCy,
		@Size(max = 3000, message = "{priority.action-cy.too-long}") @Nullable String actionCy) {

	static final List<String> FIELD_ORDER = List.of("issue", "issueCy", "origin", "originConsultationId",
			"originDetail", "action", "actionCy", "raisedOn");

	PriorityForm {
		issue = (issue != null) ? issue.strip() : null;
		action = (action != null) ? action.strip() : null;
		originDetail = (originDetail != null) ? originDetail.strip() : null;
		issueCy = (issueCy != null) ? issueCy.strip() : null;
		actionCy = (actionCy != null) ? actionCy.strip() : null;
	}

	static PriorityForm blank() {
		return new PriorityForm("", "", "", "", "", "", "", "", "", "");
	}

	/** A new priority that came from a consultation. */
	static PriorityForm fromConsultation(long consultationId) {
		return new PriorityForm("", "", "", "", "", Priority.Origin.CONSULTATION.name(), Long.toString(consultationId),
				"", "", "");
	}

	public DateInput raisedOn() {
		return new DateInput(this.raisedOnDay, this.raisedOnMonth, this.raisedOnYear);
	}

	/** Where it came from, or null when none of the choices was made. */
	Priority.@Nullable Origin chosenOrigin() {
		for (Priority.Origin choice : Priority.Origin.values()) {
			if (choice.name().equals(this.origin)) {
				return choice;
			}
		}
		return null;
	}

	/** The consultation chosen, or null when none or not a number. */
	@Nullable Long chosenConsultationId() {
		try {
			return (this.originConsultationId == null || this.originConsultationId.isBlank()) ? null
					: Long.valueOf(this.originConsultationId.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
