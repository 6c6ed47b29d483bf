package uk.yourarea.priority;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

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

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.EditConflict;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.consultation.OpenedConsultations;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodRepository;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.OnceOnly;

/**
 * A neighbourhood's priorities, for the officers and supervisors of that neighbourhood
 * and for web editors: list them, add one, change its wording, add dated updates to "what
 * we are doing", and close it with an outcome.
 */
@Controller
@OnceOnly.Forms
@RequestMapping("/staff/neighbourhoods/{neighbourhoodId}/priorities")
class PriorityAdminController {

	private final PriorityEditing editing;

	private final NeighbourhoodRepository neighbourhoods;

	private final StaffScope scope;

	private final ChangeLog changeLog;

	private final Clock clock;

	private final OpenedConsultations consultations;

	private final OnceOnly onceOnly;

	PriorityAdminController(PriorityEditing editing, NeighbourhoodRepository neighbourhoods, StaffScope scope,
			ChangeLog changeLog, Clock clock, OpenedConsultations consultations, OnceOnly onceOnly) {
		this.onceOnly = onceOnly;
		this.consultations = consultations;
		this.editing = editing;
		this.neighbourhoods = neighbourhoods;
		this.scope = scope;
		this.changeLog = changeLog;
		this.clock = clock;
	}

