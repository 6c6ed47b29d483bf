package uk.yourarea.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Closing a message, with what came of it. */
record CloseForm(@NotBlank(message = "{inbox.close.outcome.required}") @Size(max = 1000,
		message = "{inbox.close.outcome.too-long}") @Nullable String outcome) {

	String text() {
		return (this.outcome != null) ? this.outcome.strip() : "";
	}

}
