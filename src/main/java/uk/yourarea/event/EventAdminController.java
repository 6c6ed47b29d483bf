package uk.yourarea.event;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.EditConflict;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodRepository;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.OnceOnly;
import uk.yourarea.web.TimeOfDay.Noon;
import uk.yourarea.web.TimeOfDay;

/**
 * A neighbourhood's meetings and events, for the officers and supervisors of that
 * neighbourhood and for web editors: list upcoming and past ones, add one, change one,
 * and cancel one.
 */
@Controller
@OnceOnly.Forms
@RequestMapping("/staff/neighbourhoods/{neighbourhoodId}/events")
class EventAdminController {

	static final List<Choice> TYPES = Arrays.stream(EventType.values())
		.map((type) -> new Choice(type.name(), type.label()))
		.toList();

	private final EventEditing editing;

	private final NeighbourhoodRepository neighbourhoods;

	private final StaffScope scope;

	private final ChangeLog changeLog;

	private final Clock clock;

	private final OnceOnly onceOnly;

	EventAdminController(EventEditing editing, NeighbourhoodRepository neighbourhoods, StaffScope scope,
			ChangeLog changeLog, Clock clock, OnceOnly onceOnly) {
		this.onceOnly = onceOnly;
		this.editing = editing;
		this.neighbourhoods = neighbourhoods;
		this.scope = scope;
		this.changeLog = changeLog;
		this.clock = clock;
	}

