package uk.yourarea.web;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What was typed into a date input, and what is wrong with it in the bundle's words. */
class DateInputTests {

	private static final ResourceBundleMessageSource STAFF = new ResourceBundleMessageSource();

	static {
		STAFF.setBasename("staff");
		STAFF.setDefaultEncoding("UTF-8");
	}

	private static final String WHAT = "Date of the event";

	private static final String ENTER = "Enter the date of the event";

	@Test
	void readsARealDate() {
		DateInput typed = new DateInput(" 7 ", "03", "2026");

		assertThat(typed.toDate()).contains(LocalDate.of(2026, 3, 7));
		assertThat(typed.problem(WHAT, ENTER, STAFF, Locale.UK)).isEmpty();
	}

	@Test
	void readsMonthNames() {
		assertThat(new DateInput("7", "March", "2026").toDate()).contains(LocalDate.of(2026, 3, 7));
		assertThat(new DateInput("7", "sep", "2026").toDate()).contains(LocalDate.of(2026, 9, 7));
		assertThat(new DateInput("7", "maybe", "2026").toDate()).isEmpty();
	}

	@Test
	void asksForTheDateWhenNothingWasTyped() {
		assertThat(new DateInput(" ", null, "").problem(WHAT, ENTER, STAFF, Locale.UK)).contains(ENTER);
	}

	@Test
	void saysWhichPartIsMissing() {
		assertThat(new DateInput("7", "", "2026").problem(WHAT, ENTER, STAFF, Locale.UK))
			.contains(WHAT + " must include a month");
		assertThat(new DateInput("", "3", "").problem(WHAT, ENTER, STAFF, Locale.UK))
			.contains(WHAT + " must include a day and year");
	}

	@Test
	void saysEveryPairOfMissingParts() {
		assertThat(new DateInput("", "", "2026").problem(WHAT, ENTER, STAFF, Locale.UK))
			.contains(WHAT + " must include a day and month");
		assertThat(new DateInput("7", "", "").problem(WHAT, ENTER, STAFF, Locale.UK))
			.contains(WHAT + " must include a month and year");
		assertThat(new DateInput("7", "3", "").problem(WHAT, ENTER, STAFF, Locale.UK))
			.contains(WHAT + " must include a year");
		assertThat(new DateInput("", "3", "2026").problem(WHAT, ENTER, STAFF, Locale.UK))
			.contains(WHAT + " must include a day");
	}

	@Test
	void refusesDatesThatDoNotExist() {
		assertThat(new DateInput("30", "2", "2026").problem(WHAT, ENTER, STAFF, Locale.UK))
			.contains(WHAT + " must be a real date");
		assertThat(new DateInput("1", "13", "2026").problem(WHAT, ENTER, STAFF, Locale.UK))
			.contains(WHAT + " must be a real date");
		assertThat(new DateInput("1", "1", "26").problem(WHAT, ENTER, STAFF, Locale.UK))
			.contains(WHAT + " must be a real date");
		assertThat(new DateInput("x", "1", "2026").problem(WHAT, ENTER, STAFF, Locale.UK))
			.contains(WHAT + " must be a real date");
	}

	@Test
	void pointsAtTheBoxOfTheFirstProblem() {
		assertThat(new DateInput("", "", "").firstProblemByBox("date", "Date", "Enter the date", STAFF, Locale.UK))
			.contains(new FormError("date-day", "Enter the date"));
		assertThat(new DateInput("", "12", "").firstProblemByBox("date", "Date", "Enter the date", STAFF, Locale.UK))
			.contains(new FormError("date-day", "Date must include a day"));
		assertThat(new DateInput("25", "", "").firstProblemByBox("date", "Date", "Enter the date", STAFF, Locale.UK))
			.contains(new FormError("date-month", "Date must include a month"));
		assertThat(new DateInput("25", "12", " ").firstProblemByBox("date", "Date", "Enter the date", STAFF, Locale.UK))
			.contains(new FormError("date-year", "Date must include a year"));
		assertThat(
				new DateInput("25", "12", "26").firstProblemByBox("date", "Date", "Enter the date", STAFF, Locale.UK))
			.contains(new FormError("date-year", "Year must include 4 numbers"));
		assertThat(
				new DateInput("31", "2", "2027").firstProblemByBox("date", "Date", "Enter the date", STAFF, Locale.UK))
			.contains(new FormError("date-day", "Date must be a real date"));
		assertThat(new DateInput("1", "March", "2027").firstProblemByBox("date", "Date", "Enter the date", STAFF,
				Locale.UK))
			.contains(new FormError("date-day", "Date must be a real date"));
		assertThat(
				new DateInput(" 1 ", "3", "2027").firstProblemByBox("date", "Date", "Enter the date", STAFF, Locale.UK))
			.isEmpty();
	}

}
