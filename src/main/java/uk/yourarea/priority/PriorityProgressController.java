package uk.yourarea.priority;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.audit.EditConflicts;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.neighbourhood.EditsOneNeighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.OnceOnly;

/**
 * How an open priority goes on: dated updates to "what we are doing", and closing it with
 * an outcome. For the same people as {@link PriorityAdminController}.
 */
@Controller
@EditsOneNeighbourhood
@OnceOnly.Forms
@RequestMapping("/staff/neighbourhoods/{neighbourhoodId}/priorities/{priorityId}")
class PriorityProgressController {

	private final PriorityEditing editing;

	private final PriorityFormValidator validator;

	private final EditConflicts conflicts;

	private final OnceOnly onceOnly;

	private final Clock clock;

	private final MessageSource messages;

	PriorityProgressController(PriorityEditing editing, PriorityFormValidator validator, EditConflicts conflicts,
			OnceOnly onceOnly, Clock clock, MessageSource messages) {
		this.editing = editing;
		this.validator = validator;
		this.conflicts = conflicts;
		this.onceOnly = onceOnly;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/updates/new")
	String newUpdate(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		if (!priority.isOpen()) {
			return closedAlready(neighbourhoodId, priority, redirect);
		}
		return PriorityPages.formPage(model, "priority/add-update", priority,
				PriorityUpdateForm.startingOn(LocalDate.now(this.clock)), List.of(), null);
	}

	@PostMapping("/updates/new")
	String addUpdate(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user,
			@ModelAttribute(name = "neighbourhood", binding = false) NeighbourhoodSummary neighbourhood,
			@Valid @ModelAttribute("form") PriorityUpdateForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String idempotencyKey, Model model, RedirectAttributes redirect) {
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		if (!priority.isOpen()) {
			return closedAlready(neighbourhoodId, priority, redirect);
		}
		this.validator.validate(form, priority, result);
		List<FormError> errors = FormErrors.inPageOrder(result, PriorityUpdateForm.FIELD_ORDER);
		if (!errors.isEmpty()) {
			return PriorityPages.formPage(model, "priority/add-update", priority, form, errors, null);
		}
		LocalDate writtenOn = form.writtenOn().toDate().orElseThrow();
		try {
			this.onceOnly.run(idempotencyKey, PriorityPages.base(neighbourhoodId) + "/" + priorityId + "/updates/new",
					List.of(form.text(), String.valueOf(form.textCy()), String.valueOf(writtenOn)), user.id(), () -> {
						this.editing.addUpdate(user, neighbourhoodId, priorityId, Objects.requireNonNull(form.text()),
								form.textCy(), writtenOn);
						return "redirect:" + PriorityPages.base(neighbourhoodId) + "/" + priorityId;
					});
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// Someone else changed the priority at the same moment: nothing was saved.
			Priority saved = this.editing.find(neighbourhoodId, priorityId);
			return PriorityPages.formPage(model, "priority/add-update", saved, form,
					List.of(new FormError("text", text("priority.update.changed-elsewhere"))), null);
		}
		redirect.addFlashAttribute("notice", text("priority.update.added", neighbourhood.name()));
		return "redirect:" + PriorityPages.base(neighbourhoodId) + "/" + priorityId;
	}

	@GetMapping("/close")
	String closeForm(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		if (!priority.isOpen()) {
			return closedAlready(neighbourhoodId, priority, redirect);
		}
		return PriorityPages.formPage(model, "priority/close", priority, PriorityCloseForm.blank(priority.getVersion()),
				List.of(), null);
	}

	@PostMapping("/close")
	String close(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") PriorityCloseForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		if (!priority.isOpen()) {
			return closedAlready(neighbourhoodId, priority, redirect);
		}
		List<FormError> errors = FormErrors.inPageOrder(result, List.of("outcome", "outcomeCy"));
		if (!errors.isEmpty()) {
			return PriorityPages.formPage(model, "priority/close", priority, form, errors, null);
		}
		return EditConflicts.saveOr(() -> {
			this.editing.close(user, neighbourhoodId, priorityId, EditConflicts.openedAt(form.version()),
					Objects.requireNonNull(form.outcome()), form.outcomeCy());
			redirect.addFlashAttribute("notice", text("priority.closed"));
			return "redirect:" + PriorityPages.base(neighbourhoodId);
		}, () -> {
			Priority saved = this.editing.find(neighbourhoodId, priorityId);
			Snapshot yours = PriorityEditing.snapshotWith(saved, saved.getIssue(), saved.getIssueCy(), false,
					form.outcome(), form.outcomeCy(), LocalDate.now(this.clock));
			return this.conflicts.formAgain(PriorityEditing.SUBJECT_TYPE, priorityId, PriorityEditing.snapshot(saved),
					yours, (conflict, conflictErrors) -> PriorityPages.formPage(model, "priority/close", saved,
							form.basedOn(saved.getVersion()), conflictErrors, conflict));
		});
	}

	private String closedAlready(long neighbourhoodId, Priority priority, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", text("priority.closed-already",
				PriorityEditing.DAY.format(Objects.requireNonNull(priority.getClosedOn()))));
		return "redirect:" + PriorityPages.base(neighbourhoodId) + "/" + priority.getId();
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
