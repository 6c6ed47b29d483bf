package uk.yourarea.station;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Valid;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.audit.EditConflicts;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;
import uk.yourarea.web.NotFoundException;

/**
 * Web editors and administrators keep the stations and community hubs up to date: their
 * details and the neighbourhoods they serve, their usual opening hours, the days they are
 * closed or open at other hours, and removing one that has closed for good. Only they
 * reach {@code /staff/stations/**} (see the security configuration).
 */
@Controller
@RequestMapping("/staff/stations")
class StationAdminController {

	private final StationEditing editing;

	private final StationFormValidator validator;

	private final StationPages pages;

	private final EditConflicts conflicts;

	private final MessageSource messages;

	StationAdminController(StationEditing editing, StationFormValidator validator, StationPages pages,
			EditConflicts conflicts, MessageSource messages) {
		this.editing = editing;
		this.validator = validator;
		this.pages = pages;
		this.conflicts = conflicts;
		this.messages = messages;
	}

	@GetMapping
	String list(Model model) {
		List<Station> all = this.editing.all();
		model.addAttribute("stations", all);
		model.addAttribute("serves", this.pages.servedBy(all));
		return "station/stations";
	}

	@GetMapping("/new")
	String newStation(Model model) {
		return this.pages.detailsForm(model, StationForm.blank(), List.of(), null, null);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") StationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<FormError> errors = this.validator.check(form, result);
		if (!errors.isEmpty()) {
			return this.pages.detailsForm(model, form, errors, null, null);
		}
		Station station = this.editing.create(user, details(form));
		redirect.addFlashAttribute("notice", text("station.added", station.getName()));
		return "redirect:/staff/stations/" + station.getId();
	}

	@GetMapping("/{id}")
	String station(@PathVariable long id, Model model) {
		Station station = load(id);
		model.addAttribute("station", station);
		model.addAttribute("week", this.pages.weekRows(station));
		model.addAttribute("serves", this.pages.serves(station));
		model.addAttribute("exceptions", this.pages.exceptionRows(this.editing.upcomingExceptions(id)));
		return "station/station";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Station station = load(id);
		return this.pages.detailsForm(model, StationForm.of(station), List.of(), station, null);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @AuthenticationPrincipal StaffUser user,
			@Valid @ModelAttribute("form") StationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Station station = load(id);
		List<FormError> errors = this.validator.check(form, result);
		if (!errors.isEmpty()) {
			return this.pages.detailsForm(model, form, errors, station, null);
		}
		return EditConflicts.saveOr(() -> {
			this.editing.change(user, id, EditConflicts.openedAt(form.version()), details(form));
			redirect.addFlashAttribute("notice", text("station.saved", form.name()));
			return "redirect:/staff/stations/" + id;
		}, () -> {
			Station saved = load(id);
			Snapshot typed = this.editing.detailsSnapshot(form.name(), form.kind(), form.address(), form.postcode(),
					"yes".equals(form.frontCounter()), form.neighbourhoodList(), form.nameCy(), form.addressCy());
			return this.conflicts.formAgain(StationEditing.SUBJECT_TYPE, id, this.editing.detailsSnapshot(saved), typed,
					(conflict, conflictErrors) -> this.pages.detailsForm(model, form.basedOn(saved.getVersion()),
							conflictErrors, saved, conflict));
		});
	}

	@GetMapping("/{id}/hours")
	String hours(@PathVariable long id, Model model) {
		Station station = load(id);
		return StationPages.weekForm(model, station, WeekForm.of(station), List.of(), null);
	}

	@PostMapping("/{id}/hours")
	String setHours(@PathVariable long id, @AuthenticationPrincipal StaffUser user,
			@ModelAttribute("form") WeekForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		Station station = load(id);
		Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
		List<FormError> errors = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			HoursInput.Result checked = form.input(day).check(this.messages);
			if (checked.ok()) {
				week.put(day, checked.periods());
			}
			else {
				errors.add(Objects.requireNonNull(checked.error()));
			}
		}
		if (!errors.isEmpty()) {
			return StationPages.weekForm(model, station, form, errors, null);
		}
		return EditConflicts.saveOr(() -> {
			this.editing.setWeek(user, id, EditConflicts.openedAt(form.version()), week);
			redirect.addFlashAttribute("notice", text("station.week.saved", station.getName()));
			return "redirect:/staff/stations/" + id;
		}, () -> {
			Station saved = load(id);
			return this.conflicts.formAgain(StationEditing.SUBJECT_TYPE, id,
					StationEditing.weekSnapshot(StationEditing.weekOf(saved)), StationEditing.weekSnapshot(week),
					(conflict, conflictErrors) -> StationPages.weekForm(model, saved, form.basedOn(saved.getVersion()),
							conflictErrors, conflict));
		});
	}

	@GetMapping("/{id}/exceptions/new")
	String newException(@PathVariable long id, Model model) {
		return this.pages.exceptionForm(model, load(id), ExceptionForm.blank(), List.of());
	}

	@PostMapping("/{id}/exceptions/new")
	String addException(@PathVariable long id, @AuthenticationPrincipal StaffUser user,
			@Valid @ModelAttribute("form") ExceptionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Station station = load(id);
		List<FormError> errors = new ArrayList<>();
		Optional<LocalDate> date = this.validator.checkDate(form, errors);
		HoursInput.Result hours = form.input().check(this.messages);
		if (!hours.ok()) {
			errors.add(Objects.requireNonNull(hours.error()));
		}
		errors.addAll(FormErrors.inPageOrder(result, List.of("reason")));
		if (errors.isEmpty() && date.isPresent()) {
			try {
				StationException added = this.editing.addException(user, id, date.get(), form.reason(),
						hours.periods());
				redirect.addFlashAttribute("notice", text("station.exception.saved", station.getName(),
						StationEditing.DATE.format(added.getDate()), this.pages.describe(added)));
				return "redirect:/staff/stations/" + id;
			}
			catch (StationEditing.DateTakenException ex) {
				errors.add(0, new FormError("date-day",
						text("station.exception.date.taken", StationEditing.DATE.format(date.get()))));
			}
		}
		return this.pages.exceptionForm(model, station, form, errors);
	}

	@PostMapping("/{id}/exceptions/{exceptionId}/remove")
	String removeException(@PathVariable long id, @PathVariable long exceptionId,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		StationException removed = this.editing.removeException(user, id, exceptionId);
		redirect.addFlashAttribute("notice",
				text("station.exception.removed", StationEditing.DATE.format(removed.getDate())));
		return "redirect:/staff/stations/" + id;
	}

	@GetMapping("/{id}/remove")
	String confirmRemove(@PathVariable long id, Model model) {
		model.addAttribute("station", load(id));
		return "station/remove";
	}

	@PostMapping("/{id}/remove")
	String remove(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		Station station = load(id);
		this.editing.remove(user, id);
		redirect.addFlashAttribute("notice", text("station.removed", station.getName()));
		return "redirect:/staff/stations";
	}

	private static StationEditing.Details details(StationForm form) {
		return new StationEditing.Details(Objects.requireNonNull(form.name()),
				Station.Kind.valueOf(Objects.requireNonNull(form.kind())), Objects.requireNonNull(form.address()),
				Postcode.of(Objects.requireNonNull(form.postcode())).value(), "yes".equals(form.frontCounter()),
				new LinkedHashSet<>(form.neighbourhoodList()), form.nameCy(), form.addressCy());
	}

	private Station load(long id) {
		return this.editing.find(id).orElseThrow(() -> new NotFoundException("No station " + id));
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
