package uk.yourarea.event;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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

import uk.yourarea.audit.EditConflict;
import uk.yourarea.audit.EditConflicts;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.neighbourhood.EditableNeighbourhoods;
import uk.yourarea.neighbourhood.EditsOneNeighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.FormPage;
import uk.yourarea.web.OnceOnly;
import uk.yourarea.web.TimeOfDay.Noon;
import uk.yourarea.web.TimeOfDay;

/**
 * A neighbourhood's meetings and events, for the officers and supervisors of that
 * neighbourhood and for web editors: list upcoming and past ones, add one, change one,
 * and cancel one.
 */
@Controller
@EditsOneNeighbourhood
@OnceOnly.Forms
@RequestMapping("/staff/neighbourhoods/{neighbourhoodId}/events")
class EventAdminController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	/** One line of the staff list. */
	record Row(long id, String title, String type, String when, boolean cancelled, @Nullable String reason) {
	}

	private final EventEditing editing;

	private final EventFormValidator validator;

	private final EditConflicts conflicts;

	private final OnceOnly onceOnly;

	private final Clock clock;

	private final MessageSource messages;

	EventAdminController(EventEditing editing, EventFormValidator validator, EditConflicts conflicts, OnceOnly onceOnly,
			Clock clock, MessageSource messages) {
		this.editing = editing;
		this.validator = validator;
		this.conflicts = conflicts;
		this.onceOnly = onceOnly;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping
	String list(@PathVariable long neighbourhoodId, Model model) {
		model.addAttribute("upcoming", this.editing.upcoming(neighbourhoodId).stream().map(this::row).toList());
		model.addAttribute("past", this.editing.past(neighbourhoodId).stream().map(this::row).toList());
		return "event/events";
	}

	@GetMapping("/new")
	String newEvent(Model model) {
		return showForm(model, null, EventForm.blank(), List.of(), null);
	}

	@PostMapping("/new")
	String create(@PathVariable long neighbourhoodId, @AuthenticationPrincipal StaffUser user,
			@ModelAttribute(name = "neighbourhood", binding = false) NeighbourhoodSummary neighbourhood,
			@Valid @ModelAttribute("form") EventForm form, BindingResult result,
			@RequestParam(required = false) @Nullable String idempotencyKey, Model model, RedirectAttributes redirect) {
		EventFormValidator.Checked checked = this.validator.check(form, result, null);
		if (checked.details().isEmpty()) {
			return showForm(model, null, form, checked.errors(), null);
		}
		EventEditing.Details details = checked.details().get();
		String added = this.onceOnly.run(idempotencyKey, base(neighbourhoodId) + "/new",
				List.of(String.valueOf(details)), user.id(), () -> {
					this.editing.create(user, neighbourhoodId, details);
					return "redirect:" + base(neighbourhoodId);
				});
		redirect.addFlashAttribute("notice", text("event.added", form.title(), neighbourhood.name()));
		return added;
	}

	@GetMapping("/{eventId}/edit")
	String edit(@PathVariable long neighbourhoodId, @PathVariable long eventId, Model model,
			RedirectAttributes redirect) {
		Event event = this.editing.find(neighbourhoodId, eventId);
		if (event.isCancelled()) {
			return cancelledAlready(neighbourhoodId, event, redirect);
		}
		return showForm(model, event, EventForm.of(event, this.clock.getZone()), List.of(), null);
	}

	@PostMapping("/{eventId}/edit")
	String change(@PathVariable long neighbourhoodId, @PathVariable long eventId,
			@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") EventForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Event event = this.editing.find(neighbourhoodId, eventId);
		if (event.isCancelled()) {
			return cancelledAlready(neighbourhoodId, event, redirect);
		}
		EventFormValidator.Checked checked = this.validator.check(form, result, event);
		if (checked.details().isEmpty()) {
			return showForm(model, event, form, checked.errors(), null);
		}
		EventEditing.Details typed = checked.details().get();
		return EditConflicts.saveOr(() -> {
			this.editing.change(user, neighbourhoodId, eventId, EditConflicts.openedAt(form.version()), typed);
			redirect.addFlashAttribute("notice", text("event.saved", form.title()));
			return "redirect:" + base(neighbourhoodId);
		}, () -> {
			Event saved = this.editing.find(neighbourhoodId, eventId);
			Snapshot yours = this.editing.snapshot(typed.title(), typed.type(), typed.description(), typed.address(),
					typed.startsAt(), typed.endsAt(), saved.isCancelled(), saved.getCancellationReason(),
					typed.titleCy(), typed.descriptionCy());
			return this.conflicts.formAgain(EventEditing.SUBJECT_TYPE, eventId, this.editing.snapshot(saved), yours,
					(conflict, errors) -> showForm(model, saved, form.basedOn(saved.getVersion()), errors, conflict));
		});
	}

	@GetMapping("/{eventId}/cancel")
	String cancelForm(@PathVariable long neighbourhoodId, @PathVariable long eventId, Model model,
			RedirectAttributes redirect) {
		Event event = this.editing.find(neighbourhoodId, eventId);
		if (event.isCancelled()) {
			return cancelledAlready(neighbourhoodId, event, redirect);
		}
		return showCancel(model, event, new CancelEventForm("", event.getVersion()), List.of(), null);
	}

	@PostMapping("/{eventId}/cancel")
	String cancel(@PathVariable long neighbourhoodId, @PathVariable long eventId,
			@AuthenticationPrincipal StaffUser user,
			@ModelAttribute(name = "neighbourhood", binding = false) NeighbourhoodSummary neighbourhood,
			@Valid @ModelAttribute("form") CancelEventForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Event event = this.editing.find(neighbourhoodId, eventId);
		if (event.isCancelled()) {
			return cancelledAlready(neighbourhoodId, event, redirect);
		}
		List<FormError> errors = FormErrors.inPageOrder(result, List.of("reason"));
		if (!errors.isEmpty()) {
			return showCancel(model, event, form, errors, null);
		}
		return EditConflicts.saveOr(() -> {
			this.editing.cancel(user, neighbourhoodId, eventId, EditConflicts.openedAt(form.version()), form.reason());
			redirect.addFlashAttribute("notice", text("event.cancelled", event.getTitle(), neighbourhood.name()));
			return "redirect:" + base(neighbourhoodId);
		}, () -> {
			Event saved = this.editing.find(neighbourhoodId, eventId);
			Snapshot yours = this.editing.snapshot(saved.getTitle(), saved.getType(), saved.getDescription(),
					saved.getAddress(), saved.getStartsAt(), saved.getEndsAt(), true, form.reason(), saved.getTitleCy(),
					saved.getDescriptionCy());
			return this.conflicts.formAgain(EventEditing.SUBJECT_TYPE, eventId, this.editing.snapshot(saved), yours,
					(conflict, conflictErrors) -> showCancel(model, saved, form.basedOn(saved.getVersion()),
							conflictErrors, conflict));
		});
	}

	private Row row(Event event) {
		ZonedDateTime start = event.getStartsAt().atZone(this.clock.getZone());
		ZonedDateTime end = event.getEndsAt().atZone(this.clock.getZone());
		String when = text("event.list.time", start.format(DAY), TimeOfDay.format(start.toLocalTime(), Noon.TWELVE_PM),
				TimeOfDay.format(end.toLocalTime(), Noon.TWELVE_PM));
		return new Row(event.getId(), event.getTitle(), text(event.getType().labelKey()), when, event.isCancelled(),
				event.getCancellationReason());
	}

	private static String base(long neighbourhoodId) {
		return EditableNeighbourhoods.staffPath(neighbourhoodId, "events");
	}

	private String cancelledAlready(long neighbourhoodId, Event event, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", text("event.cancelled-already", event.getTitle()));
		return "redirect:" + base(neighbourhoodId);
	}

	private String showForm(Model model, @Nullable Event event, EventForm form, List<FormError> errors,
			@Nullable EditConflict conflict) {
		model.addAttribute("event", event);
		model.addAttribute("types",
				Arrays.stream(EventType.values())
					.map((type) -> new Choice(type.name(), text(type.labelKey())))
					.toList());
		return FormPage.show(model, (event == null) ? "event/new" : "event/edit", form, errors, conflict);
	}

	private String showCancel(Model model, Event event, CancelEventForm form, List<FormError> errors,
			@Nullable EditConflict conflict) {
		model.addAttribute("event", row(event));
		return FormPage.show(model, "event/cancel", form, errors, conflict);
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
