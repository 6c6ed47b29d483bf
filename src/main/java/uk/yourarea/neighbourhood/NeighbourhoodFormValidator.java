package uk.yourarea.neighbourhood;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * The checks on the neighbourhood form beyond its annotations, which need the database: a
 * code and web address no other neighbourhood has, and a live local policing area.
 */
@Component
class NeighbourhoodFormValidator {

	private final NeighbourhoodChanges changes;

	NeighbourhoodFormValidator(NeighbourhoodChanges changes) {
		this.changes = changes;
	}

	/**
	 * Every problem, in page order.
	 * @param editing the neighbourhood being changed, or null for a new one
	 */
	List<FormError> check(NeighbourhoodForm form, BindingResult result, @Nullable Long editing) {
		// The code cannot be changed: whatever the browser sent for it is ignored.
		return FormErrors.withFurtherProblems(result, NeighbourhoodForm.FIELD_ORDER,
				(editing != null) ? Set.of("code") : Set.of(), this.changes.problems(form, editing));
	}

	/**
	 * The problems that explain a save the database refused (someone else took the code
	 * or the web address a moment ago); the refusal itself when there are none.
	 */
	List<FormError> explain(RuntimeException refused, NeighbourhoodForm form, BindingResult result,
			@Nullable Long editing) {
		List<FormError> errors = check(form, result, editing);
		if (errors.isEmpty()) {
			throw refused;
		}
		return errors;
	}

	static List<FormError> inPageOrder(List<FormError> errors) {
		return FormErrors.sortedByField(errors, NeighbourhoodForm.FIELD_ORDER);
	}

}