	@GetMapping
	String list(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user, Model model) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		List<Priority> all = this.editing.all(neighbourhoodId);
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("open", all.stream().filter(Priority::isOpen).toList());
		model.addAttribute("closed", all.stream().filter((priority) -> !priority.isOpen()).toList());
		model.addAttribute("today", LocalDate.now(this.clock));
		return "priority/priorities";
	}

	@GetMapping("/new")
	String newPriority(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user,
			@RequestParam(required = false) @Nullable Long consultation, Model model) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		PriorityForm form = (consultation != null
				&& this.consultations.questionsOf(neighbourhoodId).containsKey(consultation))
						? PriorityForm.fromConsultation(consultation) : PriorityForm.blank();
		return showNew(model, neighbourhood, form, List.of());
	}

	@PostMapping("/new")
	String create(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user,
			@Valid @ModelAttribute("form") PriorityForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String idempotencyKey, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, PriorityForm.FIELD_ORDER));
		LocalDate today = LocalDate.now(this.clock);
		Optional<String> dateProblem = form.raisedOn()
			.problem("Date the priority was raised", "Enter the date the priority was raised")
			.or(() -> form.raisedOn()
				.toDate()
				.filter((date) -> date.isAfter(today))
				.map((date) -> "Date the priority was raised must be today or in the past"));
		dateProblem.ifPresent((problem) -> errors.add(new FormError("raisedOn", problem)));
		Map<Long, String> consultations = this.consultations.questionsOf(neighbourhoodId);
		Priority.Origin origin = originOf(form.origin());
		Long consultationId = parseId(form.originConsultationId());
		if (origin == null) {
			errors.add(new FormError("origin", "Select where this priority came from"));
		}
		else if (origin == Priority.Origin.CONSULTATION
				&& (consultationId == null || !consultations.containsKey(consultationId))) {
			errors.add(new FormError("originConsultationId", "Select the consultation it came from"));
		}
		else if ((origin == Priority.Origin.PUBLIC_MEETING || origin == Priority.Origin.OTHER)
				&& (form.originDetail() == null || form.originDetail().isEmpty())) {
			errors.add(new FormError("originDetail",
					(origin == Priority.Origin.PUBLIC_MEETING)
							? "Enter which meeting, for example the beat surgery at Wigston Library on 3 May"
							: "Enter where this priority came from"));
		}
		if (!errors.isEmpty()) {
			errors.sort(java.util.Comparator
				.comparingInt((FormError error) -> PriorityForm.FIELD_ORDER.indexOf(error.field())));
			return showNew(model, neighbourhood, form, errors);
		}
		Long linked = (origin == Priority.Origin.CONSULTATION) ? consultationId : null;
		String added = this.onceOnly.run(idempotencyKey, base(neighbourhoodId) + "/new",
				List.of(form.issue(), form.action(), String.valueOf(form.raisedOn().toDate().orElseThrow()),
						String.valueOf(origin), String.valueOf(linked), String.valueOf(form.originDetail())),
				user.id(), () -> {
					Priority priority = this.editing.create(user, neighbourhoodId, Objects.requireNonNull(form.issue()),
							Objects.requireNonNull(form.action()), form.raisedOn().toDate().orElseThrow(),
							Objects.requireNonNull(origin), linked, form.originDetail(),
							(linked == null) ? null : consultations.get(linked));
					return "redirect:" + base(neighbourhoodId) + "/" + priority.getId();
				});
		redirect.addFlashAttribute("notice",
				"The priority has been added. It shows on the " + neighbourhood.getName() + " page now.");
		return added;
	}

	@GetMapping("/{priorityId}")
	String priority(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, Model model) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("priority", priority);
		model.addAttribute("updates", this.editing.updatesOf(neighbourhoodId, priorityId));
		model.addAttribute("today", LocalDate.now(this.clock));
		return "priority/priority";
	}

	@GetMapping("/{priorityId}/edit")
	String edit(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, Model model) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		return showEdit(model, neighbourhood, priority, PriorityWordingForm.of(priority), List.of(), null);
	}

	@PostMapping("/{priorityId}/edit")
	String reword(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") PriorityWordingForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		List<FormError> errors = FormErrors.inPageOrder(result, List.of("issue"));
		if (!errors.isEmpty()) {
			return showEdit(model, neighbourhood, priority, form, errors, null);
		}
		try {
			this.editing.reword(user, neighbourhoodId, priorityId, (form.version() != null) ? form.version() : -1,
					Objects.requireNonNull(form.issue()));
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			Priority saved = this.editing.find(neighbourhoodId, priorityId);
			Snapshot yours = Snapshot.of()
				.with("Issue", form.issue())
				.with("Raised on", PriorityEditing.DAY.format(saved.getRaisedOn()))
				.with("Status", saved.isOpen() ? "Open" : "Closed")
				.with("Outcome", saved.getOutcome())
				.with("Closed on",
						(saved.getClosedOn() != null) ? PriorityEditing.DAY.format(saved.getClosedOn()) : null)
				.build();
			EditConflict conflict = this.changeLog.conflict(PriorityEditing.SUBJECT_TYPE, priorityId,
					PriorityEditing.snapshot(saved), yours);
			return showEdit(model, neighbourhood, saved, form.basedOn(saved.getVersion()),
					List.of(new FormError("edit-conflict", conflict.message())), conflict);
		}
		redirect.addFlashAttribute("notice", "The wording of the priority has been changed");
		return "redirect:" + base(neighbourhoodId) + "/" + priorityId;
	}

	@GetMapping("/{priorityId}/updates/new")
	String newUpdate(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		if (!priority.isOpen()) {
			return closedAlready(neighbourhoodId, priority, redirect);
		}
		return showUpdate(model, neighbourhood, priority, PriorityUpdateForm.startingOn(LocalDate.now(this.clock)),
				List.of());
	}

	@PostMapping("/{priorityId}/updates/new")
	String addUpdate(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") PriorityUpdateForm form,
			BindingResult result, @RequestParam(required = false) @Nullable String idempotencyKey, Model model,
			RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		if (!priority.isOpen()) {
			return closedAlready(neighbourhoodId, priority, redirect);
		}
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, PriorityUpdateForm.FIELD_ORDER));
		LocalDate today = LocalDate.now(this.clock);
		Optional<String> dateProblem = form.writtenOn()
			.problem("Date of the update", "Enter the date of the update")
			.or(() -> form.writtenOn().toDate().flatMap((date) -> {
				if (date.isAfter(today)) {
					return Optional.of("Date of the update must be today or in the past");
				}
				if (date.isBefore(priority.getRaisedOn())) {
					return Optional.of("Date of the update must be on or after "
							+ PriorityEditing.DAY.format(priority.getRaisedOn()) + ", when the priority was raised");
				}
				return Optional.empty();
			}));
		dateProblem.ifPresent((problem) -> errors.add(new FormError("writtenOn", problem)));
		if (!errors.isEmpty()) {
			return showUpdate(model, neighbourhood, priority, form, errors);
		}
		try {
			this.onceOnly.run(idempotencyKey, base(neighbourhoodId) + "/" + priorityId + "/updates/new",
					List.of(form.text(), String.valueOf(form.writtenOn().toDate().orElseThrow())), user.id(), () -> {
						this.editing.addUpdate(user, neighbourhoodId, priorityId, Objects.requireNonNull(form.text()),
								form.writtenOn().toDate().orElseThrow());
						return "redirect:" + base(neighbourhoodId) + "/" + priorityId;
					});
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// Someone else changed the priority at the same moment: nothing was saved.
			Priority saved = this.editing.find(neighbourhoodId, priorityId);
			return showUpdate(model, neighbourhood, saved, form, List.of(new FormError("text",
					"Someone else changed this priority at the same moment. Your update has not been saved yet: "
							+ "check it and add it again")));
		}
		redirect.addFlashAttribute("notice",
				"Your update has been added. It shows on the " + neighbourhood.getName() + " page now.");
		return "redirect:" + base(neighbourhoodId) + "/" + priorityId;
	}

	@GetMapping("/{priorityId}/close")
	String closeForm(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		if (!priority.isOpen()) {
			return closedAlready(neighbourhoodId, priority, redirect);
		}
		return showClose(model, neighbourhood, priority, new PriorityCloseForm("", priority.getVersion()), List.of(),
				null);
	}

	@PostMapping("/{priorityId}/close")
	String close(@PathVariable long neighbourhoodId, @PathVariable long priorityId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") PriorityCloseForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Priority priority = this.editing.find(neighbourhoodId, priorityId);
		if (!priority.isOpen()) {
			return closedAlready(neighbourhoodId, priority, redirect);
		}
		List<FormError> errors = FormErrors.inPageOrder(result, List.of("outcome"));
		if (!errors.isEmpty()) {
			return showClose(model, neighbourhood, priority, form, errors, null);
		}
		try {
			this.editing.close(user, neighbourhoodId, priorityId, (form.version() != null) ? form.version() : -1,
					Objects.requireNonNull(form.outcome()));
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			Priority saved = this.editing.find(neighbourhoodId, priorityId);
			Snapshot yours = Snapshot.of()
				.with("Issue", saved.getIssue())
				.with("Raised on", PriorityEditing.DAY.format(saved.getRaisedOn()))
				.with("Status", "Closed")
				.with("Outcome", form.outcome())
				.with("Closed on", PriorityEditing.DAY.format(LocalDate.now(this.clock)))
				.build();
			EditConflict conflict = this.changeLog.conflict(PriorityEditing.SUBJECT_TYPE, priorityId,
					PriorityEditing.snapshot(saved), yours);
			return showClose(model, neighbourhood, saved, form.basedOn(saved.getVersion()),
					List.of(new FormError("edit-conflict", conflict.message())), conflict);
		}
		redirect.addFlashAttribute("notice", "The priority has been closed. Residents see its outcome under "
				+ "\u201cWhat we have done\u201d for the next 3 months.");
		return "redirect:" + base(neighbourhoodId);
	}

	private Neighbourhood allowed(long neighbourhoodId, StaffUser user) {
		Neighbourhood neighbourhood = this.neighbourhoods.findById(neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + neighbourhoodId));
		this.scope.requireCanEditPrioritiesAndEventsOf(user, neighbourhoodId);
		return neighbourhood;
	}

	private static String base(long neighbourhoodId) {
		return "/staff/neighbourhoods/" + neighbourhoodId + "/priorities";
	}

	private static String closedAlready(long neighbourhoodId, Priority priority, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				"This priority was closed on "
						+ PriorityEditing.DAY.format(Objects.requireNonNull(priority.getClosedOn()))
						+ ", so it cannot be changed");
		return "redirect:" + base(neighbourhoodId) + "/" + priority.getId();
	}

	private String showNew(Model model, Neighbourhood neighbourhood, PriorityForm form, List<FormError> errors) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("originChoices",
				Arrays.stream(Priority.Origin.values())
					.map((origin) -> new Choice(origin.name(), origin.label()))
					.toList());
		model.addAttribute("consultations", this.consultations.questionsOf(neighbourhood.getId()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "priority/new";
	}

	private String showEdit(Model model, Neighbourhood neighbourhood, Priority priority, PriorityWordingForm form,
			List<FormError> errors, @Nullable EditConflict conflict) {
		return formPage(model, "priority/edit", neighbourhood, priority, form, errors, conflict);
	}

	private String showUpdate(Model model, Neighbourhood neighbourhood, Priority priority, PriorityUpdateForm form,
			List<FormError> errors) {
		return formPage(model, "priority/add-update", neighbourhood, priority, form, errors, null);
	}

	private String showClose(Model model, Neighbourhood neighbourhood, Priority priority, PriorityCloseForm form,
			List<FormError> errors, @Nullable EditConflict conflict) {
		return formPage(model, "priority/close", neighbourhood, priority, form, errors, conflict);
	}

	/**
	 * A form about one priority, with what was typed, its errors and any edit conflict.
	 */
	private static String formPage(Model model, String view, Neighbourhood neighbourhood, Priority priority,
			Object form, List<FormError> errors, @Nullable EditConflict conflict) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("priority", priority);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("conflict", conflict);
		return view;
	}

	private static Priority.@Nullable Origin originOf(@Nullable String value) {
		for (Priority.Origin origin : Priority.Origin.values()) {
			if (origin.name().equals(value)) {
				return origin;
			}
		}
		return null;
	}

	private static @Nullable Long parseId(@Nullable String value) {
		try {
			return (value == null || value.isBlank()) ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
