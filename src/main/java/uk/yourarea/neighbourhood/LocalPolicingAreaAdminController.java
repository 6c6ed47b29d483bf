package uk.yourarea.neighbourhood;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.EditConflicts;
import uk.yourarea.audit.EditConflict;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * Web editors and administrators list, add, change and retire local policing areas (the
 * security configuration keeps everyone else out).
 */
@Controller
@RequestMapping("/staff/local-policing-areas")
class LocalPolicingAreaAdminController {

	private final LocalPolicingAreaChanges changes;

	private final ChangeLog changeLog;

	private final EditConflicts conflicts;

	private final MessageSource messages;

	LocalPolicingAreaAdminController(LocalPolicingAreaChanges changes, ChangeLog changeLog, EditConflicts conflicts,
			MessageSource messages) {
		this.changes = changes;
		this.changeLog = changeLog;
		this.conflicts = conflicts;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("rows", this.changes.list());
		return "neighbourhood/areas";
	}

	@GetMapping("/new")
	String newArea(Model model) {
		return showForm(model, LocalPolicingAreaForm.blank(), List.of(), null, null);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") LocalPolicingAreaForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<FormError> errors = check(form, result, null);
		if (!errors.isEmpty()) {
			return showForm(model, form, errors, null, null);
		}
		try {
			LocalPolicingArea area = this.changes.create(form, user);
			redirect.addFlashAttribute("notice", text("neighbourhood.area.added", area.getName()));
			return "redirect:/staff/local-policing-areas";
		}
		catch (NeighbourhoodChanges.InvalidChange ex) {
			return showForm(model, form, sorted(ex.problems()), null, null);
		}
		catch (DataIntegrityViolationException ex) {
			List<FormError> again = check(form, result, null);
			if (again.isEmpty()) {
				throw ex;
			}
			return showForm(model, form, again, null, null);
		}
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		LocalPolicingArea area = this.changes.find(id);
		if (area.isRetired()) {
			return retiredAlready(area, redirect);
		}
		return showForm(model, LocalPolicingAreaForm.of(area), List.of(), area, null);
	}

	@PostMapping("/{id}/edit")
	String update(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
			@Valid @ModelAttribute("form") LocalPolicingAreaForm typed, BindingResult result, Model model,
			RedirectAttributes redirect) {
		LocalPolicingArea area = this.changes.find(id);
		if (area.isRetired()) {
			return retiredAlready(area, redirect);
		}
		LocalPolicingAreaForm form = typed.withCode(area.getCode());
		List<FormError> errors = check(form, result, id);
		if (!errors.isEmpty()) {
			return showForm(model, form, errors, area, null);
		}
		try {
			return EditConflicts.saveOr(() -> {
				LocalPolicingArea saved = this.changes.update(id, EditConflicts.openedAt(form.version()), form, user);
				redirect.addFlashAttribute("notice", text("neighbourhood.area.saved", saved.getName()));
				return "redirect:/staff/local-policing-areas";
			}, () -> {
				LocalPolicingArea current = this.changes.find(id);
				return this.conflicts.formAgain(LocalPolicingAreaChanges.SUBJECT_TYPE, id,
						LocalPolicingAreaChanges.editable(current), LocalPolicingAreaChanges.editable(form),
						(conflict, errorsNow) -> showForm(model, form.basedOn(current.getVersion()), errorsNow, current,
								conflict));
			});
		}
		catch (NeighbourhoodChanges.InvalidChange ex) {
			return showForm(model, form, sorted(ex.problems()), area, null);
		}
		catch (IllegalStateException ex) {
			return retiredAlready(this.changes.find(id), redirect);
		}
	}

	@GetMapping("/{id}/retire")
	String confirmRetire(@PathVariable long id, Model model, RedirectAttributes redirect) {
		LocalPolicingArea area = this.changes.find(id);
		if (area.isRetired()) {
			return retiredAlready(area, redirect);
		}
		return showRetire(model, area, List.of());
	}

	@PostMapping("/{id}/retire")
	String retire(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		LocalPolicingArea area = this.changes.find(id);
		if (area.isRetired()) {
			return retiredAlready(area, redirect);
		}
		try {
			LocalPolicingArea retired = this.changes.retire(id, user);
			redirect.addFlashAttribute("notice", text("neighbourhood.area.retired", retired.getName()));
			return "redirect:/staff/local-policing-areas";
		}
		catch (LocalPolicingAreaChanges.StillHasNeighbourhoods ex) {
			return showRetire(model, area, ex.names());
		}
		catch (IllegalStateException ex) {
			return retiredAlready(this.changes.find(id), redirect);
		}
	}

	private String showRetire(Model model, LocalPolicingArea area, List<String> refusedFor) {
		List<String> live = refusedFor.isEmpty() ? this.changes.liveNeighbourhoodNames(area.getId()) : refusedFor;
		model.addAttribute("area", area);
		model.addAttribute("liveNeighbourhoods", live);
		model.addAttribute("errors",
				refusedFor.isEmpty() ? List.of() : List.of(new FormError("live-neighbourhoods", stillHas(area, live))));
		return "neighbourhood/retire-area";
	}

	private String stillHas(LocalPolicingArea area, List<String> live) {
		return (live.size() == 1) ? text("neighbourhood.area.still-has-one", area.getName())
				: text("neighbourhood.area.still-has", area.getName(), String.valueOf(live.size()));
	}

	private String retiredAlready(LocalPolicingArea area, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", text("neighbourhood.retired-already", area.getName()));
		return "redirect:/staff/local-policing-areas";
	}

	private List<FormError> check(LocalPolicingAreaForm form, BindingResult result, @Nullable Long editing) {
		return FormErrors.withFurtherProblems(result, LocalPolicingAreaForm.FIELD_ORDER,
				(editing != null) ? Set.of("code") : Set.of(), this.changes.problems(form, editing));
	}

	private static List<FormError> sorted(List<FormError> errors) {
		return FormErrors.sortedByField(errors, LocalPolicingAreaForm.FIELD_ORDER);
	}

	private String showForm(Model model, LocalPolicingAreaForm form, List<FormError> errors,
			@Nullable LocalPolicingArea area, @Nullable EditConflict conflict) {
		model.addAttribute("form", form);
		model.addAttribute("area", area);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("conflict", conflict);
		model.addAttribute("hasHistory",
				area != null && this.changeLog.hasHistory(LocalPolicingAreaChanges.SUBJECT_TYPE, area.getId()));
		return (area == null) ? "neighbourhood/new-area" : "neighbourhood/edit-area";
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
