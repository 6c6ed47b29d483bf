package uk.yourarea.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * What someone typed into a GOV.UK date input (day, month and year boxes), and the GOV.UK
 * wording for what is wrong with it, from staff.properties ({@code web.date.*}: only
 * staff forms have date inputs).
 *
 * @param day as typed, or null
 * @param month as typed: a number, or a month name like "March" or "Mar"
 * @param year as typed, four digits
 */
public record DateInput(@Nullable String day, @Nullable String month, @Nullable String year) {

	public static DateInput of(LocalDate date) {
		return new DateInput(Integer.toString(date.getDayOfMonth()), Integer.toString(date.getMonthValue()),
				Integer.toString(date.getYear()));
	}

	public static DateInput blank() {
		return new DateInput("", "", "");
	}

	/** The date, if what was typed is a real date. */
	public Optional<LocalDate> toDate() {
		Integer d = number(this.day);
		Integer m = month(this.month);
		String y = strip(this.year);
		if (d == null || m == null || !y.matches("[0-9]{4}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.of(Integer.parseInt(y), m, d));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * What is wrong, in GOV.UK wording, or empty when it is a real date.
	 * @param what the date's name as a sentence starts, like "Date the priority was
	 * raised"
	 * @param enter what to say when nothing was typed, like "Enter the date the priority
	 * was raised"
	 * @param text the bundle, and the language to say it in
	 */
	public Optional<String> problem(String what, String enter, MessageSource text, Locale locale) {
		List<String> missing = new ArrayList<>();
		if (strip(this.day).isEmpty()) {
			missing.add("day");
		}
		if (strip(this.month).isEmpty()) {
			missing.add("month");
		}
		if (strip(this.year).isEmpty()) {
			missing.add("year");
		}
		if (missing.size() == 3) {
			return Optional.of(enter);
		}
		if (!missing.isEmpty()) {
			return Optional
				.of(text.getMessage("web.date.missing." + String.join("-", missing), new Object[] { what }, locale));
		}
		if (toDate().isEmpty()) {
			return Optional.of(text.getMessage("web.date.not-real", new Object[] { what }, locale));
		}
		return Optional.empty();
	}

	/**
	 * The first problem and the box it is in ({@code idPrefix} with "-day", "-month" or
	 * "-year"), for a page that points at the box: nothing typed, the first part missing,
	 * a year that is not 4 numbers, or not a real date. Here the month must be a number.
	 * @param what the date's name as a sentence starts, like "Date"
	 * @param enter what to say when nothing was typed, like "Enter the date"
	 */
	public Optional<FormError> firstProblemByBox(String idPrefix, String what, String enter, MessageSource text,
			Locale locale) {
		String[] parts = { strip(this.day), strip(this.month), strip(this.year) };
		String[] names = { "day", "month", "year" };
		if (String.join("", parts).isEmpty()) {
			return Optional.of(new FormError(idPrefix + "-day", enter));
		}
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].isEmpty()) {
				return Optional.of(new FormError(idPrefix + "-" + names[i],
						text.getMessage("web.date.missing." + names[i], new Object[] { what }, locale)));
			}
		}
		if (!parts[2].matches("[0-9]{4}")) {
			return Optional
				.of(new FormError(idPrefix + "-year", text.getMessage("web.date.year-digits", null, locale)));
		}
		if (number(this.month) == null || toDate().isEmpty()) {
			return Optional.of(new FormError(idPrefix + "-day",
					text.getMessage("web.date.not-real", new Object[] { what }, locale)));
		}
		return Optional.empty();
	}

	private static @Nullable Integer number(@Nullable String typed) {
		String text = strip(typed);
		return text.matches("[0-9]{1,2}") ? Integer.valueOf(text) : null;
	}

	private static @Nullable Integer month(@Nullable String typed) {
		Integer number = number(typed);
		if (number != null) {
			return number;
		}
		String text = strip(typed).toLowerCase(java.util.Locale.UK);
		for (java.time.Month month : java.time.Month.values()) {
			String name = month.name().toLowerCase(java.util.Locale.UK);
			if (text.equals(name) || text.equals(name.substring(0, 3))) {
				return month.getValue();
			}
		}
		return null;
	}

	private static String strip(@Nullable String typed) {
		return (typed != null) ? typed.strip() : "";
	}

}
