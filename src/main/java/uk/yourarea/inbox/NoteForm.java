package uk.yourarea.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A note on a message that only staff see. */
record NoteForm(@NotBlank(message = "{inbox.note.required}") @Size(max = InboxController.MAX_TEXT,
		message = "{inbox.note.too-long}") @Nullable String note, @Nullable String idempotencyKey) {

	String text() {
		return (this.note != null) ? this.note.strip() : "";
	}

}
