package uk.yourarea.audit;

import java.util.List;

/**
 * Someone else saved the thing being edited after this form was opened. The form is shown
 * again with what this person typed, above it who saved and when, and each field where
 * the two versions differ; saving again then overwrites knowingly.
 *
 * @param changedBy who saved first, or "someone else" if no change was recorded
 * @param changedAt when, for display ("23 November 2026 at 2:15pm"), or empty
 * @param differences the fields that differ, in form order
 */
public record EditConflict(String changedBy, String changedAt, List<Difference> differences) {

	/** One field as it is saved now ({@code saved}) and as this person typed it. */
	public record Difference(String field, String saved, String yours) {
	}

	/** The message for the error summary. */
	public String message() {
		return changedBy + " saved changes while you were editing. Check their version below, then save yours "
				+ "again if it is still right.";
	}

}