	@GetMapping
	String list(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user, Model model) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("upcoming", this.editing.upcoming(neighbourhoodId).stream().map(this::row).toList());
		model.addAttribute("past", this.editing.past(neighbourhoodId).stream().map(this::row).toList());
		return "event/events";
	}

	@GetMapping("/new")
	String newEvent(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user, Model model) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		return showForm(model, neighbourhood, null, EventForm.blank(), List.of(), null);
	}

	@PostMapping("/new")
	String create(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user,
			@Valid @ModelAttribute("form") EventForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String idempotencyKey, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		List<FormError> errors = new ArrayList<>();
		Optional<EventEditing.Details> details = check(form, result, null, errors);
		if (details.isEmpty()) {
			return showForm(model, neighbourhood, null, form, errors, null);
		}
		String added = this.onceOnly.run(idempotencyKey, base(neighbourhoodId) + "/new",
				List.of(String.valueOf(details.get())), user.id(), () -> {
					this.editing.create(user, neighbourhoodId, details.get());
					return "redirect:" + base(neighbourhoodId);
				});
		redirect.addFlashAttribute("notice", "\u201c" + form.title() + "\u201d has been added. It shows on the "
				+ neighbourhood.getName() + " page now.");
		return added;
	}

	@GetMapping("/{eventId}/edit")
	String edit(@PathVariable long neighbourhoodId, @PathVariable long eventId, @AuthenticationPrincipal StaffUser user,
			Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Event event = this.editing.find(neighbourhoodId, eventId);
		if (event.isCancelled()) {
			return cancelledAlready(neighbourhoodId, event, redirect);
		}
		return showForm(model, neighbourhood, event, EventForm.of(event, this.clock.getZone()), List.of(), null);
	}

	@PostMapping("/{eventId}/edit")
	String change(@PathVariable long neighbourhoodId, @PathVariable long eventId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") EventForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Event event = this.editing.find(neighbourhoodId, eventId);
		if (event.isCancelled()) {
			return cancelledAlready(neighbourhoodId, event, redirect);
		}
		List<FormError> errors = new ArrayList<>();
		Optional<EventEditing.Details> details = check(form, result, event, errors);
		if (details.isEmpty()) {
			return showForm(model, neighbourhood, event, form, errors, null);
		}
		try {
			this.editing.change(user, neighbourhoodId, eventId, (form.version() != null) ? form.version() : -1,
					details.get());
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			Event saved = this.editing.find(neighbourhoodId, eventId);
			EventEditing.Details typed = details.get();
			Snapshot yours = this.editing.snapshot(typed.title(), typed.type(), typed.description(), typed.address(),
					typed.startsAt(), typed.endsAt(), saved.isCancelled(), saved.getCancellationReason());
			EditConflict conflict = this.changeLog.conflict(EventEditing.SUBJECT_TYPE, eventId,
					this.editing.snapshot(saved), yours);
			return showForm(model, neighbourhood, saved, form.basedOn(saved.getVersion()),
					List.of(new FormError("edit-conflict", conflict.message())), conflict);
		}
		redirect.addFlashAttribute("notice", "The changes to \u201c" + form.title() + "\u201d have been saved");
		return "redirect:" + base(neighbourhoodId);
	}

	@GetMapping("/{eventId}/cancel")
	String cancelForm(@PathVariable long neighbourhoodId, @PathVariable long eventId,
			@AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Event event = this.editing.find(neighbourhoodId, eventId);
		if (event.isCancelled()) {
			return cancelledAlready(neighbourhoodId, event, redirect);
		}
		return showCancel(model, neighbourhood, event, new CancelEventForm("", event.getVersion()), List.of(), null);
	}

	@PostMapping("/{eventId}/cancel")
	String cancel(@PathVariable long neighbourhoodId, @PathVariable long eventId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") CancelEventForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Neighbourhood neighbourhood = allowed(neighbourhoodId, user);
		Event event = this.editing.find(neighbourhoodId, eventId);
		if (event.isCancelled()) {
			return cancelledAlready(neighbourhoodId, event, redirect);
		}
		List<FormError> errors = FormErrors.inPageOrder(result, List.of("reason"));
		if (!errors.isEmpty()) {
			return showCancel(model, neighbourhood, event, form, errors, null);
		}
		try {
			this.editing.cancel(user, neighbourhoodId, eventId, (form.version() != null) ? form.version() : -1,
					form.reason());
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			Event saved = this.editing.find(neighbourhoodId, eventId);
			Snapshot yours = this.editing.snapshot(saved.getTitle(), saved.getType(), saved.getDescription(),
					saved.getAddress(), saved.getStartsAt(), saved.getEndsAt(), true, form.reason());
			EditConflict conflict = this.changeLog.conflict(EventEditing.SUBJECT_TYPE, eventId,
					this.editing.snapshot(saved), yours);
			return showCancel(model, neighbourhood, saved, form.basedOn(saved.getVersion()),
					List.of(new FormError("edit-conflict", conflict.message())), conflict);
		}
		redirect.addFlashAttribute("notice", "\u201c" + event.getTitle() + "\u201d has been cancelled. The "
				+ neighbourhood.getName() + " page shows it as cancelled until its date has passed.");
		return "redirect:" + base(neighbourhoodId);
	}

	/**
	 * The details, if everything typed is right; otherwise the problems, in page order,
	 * are added to {@code errors}.
	 */
	private Optional<EventEditing.Details> check(EventForm form, BindingResult result, @Nullable Event saved,
			List<FormError> errors) {
		Map<String, String> problems = new java.util.LinkedHashMap<>(
				FormErrors.byField(FormErrors.inPageOrder(result, EventForm.FIELD_ORDER)));
		if (problems.containsKey("type")) {
			// Nothing chosen, or a value that is not one of the options.
			problems.put("type", "Select the type of event");
		}
		Optional<LocalDate> date = form.date().toDate();
		form.date()
			.problem("Date of the event", "Enter the date of the event")
			.ifPresent((problem) -> problems.put("date", problem));
		Optional<LocalTime> start = time(form.startTime(), "startTime", "start", problems);
		Optional<LocalTime> end = time(form.endTime(), "endTime", "end", problems);
		if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
			problems.put("endTime", "End time must be after the start time");
		}
		Instant startsAt = null;
		if (date.isPresent() && start.isPresent()) {
			startsAt = ZonedDateTime.of(date.get(), start.get(), this.clock.getZone()).toInstant();
			boolean moved = saved == null || !saved.getStartsAt().equals(startsAt);
			if (moved) {
				if (date.get().isBefore(LocalDate.now(this.clock))) {
					problems.put("date", "Date of the event must be today or in the future");
				}
				else if (!startsAt.isAfter(this.clock.instant())) {
					problems.put("startTime", "Start time must be in the future");
				}
			}
		}
		for (String field : EventForm.FIELD_ORDER) {
			if (problems.containsKey(field)) {
				errors.add(new FormError(field, problems.get(field)));
			}
		}
		if (!errors.isEmpty()) {
			return Optional.empty();
		}
		Instant endsAt = ZonedDateTime.of(date.orElseThrow(), end.orElseThrow(), this.clock.getZone()).toInstant();
		String description = form.description();
		return Optional
			.of(new EventEditing.Details(Objects.requireNonNull(form.title()), Objects.requireNonNull(form.type()),
					(description == null || description.isEmpty()) ? null : description,
					Objects.requireNonNull(form.address()), Objects.requireNonNull(startsAt), endsAt));
	}

	private static Optional<LocalTime> time(@Nullable String typed, String field, String which,
			Map<String, String> problems) {
		if (typed == null || typed.isBlank()) {
			problems.put(field, "Enter the " + which + " time");
			return Optional.empty();
		}
		Optional<LocalTime> time = TimeOfDay.parse(typed);
		if (time.isEmpty()) {
			problems.put(field, "Enter the " + which + " time in the correct format, like 6:30pm or 18:30");
		}
		return time;
	}

	/** One line of the staff list. */
	record Row(long id, String title, String type, String when, boolean cancelled, @Nullable String reason) {
	}

	private Row row(Event event) {
		ZonedDateTime start = event.getStartsAt().atZone(this.clock.getZone());
		ZonedDateTime end = event.getEndsAt().atZone(this.clock.getZone());
		String when = start
			.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK)) + ", "
				+ TimeOfDay.format(start.toLocalTime(), Noon.TWELVE_PM) + " to "
				+ TimeOfDay.format(end.toLocalTime(), Noon.TWELVE_PM);
		return new Row(event.getId(), event.getTitle(), event.getType().label(), when, event.isCancelled(),
				event.getCancellationReason());
	}

	private Neighbourhood allowed(long neighbourhoodId, StaffUser user) {
		Neighbourhood neighbourhood = this.neighbourhoods.findById(neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + neighbourhoodId));
		this.scope.requireCanEditPrioritiesAndEventsOf(user, neighbourhoodId);
		return neighbourhood;
	}

	private static String base(long neighbourhoodId) {
		return "/staff/neighbourhoods/" + neighbourhoodId + "/events";
	}

	private static String cancelledAlready(long neighbourhoodId, Event event, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				"\u201c" + event.getTitle() + "\u201d has been cancelled, so it cannot be changed");
		return "redirect:" + base(neighbourhoodId);
	}

	private String showForm(Model model, Neighbourhood neighbourhood, @Nullable Event event, EventForm form,
			List<FormError> errors, @Nullable EditConflict conflict) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("event", event);
		model.addAttribute("form", form);
		model.addAttribute("types", TYPES);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("conflict", conflict);
		return (event == null) ? "event/new" : "event/edit";
	}

	private String showCancel(Model model, Neighbourhood neighbourhood, Event event, CancelEventForm form,
			List<FormError> errors, @Nullable EditConflict conflict) {
		model.addAttribute("neighbourhood", neighbourhood);
		model.addAttribute("event", row(event));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("conflict", conflict);
		return "event/cancel";
	}

}
