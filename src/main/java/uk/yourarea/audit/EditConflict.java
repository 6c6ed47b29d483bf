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
 * @param message the message for the error summary
 */
public record EditConflict(String changedBy, String changedAt, List<Difference> differences, String message) {

	/** One field as it is saved now ({@code saved}) and as this person typed it. */
	public record Difference(String field, String saved, String yours) {
	}

}
