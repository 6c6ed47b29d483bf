package uk.yourarea.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;

/**
 * What every staff form page is given when it is shown, first or again: what was typed,
 * the error summary, each field's message, and any edit conflict.
 */
public final class FormPage {

	private FormPage() {
	}

	/** The view, with the form's attributes added to the model. */
	public static String show(Model model, String view, Object form, List<FormError> errors,
			@Nullable Object conflict) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("conflict", conflict);
		return view;
	}

}
