package uk.yourarea.station;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import uk.yourarea.neighbourhood.NeighbourhoodRepository;
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

	private final NeighbourhoodRepository neighbourhoods;

	private final Clock clock;

	StationFormValidator(NeighbourhoodRepository neighbourhoods, Clock clock) {
		this.neighbourhoods = neighbourhoods;
		this.clock = clock;
	}

	/** Every problem with the station's details, in page order. */
	List<FormError> check(StationForm form, BindingResult result) {
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
		errors.sort(Comparator.comparingInt(StationFormValidator::position));
		return errors;
	}

	/**
	 * The date of changed hours, if it is a real date from today to {@link #YEARS_AHEAD}
	 * years ahead; otherwise its problem is added to {@code errors}.
	 */
	Optional<LocalDate> checkDate(ExceptionForm form, List<FormError> errors) {
		DateInput typed = new DateInput(form.day(), form.month(), form.year());
		Optional<FormError> problem = typed.firstProblemByBox("date", "Date", "Enter the date");
		if (problem.isPresent()) {
			errors.add(problem.get());
			return Optional.empty();
		}
		LocalDate date = typed.toDate().orElseThrow();
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

	private static int position(FormError error) {
		int index = StationForm.FIELD_ORDER.indexOf(error.field());
		return (index < 0) ? Integer.MAX_VALUE : index;
	}

}
