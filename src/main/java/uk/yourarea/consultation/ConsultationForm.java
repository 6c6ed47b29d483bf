package uk.yourarea.consultation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import uk.yourarea.web.FormError;

/**
 * What staff type to open a consultation: the question, the issues (one per line) and the
 * opening and closing days as GOV.UK date inputs.
 */
record ConsultationForm(
		@NotBlank(message = "{consultation.staff.new.question.required}") @Size(max = 300,
				message = "{consultation.staff.new.question.too-long}") @Nullable String question,
		@NotBlank(message = "{consultation.staff.new.issues.required}") @Size(max = 2000,
				message = "{consultation.staff.new.issues.too-long}") @Nullable String issues,
		@Nullable String opensOnDay, @Nullable String opensOnMonth, @Nullable String opensOnYear,
		@Nullable String closesOnDay, @Nullable String closesOnMonth, @Nullable String closesOnYear) {

	static final List<String> FIELD_ORDER = List.of("question", "issues", "opensOn-day", "closesOn-day");

	static ConsultationForm suggested(String question, List<String> issues, LocalDate opensOn, LocalDate closesOn) {
		return new ConsultationForm(question, String.join("\n", issues), Integer.toString(opensOn.getDayOfMonth()),
				Integer.toString(opensOn.getMonthValue()), Integer.toString(opensOn.getYear()),
				Integer.toString(closesOn.getDayOfMonth()), Integer.toString(closesOn.getMonthValue()),
				Integer.toString(closesOn.getYear()));
	}

	/** The issues, one per non-blank line, each once. */
	List<String> issueList() {
		if (this.issues == null) {
			return List.of();
		}
		return Consultations.distinct(
				Arrays.stream(this.issues.split("\\R")).map(String::strip).filter((line) -> !line.isEmpty()).toList());
	}

	/**
	 * The problems with the issues and dates that Bean Validation cannot see, in the
	 * words of {@code messages}.
	 */
	List<FormError> check(LocalDate today, MessageSource messages) {
		Locale locale = LocaleContextHolder.getLocale();
		List<FormError> errors = new ArrayList<>();
		if (this.issues != null && !this.issues.isBlank()) {
			List<String> list = issueList();
			if (list.size() < 2) {
				errors.add(new FormError("issues",
						messages.getMessage("consultation.staff.new.issues.too-few", null, locale)));
			}
			else if (list.size() > Consultations.MAX_ISSUES) {
				errors.add(new FormError("issues", messages.getMessage("consultation.staff.new.issues.too-many",
						new Object[] { Consultations.MAX_ISSUES }, locale)));
			}
			else if (list.stream().anyMatch((issue) -> issue.length() > Consultations.MAX_ISSUE_LENGTH)) {
				errors.add(new FormError("issues",
						messages.getMessage("consultation.staff.new.issues.issue-too-long", null, locale)));
			}
		}
		DateField opens = parse(this.opensOnDay, this.opensOnMonth, this.opensOnYear);
		DateField closes = parse(this.closesOnDay, this.closesOnMonth, this.closesOnYear);
		if (opens.blank()) {
			errors.add(new FormError("opensOn-day",
					messages.getMessage("consultation.staff.new.opens.required", null, locale)));
		}
		else if (opens.date() == null) {
			errors.add(new FormError("opensOn-day",
					messages.getMessage("consultation.staff.new.opens.real", null, locale)));
		}
		else if (opens.date().isBefore(today)) {
			errors.add(new FormError("opensOn-day",
					messages.getMessage("consultation.staff.new.opens.past", null, locale)));
		}
		if (closes.blank()) {
			errors.add(new FormError("closesOn-day",
					messages.getMessage("consultation.staff.new.closes.required", null, locale)));
		}
		else if (closes.date() == null) {
			errors.add(new FormError("closesOn-day",
					messages.getMessage("consultation.staff.new.closes.real", null, locale)));
		}
		else if (closes.date().isBefore(today)) {
			errors.add(new FormError("closesOn-day",
					messages.getMessage("consultation.staff.new.closes.past", null, locale)));
		}
		else if (opens.date() != null && !closes.date().isAfter(opens.date())) {
			errors.add(new FormError("closesOn-day",
					messages.getMessage("consultation.staff.new.closes.not-after-opening", null, locale)));
		}
		return errors;
	}

	LocalDate opensOn() {
		return requireDate(parse(this.opensOnDay, this.opensOnMonth, this.opensOnYear));
	}

	LocalDate closesOn() {
		return requireDate(parse(this.closesOnDay, this.closesOnMonth, this.closesOnYear));
	}

	private static LocalDate requireDate(DateField field) {
		if (field.date() == null) {
			throw new IllegalStateException("Check the form before reading its dates");
		}
		return field.date();
	}

	private record DateField(boolean blank, @Nullable LocalDate date) {
	}

	private static DateField parse(@Nullable String day, @Nullable String month, @Nullable String year) {
		if (isBlank(day) && isBlank(month) && isBlank(year)) {
			return new DateField(true, null);
		}
		try {
			int y = Integer.parseInt(year.strip());
			if (y < 2000 || y > 2999) {
				return new DateField(false, null);
			}
			return new DateField(false,
					LocalDate.of(y, Integer.parseInt(month.strip()), Integer.parseInt(day.strip())));
		}
		catch (NumberFormatException | DateTimeException | NullPointerException ex) {
			return new DateField(false, null);
		}
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
