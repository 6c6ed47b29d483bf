package uk.yourarea.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * An officer's reply to a resident: a full reply answers the message and stops the clock;
 * a holding reply says it is being looked into.
 */
record ReplyForm(
		@NotBlank(message = "{inbox.reply.required}") @Size(max = InboxController.MAX_TEXT,
				message = "{inbox.reply.too-long}") @Nullable String reply,
		@NotNull(message = "{inbox.reply.kind.required}") @Pattern(regexp = "FULL|HOLDING",
				message = "{inbox.reply.kind.required}") @Nullable String kind,
		@Nullable String idempotencyKey) {

	boolean isFull() {
		return "FULL".equals(this.kind);
	}

	String text() {
		return (this.reply != null) ? this.reply.strip() : "";
	}

}
