package uk.yourarea.audit;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.yourarea.web.NotFoundException;

/**
 * The history of changes: everything that showed on one neighbourhood's Your Area page,
 * or everything done to one thing. Officers and supervisors see the history of their own
 * neighbourhoods' pages; web editors and administrators see all ({@link ChangeLog}
 * checks).
 */
@Controller
class ChangeHistoryController {

	private final ChangeLog changes;

	private final MessageSource messages;

	ChangeHistoryController(ChangeLog changes, MessageSource messages) {
		this.changes = changes;
		this.messages = messages;
	}

	@GetMapping("/staff/changes/neighbourhood-page/{neighbourhoodId}")
	String neighbourhoodPage(@PathVariable long neighbourhoodId, Model model) {
		List<ChangeRecord> records = this.changes.historyOfNeighbourhoodPage(neighbourhoodId);
		return show(model, records, true, "/staff/neighbourhoods/" + neighbourhoodId);
	}

	@GetMapping("/staff/changes/{subjectType:[a-z][a-z-]*}/{subjectId}")
	String subject(@PathVariable String subjectType, @PathVariable long subjectId, Model model) {
		List<ChangeRecord> records = this.changes.historyOf(subjectType, subjectId);
		if (records.isEmpty()) {
			throw new NotFoundException("No changes recorded to " + subjectType + " " + subjectId);
		}
		return show(model, records, false, null);
	}

	private String show(Model model, List<ChangeRecord> records, boolean wholePage,
			@org.jspecify.annotations.Nullable String backTo) {
		model.addAttribute("records", records);
		model.addAttribute("wholePage", wholePage);
		model.addAttribute("backTo", backTo);
		model.addAttribute("title",
				(wholePage || records.isEmpty())
						? this.messages.getMessage("audit.history.title.page", null, LocaleContextHolder.getLocale())
						: this.messages.getMessage("audit.history.title.subject",
								new Object[] { records.get(0).getSubjectName() }, LocaleContextHolder.getLocale()));
		model.addAttribute("changeLog", this.changes);
		return "audit/history";
	}

}
