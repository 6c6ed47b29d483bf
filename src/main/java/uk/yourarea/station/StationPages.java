package uk.yourarea.station;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import uk.yourarea.audit.EditConflict;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.web.Choice;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormPage;

/**
 * What the station editing pages show besides the form: the neighbourhoods to choose
 * from, grouped by local policing area, the week's rows and the neighbourhoods a station
 * serves.
 */
@Component
class StationPages {

	/** A local policing area and its neighbourhoods, for the checkboxes. */
	record AreaGroup(String name, List<NeighbourhoodSummary> neighbourhoods) {
	}

	/** A planned change to the usual hours, for the station's page. */
	record ExceptionRow(long id, LocalDate date, String hours) {
	}

	/** One day of the week on the hours form. */
	record DayRow(String id, String name, int index, WeekForm.DayForm boxes, @Nullable String error,
			@Nullable String errorField) {
	}

	private final NeighbourhoodDirectory neighbourhoods;

	private final MessageSource messages;

	StationPages(NeighbourhoodDirectory neighbourhoods, MessageSource messages) {
		this.neighbourhoods = neighbourhoods;
		this.messages = messages;
	}

	/** For each station, the names of the neighbourhoods it serves, in order. */
	Map<Long, String> servedBy(List<Station> stations) {
		Map<Long, String> names = this.neighbourhoods.all()
			.stream()
			.collect(Collectors.toMap(NeighbourhoodSummary::id, NeighbourhoodSummary::name));
		Map<Long, String> serves = new LinkedHashMap<>();
		for (Station station : stations) {
			serves.put(station.getId(),
					station.getNeighbourhoodIds()
						.stream()
						.map((id) -> names.getOrDefault(id, ""))
						.sorted()
						.collect(Collectors.joining(", ")));
		}
		return serves;
	}

	/** The names of the neighbourhoods the station serves, in order. */
	List<String> serves(Station station) {
		return this.neighbourhoods.byIds(station.getNeighbourhoodIds())
			.stream()
			.map(NeighbourhoodSummary::name)
			.sorted()
			.toList();
	}

	String detailsForm(Model model, StationForm form, List<FormError> errors, @Nullable Station station,
			@Nullable EditConflict conflict) {
		List<AreaGroup> areas = new ArrayList<>();
		Map<String, List<NeighbourhoodSummary>> byArea = new LinkedHashMap<>();
		for (NeighbourhoodSummary neighbourhood : this.neighbourhoods.all()) {
			if (neighbourhood.retired()) {
				continue;
			}
			byArea.computeIfAbsent(neighbourhood.area().name(), (name) -> new ArrayList<>()).add(neighbourhood);
		}
		byArea.forEach((name, members) -> areas.add(new AreaGroup(name, members)));
		model.addAttribute("station", station);
		model.addAttribute("kinds",
				Arrays.stream(Station.Kind.values())
					.map((kind) -> new Choice(kind.name(), text(Station.labelKeyOf(kind))))
					.toList());
		model.addAttribute("yesNo",
				List.of(new Choice("yes", text("station.fields.yes")), new Choice("no", text("station.fields.no"))));
		model.addAttribute("areas", areas);
		model.addAttribute("firstNeighbourhoodId", areas.isEmpty() ? null : areas.get(0).neighbourhoods().get(0).id());
		return FormPage.show(model, (station != null) ? "station/edit" : "station/new", form, errors, conflict);
	}

	static String weekForm(Model model, Station station, WeekForm form, List<FormError> errors,
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

	String exceptionForm(Model model, Station station, ExceptionForm form, List<FormError> errors) {
		model.addAttribute("station", station);
		// A problem with the whole date marks every box; a missing day, the day's alone.
		String missingDay = text("web.date.missing.day", text("station.exception.date.name"));
		model.addAttribute("wholeDateWrong", errors.stream()
			.anyMatch((error) -> "date-day".equals(error.field()) && !missingDay.equals(error.message())));
		return FormPage.show(model, "station/new-exception", form, errors, null);
	}

	/** The usual week, Monday first, for the station's page. */
	List<Map.Entry<String, String>> weekRows(Station station) {
		List<Map.Entry<String, String>> rows = new ArrayList<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			rows.add(Map.entry(day.getDisplayName(TextStyle.FULL, Locale.UK), hours(station.periodsOn(day))));
		}
		return rows;
	}

	/** The planned changes, for the station's page. */
	List<ExceptionRow> exceptionRows(List<StationException> exceptions) {
		return exceptions.stream()
			.map((exception) -> new ExceptionRow(exception.getId(), exception.getDate(), describe(exception)))
			.toList();
	}

	/** "Closed", or "10am to 2pm"; with the reason: "Closed (bank holiday)". */
	String describe(StationException exception) {
		String hours = hours(exception.getHours());
		return (exception.getReason() != null) ? text("station.exception.hours-because", hours, exception.getReason())
				: hours;
	}

	private String hours(List<Period> periods) {
		return Period.describe(periods, this.messages, LocaleContextHolder.getLocale());
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
