package uk.yourarea.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * Turns Bean Validation results into what a GOV.UK form shows: one message per field, in
 * the order the fields appear on the page, for the error summary and beside each field.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static List<FormError> inPageOrder(BindingResult result, List<String> fieldOrder) {
		Map<String, String> byField = new LinkedHashMap<>();
		result.getFieldErrors()
			.stream()
			.sorted(Comparator.comparingInt((FieldError error) -> position(fieldOrder, error.getField()))
				.thenComparingInt(FormErrors::rank))
			.forEach((error) -> byField.putIfAbsent(error.getField(), error.getDefaultMessage()));
		List<FormError> errors = new ArrayList<>();
		byField.forEach((field, message) -> errors.add(new FormError(field, message)));
		return errors;
	}

	/** These errors sorted by where their fields are on the page; others last. */
	public static List<FormError> sortedByField(List<FormError> errors, List<String> fieldOrder) {
		List<FormError> sorted = new ArrayList<>(errors);
		sorted.sort(Comparator.comparingInt((FormError error) -> position(fieldOrder, error.field())));
		return sorted;
	}

	/**
	 * The form's own errors, then the problems a further check found on the fields that
	 * have none, all in page order; a field in {@code ignored} (one the page does not let
	 * anyone change) has no errors at all.
	 */
	public static List<FormError> withFurtherProblems(BindingResult result, List<String> fieldOrder,
			Set<String> ignored, List<FormError> furtherProblems) {
		List<FormError> errors = new ArrayList<>(inPageOrder(result, fieldOrder));
		errors.removeIf((error) -> ignored.contains(error.field()));
		Set<String> wrong = byField(errors).keySet();
		furtherProblems.stream().filter((problem) -> !wrong.contains(problem.field())).forEach(errors::add);
		return sortedByField(errors, fieldOrder);
	}

	/**
	 * Adds a problem found by a check beyond the form's annotations (one that needs the
	 * database or the date), so that {@link #inPageOrder} lists it with the others. The
	 * field need not be one of the form's properties: a date input's three boxes are one
	 * field.
	 */
	public static void reject(Errors errors, String field, String message) {
		if (errors instanceof BindingResult result) {
			result.addError(new FieldError(result.getObjectName(), field, message));
		}
		else {
			errors.rejectValue(field, field, message);
		}
	}

	/** The field messages as a map, for {@code ${fieldErrors['email']}} in templates. */
	public static Map<String, String> byField(List<FormError> errors) {
		Map<String, String> map = new LinkedHashMap<>();
		errors.forEach((error) -> map.put(error.field(), error.message()));
		return map;
	}

	/**
	 * Of several errors on one field, the one about characters it cannot hold comes
	 * first: the field is shown again without them, and the other checks are better made
	 * on what is left.
	 */
	private static int rank(FieldError error) {
		String code = error.getCode();
		return (PlainText.class.getSimpleName().equals(code) || SingleLine.class.getSimpleName().equals(code)) ? 0 : 1;
	}

	private static int position(List<String> fieldOrder, String field) {
		int index = fieldOrder.indexOf(field);
		return (index < 0) ? Integer.MAX_VALUE : index;
	}

}
