package uk.yourarea.priority;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;

import uk.yourarea.audit.EditConflict;
import uk.yourarea.neighbourhood.EditableNeighbourhoods;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormPage;

/**
 * What the priority editing pages share: where they are, and how a form about one
 * priority is shown.
 */
final class PriorityPages {

	private PriorityPages() {
	}

	static String base(long neighbourhoodId) {
		return EditableNeighbourhoods.staffPath(neighbourhoodId, "priorities");
	}

	/**
	 * A form about one priority, with what was typed, its errors and any edit conflict.
	 */
	static String formPage(Model model, String view, Priority priority, Object form, List<FormError> errors,
			@Nullable EditConflict conflict) {
		model.addAttribute("priority", priority);
		return FormPage.show(model, view, form, errors, conflict);
	}

}
