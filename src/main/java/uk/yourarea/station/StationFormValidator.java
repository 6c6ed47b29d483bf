package uk.yourarea.station;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.web.DateInput;
import uk.yourarea.web.FormError;
import uk.yourarea.web.FormErrors;

/**
 * The checks on the station forms that their annotations cannot make: a real postcode,
 * neighbourhoods that exist, and a date for changed hours that is still to come.
 */
@Component
class StationFormValidator {

	/** How far ahead an exception may be set, to catch a mistyped year. */
	static final int YEARS_AHEAD = 2;

	private final NeighbourhoodDirectory neighbourhoods;

	private final MessageSource messages;

	private final Clock clock;

	StationFormValidator(NeighbourhoodDirectory neighbourhoods, MessageSource messages, Clock clock) {
		this.neighbourhoods = neighbourhoods;
		this.messages = messages;
		this.clock = clock;
	}

	/** Every problem with the station's details, in page order. */
	List<FormError> check(StationForm form, BindingResult result) {
		List<FormError> errors = new ArrayList<>(FormErrors.inPageOrder(result, StationForm.FIELD_ORDER));
		Map<String, String> byField = FormErrors.byField(errors);
		if (!byField.containsKey("postcode") && form.postcode() != null && Postcode.parse(form.postcode()).isEmpty()) {
			errors.add(new FormError("postcode", text("station.postcode.not-real")));
		}
		if (!byField.containsKey("neighbourhoodIds") && !form.neighbourhoodList().isEmpty()) {
			long known = this.neighbourhoods.byIds(new LinkedHashSet<>(form.neighbourhoodList())).size();
			if (known != new LinkedHashSet<>(form.neighbourhoodList()).size()) {
				errors.add(new FormError("neighbourhoodIds", text("station.neighbourhoods.unknown")));
			}
		}
		errors.sort(Comparator.comparingInt(StationFormValidator::position));
		return errors;
	}

	/**
	 * The date of changed hours, if it is a real date from today to {@link #YEARS_AHEAD}
	 * years ahead; otherwise its problem is added to {@code errors}.
	 */
	Optional<LocalDate> checkDate(ExceptionForm form, List<FormError> errors) {
		DateInput typed = new DateInput(form.day(), form.month(), form.year());
		Optional<FormError> problem = typed.firstProblemByBox("date", text("station.exception.date.name"),
				text("station.exception.date.required"), this.messages, Locale.UK);
		if (problem.isPresent()) {
			errors.add(problem.get());
			return Optional.empty();
		}
		LocalDate date = typed.toDate().orElseThrow();
		LocalDate today = LocalDate.now(this.clock);
		if (date.isBefore(today)) {
			errors.add(new FormError("date-day", text("station.exception.date.past")));
			return Optional.empty();
		}
		if (date.isAfter(today.plusYears(YEARS_AHEAD))) {
			errors.add(new FormError("date-year", text("station.exception.date.too-far", YEARS_AHEAD)));
			return Optional.empty();
		}
		return Optional.of(date);
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.UK);
	}

	private static int position(FormError error) {
		int index = StationForm.FIELD_ORDER.indexOf(error.field());
		return (index < 0) ? Integer.MAX_VALUE : index;
	}

}
