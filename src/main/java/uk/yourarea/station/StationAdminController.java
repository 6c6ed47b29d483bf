package uk.yourarea.station;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.EditConflict;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodRepository;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Choice;
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

	static final List<Choice> KINDS = List.of(new Choice("STATION", "Police station"),
			new Choice("HUB", "Community hub"));

	static final List<Choice> YES_NO = List.of(new Choice("yes", "Yes"), new Choice("no", "No"));

	/** How far ahead an exception may be set, to catch a mistyped year. */
	static final int YEARS_AHEAD = 2;

	/** A local policing area and its neighbourhoods, for the checkboxes. */
	record AreaGroup(String name, List<Neighbourhood> neighbourhoods) {
	}

	/** One day of the week on the hours form. */
	record DayRow(String id, String name, int index, WeekForm.DayForm boxes, @Nullable String error,
			@Nullable String errorField) {
	}

	private final StationEditing editing;

	private final NeighbourhoodRepository neighbourhoods;

	private final ChangeLog changeLog;

	private final Clock clock;

	StationAdminController(StationEditing editing, NeighbourhoodRepository neighbourhoods, ChangeLog changeLog,
			Clock clock) {
		this.editing = editing;
		this.neighbourhoods = neighbourhoods;
		this.changeLog = changeLog;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		Map<Long, String> names = this.neighbourhoods.findAllWithArea()
			.stream()
			.collect(Collectors.toMap(Neighbourhood::getId, Neighbourhood::getName));
		Map<Long, String> serves = new LinkedHashMap<>();
		List<Station> all = this.editing.all();
		for (Station station : all) {
			serves.put(station.getId(),
					station.getNeighbourhoodIds()
						.stream()
						.map((id) -> names.getOrDefault(id, ""))
						.sorted()
						.collect(Collectors.joining(", ")));
		}
		model.addAttribute("stations", all);
		model.addAttribute("serves", serves);
		return "station/stations";
	}

	@GetMapping("/new")
	String newStation(Model model) {
		return showDetailsForm(model, StationForm.blank(), List.of(), null, null);
	}

	@PostMapping("/new")
	String create(@AuthenticationPrincipal StaffUser user, @Valid @ModelAttribute("form") StationForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		List<FormError> errors = check(form, result);
		if (!errors.isEmpty()) {
			return showDetailsForm(model, form, errors, null, null);
		}
		Station station = this.editing.create(user, details(form));
		redirect.addFlashAttribute("notice", station.getName()
				+ " has been added. Now set its opening hours: it shows as closed every day until you do.");
		return "redirect:/staff/stations/" + station.getId();
	}

	@GetMapping("/{id}")
	String station(@PathVariable long id, Model model) {
		Station station = load(id);
		model.addAttribute("station", station);
		model.addAttribute("week", weekRows(station));
		model.addAttribute("serves",
				this.neighbourhoods.findAllById(station.getNeighbourhoodIds())
					.stream()
					.map(Neighbourhood::getName)
					.sorted()
					.toList());
		model.addAttribute("exceptions", this.editing.upcomingExceptions(id));
		return "station/station";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Station station = load(id);
		return showDetailsForm(model, StationForm.of(station), List.of(), station, null);
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @AuthenticationPrincipal StaffUser user,
			@Valid @ModelAttribute("form") StationForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Station station = load(id);
		List<FormError> errors = check(form, result);
		if (!errors.isEmpty()) {
			return showDetailsForm(model, form, errors, station, null);
		}
		try {
			this.editing.change(user, id, (form.version() != null) ? form.version() : -1, details(form));
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			Station saved = load(id);
			Snapshot typed = this.editing.detailsSnapshot(form.name(), kindLabel(form.kind()), form.address(),
					form.postcode(), "yes".equals(form.frontCounter()) ? "Yes" : "No", form.neighbourhoodList());
			EditConflict conflict = this.changeLog.conflict(StationEditing.SUBJECT_TYPE, id,
					this.editing.detailsSnapshot(saved), typed);
			return showDetailsForm(model, form.basedOn(saved.getVersion()),
					List.of(new FormError("edit-conflict", conflict.message())), saved, conflict);
		}
		redirect.addFlashAttribute("notice", "The changes to " + form.name() + " have been saved");
		return "redirect:/staff/stations/" + id;
	}

	@GetMapping("/{id}/hours")
	String hours(@PathVariable long id, Model model) {
		Station station = load(id);
		return showWeekForm(model, station, WeekForm.of(station), List.of(), null);
	}

	@PostMapping("/{id}/hours")
	String setHours(@PathVariable long id, @AuthenticationPrincipal StaffUser user,
			@ModelAttribute("form") WeekForm form, BindingResult result, Model model, RedirectAttributes redirect) {
		Station station = load(id);
		Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
		List<FormError> errors = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			HoursInput.Result checked = form.input(day).check();
			if (checked.ok()) {
				week.put(day, checked.periods());
			}
			else {
				errors.add(Objects.requireNonNull(checked.error()));
			}
		}
		if (!errors.isEmpty()) {
			return showWeekForm(model, station, form, errors, null);
		}
		try {
			this.editing.setWeek(user, id, (form.version() != null) ? form.version() : -1, week);
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			Station saved = load(id);
			EditConflict conflict = this.changeLog.conflict(StationEditing.SUBJECT_TYPE, id,
					StationEditing.weekSnapshot(StationEditing.weekOf(saved)), StationEditing.weekSnapshot(week));
			return showWeekForm(model, saved, form.basedOn(saved.getVersion()),
					List.of(new FormError("edit-conflict", conflict.message())), conflict);
		}
		redirect.addFlashAttribute("notice", "The opening hours of " + station.getName() + " have been saved");
		return "redirect:/staff/stations/" + id;
	}

	@GetMapping("/{id}/exceptions/new")
	String newException(@PathVariable long id, Model model) {
		return showExceptionForm(model, load(id), ExceptionForm.blank(), List.of());
	}

	@PostMapping("/{id}/exceptions/new")
	String addException(@PathVariable long id, @AuthenticationPrincipal StaffUser user,
			@Valid @ModelAttribute("form") ExceptionForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Station station = load(id);
		List<FormError> errors = new ArrayList<>();
		Optional<LocalDate> date = checkDate(form, errors);
		HoursInput.Result hours = form.input().check();
		if (!hours.ok()) {
			errors.add(Objects.requireNonNull(hours.error()));
		}
		errors.addAll(FormErrors.inPageOrder(result, List.of("reason")));
		if (errors.isEmpty() && date.isPresent()) {
			try {
				StationException added = this.editing.addException(user, id, date.get(), form.reason(),
						hours.periods());
				redirect.addFlashAttribute("notice", "The hours of " + station.getName() + " on "
						+ StationEditing.DATE.format(added.getDate()) + " have been saved: " + added.describe());
				return "redirect:/staff/stations/" + id;
			}
			catch (StationEditing.DateTakenException ex) {
				errors.add(0, new FormError("date-day", "There is already a change to the hours on "
						+ StationEditing.DATE.format(date.get()) + ". Remove it first to replace it"));
			}
		}
		return showExceptionForm(model, station, form, errors);
	}

	@PostMapping("/{id}/exceptions/{exceptionId}/remove")
	String removeException(@PathVariable long id, @PathVariable long exceptionId,
			@AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
		StationException removed = this.editing.removeException(user, id, exceptionId);
		redirect.addFlashAttribute("notice", "The change to the hours on "
				+ StationEditing.DATE.format(removed.getDate()) + " has been removed: the usual hours apply that day");
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
		redirect.addFlashAttribute("notice", station.getName()
				+ " has been removed. It no longer shows on any Your Area page; its change history is kept.");
		return "redirect:/staff/stations";
	}

	private List<FormError> check(StationForm form, BindingResult result) {
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, StationForm.FIELD_ORDER));
		Map<String, String> byField = FormErrors.byField(errors);
		if (!byField.containsKey("postcode") && form.postcode() != null && Postcode.parse(form.postcode()).isEmpty()) {
			errors.add(new FormError("postcode", "Enter a real postcode, like LE18 1PA"));
		}
		if (!byField.containsKey("neighbourhoodIds") && !form.neighbourhoodList().isEmpty()) {
			long known = this.neighbourhoods.findAllById(new LinkedHashSet<>(form.neighbourhoodList())).size();
			if (known != new LinkedHashSet<>(form.neighbourhoodList()).size()) {
				errors.add(new FormError("neighbourhoodIds", "Select neighbourhoods from the list"));
			}
		}
		errors.sort((a, b) -> Integer.compare(position(a), position(b)));
		return errors;
	}

	private static int position(FormError error) {
		int index = StationForm.FIELD_ORDER.indexOf(error.field());
		return (index < 0) ? Integer.MAX_VALUE : index;
	}

	private Optional<LocalDate> checkDate(ExceptionForm form, List<FormError> errors) {
		String day = strip(form.day());
		String month = strip(form.month());
		String year = strip(form.year());
		if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
			errors.add(new FormError("date-day", "Enter the date"));
			return Optional.empty();
		}
		if (day.isEmpty()) {
			errors.add(new FormError("date-day", "Date must include a day"));
			return Optional.empty();
		}
		if (month.isEmpty()) {
			errors.add(new FormError("date-month", "Date must include a month"));
			return Optional.empty();
		}
		if (year.isEmpty()) {
			errors.add(new FormError("date-year", "Date must include a year"));
			return Optional.empty();
		}
		if (!year.matches("[0-9]{4}")) {
			errors.add(new FormError("date-year", "Year must include 4 numbers"));
			return Optional.empty();
		}
		LocalDate date;
		try {
			if (!day.matches("[0-9]{1,2}") || !month.matches("[0-9]{1,2}")) {
				throw new DateTimeException("not numbers");
			}
			date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (DateTimeException ex) {
			errors.add(new FormError("date-day", "Date must be a real date"));
			return Optional.empty();
		}
		LocalDate today = LocalDate.now(this.clock);
		if (date.isBefore(today)) {
			errors.add(new FormError("date-day", "Date must be today or in the future"));
			return Optional.empty();
		}
		if (date.isAfter(today.plusYears(YEARS_AHEAD))) {
			errors.add(new FormError("date-year", "Date must be within the next " + YEARS_AHEAD + " years"));
			return Optional.empty();
		}
		return Optional.of(date);
	}

	private static String strip(@Nullable String text) {
		return (text != null) ? text.strip() : "";
	}

	private static String kindLabel(@Nullable String kind) {
		return KINDS.stream().filter((choice) -> choice.value().equals(kind)).map(Choice::label).findFirst().orElse("");
	}

	private static StationEditing.Details details(StationForm form) {
		return new StationEditing.Details(Objects.requireNonNull(form.name()),
				Station.Kind.valueOf(Objects.requireNonNull(form.kind())), Objects.requireNonNull(form.address()),
				Postcode.of(Objects.requireNonNull(form.postcode())).value(), "yes".equals(form.frontCounter()),
				new LinkedHashSet<>(form.neighbourhoodList()));
	}

	private Station load(long id) {
		return this.editing.find(id).orElseThrow(() -> new NotFoundException("No station " + id));
	}

	private String showDetailsForm(Model model, StationForm form, List<FormError> errors, @Nullable Station station,
			@Nullable EditConflict conflict) {
		List<AreaGroup> areas = new ArrayList<>();
		Map<String, List<Neighbourhood>> byArea = new LinkedHashMap<>();
		for (Neighbourhood neighbourhood : this.neighbourhoods.findAllWithArea()) {
			if (neighbourhood.isRetired()) {
				continue;
			}
			byArea.computeIfAbsent(neighbourhood.getLocalPolicingArea().getName(), (name) -> new ArrayList<>())
				.add(neighbourhood);
		}
		byArea.forEach((name, members) -> areas.add(new AreaGroup(name, members)));
		model.addAttribute("form", form);
		model.addAttribute("station", station);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		model.addAttribute("conflict", conflict);
		model.addAttribute("kinds", KINDS);
		model.addAttribute("yesNo", YES_NO);
		model.addAttribute("areas", areas);
		model.addAttribute("firstNeighbourhoodId",
				areas.isEmpty() ? null : areas.get(0).neighbourhoods().get(0).getId());
		return (station != null) ? "station/edit" : "station/new";
	}

	private String showWeekForm(Model model, Station station, WeekForm form, List<FormError> errors,
			@Nullable EditConflict conflict) {
		Map<String, FormError> byDay = new LinkedHashMap<>();
		errors.forEach((error) -> byDay.put(error.field().split("-")[0], error));
		List<DayRow> days = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			String id = WeekForm.idOf(day);
			FormError error = byDay.get(id);
			days.add(new DayRow(id, day.getDisplayName(TextStyle.FULL, Locale.UK), day.getValue() - 1, form.day(day),
					(error != null) ? error.message() : null, (error != null) ? error.field() : null));
		}
		model.addAttribute("station", station);
		model.addAttribute("form", form);
		model.addAttribute("days", days);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		return "station/hours";
	}

	private String showExceptionForm(Model model, Station station, ExceptionForm form, List<FormError> errors) {
		model.addAttribute("station", station);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldErrors", FormErrors.byField(errors));
		return "station/new-exception";
	}

	/** The usual week, Monday first, for the station's page. */
	private static List<Map.Entry<String, String>> weekRows(Station station) {
		List<Map.Entry<String, String>> rows = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			rows.add(Map.entry(day.getDisplayName(TextStyle.FULL, Locale.UK), station.hoursOn(day)));
		}
		return rows;
	}

}
