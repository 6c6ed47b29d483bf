package uk.yourarea.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.Phrase;

/**
 * The history of changes: everything that showed on one neighbourhood's Your Area page,
 * or everything done to one thing. Officers and supervisors see the history of their own
 * neighbourhoods' pages; web editors and administrators see all ({@link ChangeLog}
 * checks). The stored keys are put into words here, from staff.properties.
 */
@Controller
class ChangeHistoryController {

	/** One change as the page shows it. */
	record Shown(String action, String subjectName, String changedByName, Instant changedAt, String when,
			List<ShownField> fields) {
	}

	/** One field of a change as the page shows it; empty when it had no value. */
	record ShownField(String field, String before, String after) {
	}

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

	private String show(Model model, List<ChangeRecord> records, boolean wholePage, @Nullable String backTo) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Shown> shown = records.stream().map((record) -> shown(record, locale)).toList();
		model.addAttribute("records", shown);
		model.addAttribute("wholePage", wholePage);
		model.addAttribute("backTo", backTo);
		model.addAttribute("title",
				(wholePage || shown.isEmpty()) ? this.messages.getMessage("audit.history.title.page", null, locale)
						: this.messages.getMessage("audit.history.title.subject",
								new Object[] { shown.get(0).subjectName() }, locale));
		return "audit/history";
	}

	private String words(Phrase phrase, Locale locale) {
		return phrase.in(this.messages, locale);
	}

	private Shown shown(ChangeRecord record, Locale locale) {
		return new Shown(words(record.getAction(), locale), words(record.getSubjectName(), locale),
				record.getChangedByName(), record.getChangedAt(), this.changes.formatWhen(record.getChangedAt()),
				record.getFields()
					.stream()
					.map((field) -> new ShownField(words(field.label(), locale), words(field.valueBefore(), locale),
							words(field.valueAfter(), locale)))
					.toList());
	}

}
