package uk.yourarea.consultation;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

import uk.yourarea.web.FormError;

import static org.assertj.core.api.Assertions.assertThat;

class ConsultationFormTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	static final MessageSource WORDING = wording();

	@Test
	void aFormWithTwoIssuesAndDatesFromTodayIsFine() {
		ConsultationForm form = form("Speeding\n\n  Burglary  \nspeeding", "23", "11", "2026", "21", "12", "2026");

		assertThat(form.check(TODAY, WORDING)).isEmpty();
		assertThat(form.issueList()).as("blank lines and repeats dropped").containsExactly("Speeding", "Burglary");
		assertThat(form.opensOn()).isEqualTo(TODAY);
		assertThat(form.closesOn()).isEqualTo(LocalDate.of(2026, 12, 21));
	}

	@Test
	void needsAtLeastTwoAndAtMostFifteenIssuesOfAHundredCharactersOrFewer() {
		assertThat(messages(form("Speeding\nspeeding", "23", "11", "2026", "1", "12", "2026")))
			.containsExactly("Enter at least 2 issues, one on each line");
		String sixteen = String.join("\n", IntStream.rangeClosed(1, 16).mapToObj((n) -> "Issue " + n).toList());
		assertThat(messages(form(sixteen, "23", "11", "2026", "1", "12", "2026")))
			.containsExactly("Enter no more than 15 issues");
		assertThat(messages(form("Speeding\n" + "y".repeat(101), "23", "11", "2026", "1", "12", "2026")))
			.containsExactly("Each issue must be 100 characters or fewer");
	}

	@Test
	void explainsEachWrongDate() {
		assertThat(errors(form("A\nB", "", "", "", "", "", ""))).containsExactly(
				new FormError("opensOn-day", "Enter the opening date"),
				new FormError("closesOn-day", "Enter the closing date"));
		assertThat(messages(form("A\nB", "31", "2", "2027", "x", "3", "2027"))).containsExactly(
				"Opening date must be a real date, like 1 12 2026",
				"Closing date must be a real date, like 31 12 2026");
		assertThat(messages(form("A\nB", "22", "11", "2026", "1", "12", "2026")))
			.containsExactly("Opening date must be today or in the future");
		assertThat(messages(form("A\nB", "1", "12", "2026", "22", "11", "2026")))
			.containsExactly("Closing date must be today or in the future");
		assertThat(messages(form("A\nB", "1", "12", "2026", "1", "12", "2026")))
			.containsExactly("Closing date must be after the opening date");
		assertThat(messages(form("A\nB", "5", "12", "2026", "2", "12", "2026")))
			.containsExactly("Closing date must be after the opening date");
		assertThat(messages(form("A\nB", "1", "12", "26", "2", "12", "2026")))
			.as("a two-digit year is not a real date here")
			.containsExactly("Opening date must be a real date, like 1 12 2026");
	}

	private static ConsultationForm form(String issues, String openDay, String openMonth, String openYear,
			String closeDay, String closeMonth, String closeYear) {
		return new ConsultationForm("Which issues?", issues, openDay, openMonth, openYear, closeDay, closeMonth,
				closeYear);
	}

	private static List<FormError> errors(ConsultationForm form) {
		return form.check(TODAY, WORDING);
	}

	private static MessageSource wording() {
		ResourceBundleMessageSource wording = new ResourceBundleMessageSource();
		wording.setBasenames("messages", "staff");
		wording.setDefaultEncoding("UTF-8");
		wording.setFallbackToSystemLocale(false);
		return wording;
	}

	private static List<String> messages(ConsultationForm form) {
		return form.check(TODAY, WORDING).stream().map(FormError::message).toList();
	}

}
