package uk.yourarea.priority;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.DateInput;

/**
 * A new entry for "what we are doing", in Welsh too if written, and the date it tells of.
 */
record PriorityUpdateForm(
		@NotBlank(message = "{priority.update.text.required}") @Size(max = 3000,
				message = "{priority.update.text.too-long}") @Nullable String text,
		@Nullable String writtenOnDay, @Nullable String writtenOnMonth, @Nullable String writtenOnYear,
		@Size(max = 3000, message = "{priority.update.text-cy.too-long}") @Nullable String textCy) {

	static final List<String> FIELD_ORDER = List.of("text", "textCy", "writtenOn");

	PriorityUpdateForm {
		text = (text != null) ? text.strip() : null;
		textCy = (textCy != null) ? textCy.strip() : null;
	}

	static PriorityUpdateForm startingOn(LocalDate today) {
		DateInput date = DateInput.of(today);
		return new PriorityUpdateForm("", date.day(), date.month(), date.year(), "");
	}

	public DateInput writtenOn() {
		return new DateInput(this.writtenOnDay, this.writtenOnMonth, this.writtenOnYear);
	}

}
