package uk.yourarea.priority;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import uk.yourarea.consultation.OpenedConsultations;
import uk.yourarea.neighbourhood.EditsOneNeighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.FormPage;
import uk.yourarea.web.OnceOnly;

/**
 * A neighbourhood's priorities, for the officers and supervisors of that neighbourhood
 * and for web editors: list them, add one, change its wording, add dated updates to "what
 * we are doing", and close it with an outcome.
 */
@Controller
@EditsOneNeighbourhood
@OnceOnly.Forms
@RequestMapping("/staff/neighbourhoods/{neighbourhoodId}/priorities")
class PriorityAdminController {

	private final PriorityEditing editing;

	private final PriorityFormValidator validator;

	private final OpenedConsultations consultations;

	private final EditConflicts conflicts;

	private final OnceOnly onceOnly;

	private final Clock clock;

	private final MessageSource messages;

	PriorityAdminController(PriorityEditing editing, PriorityFormValidator validator, OpenedConsultations consultations,
			EditConflicts conflicts, OnceOnly onceOnly, Clock clock, MessageSource messages) {
		this.editing = editing;
		this.validator = validator;
		this.consultations = consultations;
		this.conflicts = conflicts;
		this.onceOnly = onceOnly;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping
	String list(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user, Model model) {
		List<Priority> all = this.editing.all(neighbourhoodId);
		model.addAttribute("open", all.stream().filter(Priority::isOpen).toList());
		model.addAttribute("closed", all.stream().filter((priority) -> !priority.isOpen()).toList());
		model.addAttribute("today", LocalDate.now(this.clock));
		return "priority/priorities";
	}

	@GetMapping("/new")
	String newPriority(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user,
			@RequestParam(required = false) @Nullable Long consultation, Model model) {
		Map<Long, String> opened = this.consultations.questionsOf(neighbourhoodId);
		PriorityForm form = (consultation != null && opened.containsKey(consultation))
				? PriorityForm.fromConsultation(consultation) : PriorityForm.blank();
		return showNew(model, opened, form, List.of());
	}

	@PostMapping("/new")
	String create(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user,
			@ModelAttribute(name = "neighbourhood", binding = false) NeighbourhoodSummary neighbourhood,
			@Valid @ModelAttribute("form") PriorityForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String idempotencyKey, Model model, RedirectAttributes redirect) {
		Map<Long, String> opened = this.validator.validate(form, neighbourhoodId, result);
		List<FormError> errors = FormErrors.inPageOrder(result, PriorityForm.FIELD_ORDER);
		if (!errors.isEmpty()) {
			return showNew(model, opened, form, errors);
		}
		Priority.Origin origin = Objects.requireNonNull(form.chosenOrigin());
		Long linked = (origin == Priority.Origin.CONSULTATION) ? form.chosenConsultationId() : null;
		LocalDate raisedOn = form.raisedOn().toDate().orElseThrow();
		String added = this.onceOnly.run(idempotencyKey, PriorityPages.base(neighbourhoodId) + "/new",
				List.of(form.issue(), form.action(), String.valueOf(raisedOn), String.valueOf(origin),
						String.valueOf(linked), String.valueOf(form.originDetail()), String.valueOf(form.issueCy()),
						String.valueOf(form.actionCy())),
				user.id(), () -> {
					Priority priority = this.editing.create(user, neighbourhoodId,
							new PriorityEditing.Wording(Objects.requireNonNull(form.issue()), form.issueCy()),
							new PriorityEditing.Wording(Objects.requireNonNull(form.action()), form.actionCy()),
							raisedOn, origin, linked, form.originDetail(),
							(linked == null) ? null : opened.get(linked));
					return "redirect:" + PriorityPages.base(neighbourhoodId) + "/" + priority.getId();
				});
		redirect.addFlashAttribute("notice", text("priority.added", neighbourhood.name()));
		return added;
	}

	@GetMapping("/{priorityId}")
	String priority(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, Model model) {
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		model.addAttribute("priority", priority);
		model.addAttribute("updates", this.editing.updatesOf(neighbourhoodId, priorityId));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "priority/priority";
	}

	@GetMapping("/{priorityId}/edit")
	String edit(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, Model model) {
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		return PriorityPages.formPage(model, "priority/edit", priority, PriorityWordingForm.of(priority), List.of(),
				null);
	}

	@PostMapping("/{priorityId}/edit")
	String reword(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") PriorityWordingForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		List<FormError> errors = FormErrors.inPageOrder(result, PriorityWordingForm.FIELD_ORDER);
		if (!errors.isEmpty()) {
			return PriorityPages.formPage(model, "priority/edit", priority, form, errors, null);
		}
		return EditConflicts.saveOr(() -> {
			this.editing.reword(user, neighbourhoodId, priorityId, EditConflicts.openedAt(form.version()),
					Objects.requireNonNull(form.issue()), form.issueCy());
			redirect.addFlashAttribute("notice", text("priority.wording-changed"));
			return "redirect:" + PriorityPages.base(neighbourhoodId) + "/" + priorityId;
		}, () -> {
			Priority saved = this.editing.find(neighbourhoodId, priorityId);
			Snapshot yours = PriorityEditing.snapshotWith(saved, form.issue(), form.issueCy(), saved.isOpen(),
					saved.getOutcome(), saved.getOutcomeCy(), saved.getClosedOn());
			return this.conflicts.formAgain(PriorityEditing.SUBJECT_TYPE, priorityId, PriorityEditing.snapshot(saved),
					yours, (conflict, conflictErrors) -> PriorityPages.formPage(model, "priority/edit", saved,
							form.basedOn(saved.getVersion()), conflictErrors, conflict));
		});
	}

	private String showNew(Model model, Map<Long, String> consultations, PriorityForm form, List<FormError> errors) {
		model.addAttribute("originChoices",
				Arrays.stream(Priority.Origin.values())
					.map((origin) -> new Choice(origin.name(), text(origin.labelKey())))
					.toList());
		model.addAttribute("consultations", consultations);
		return FormPage.show(model, "priority/new", form, errors, null);
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
