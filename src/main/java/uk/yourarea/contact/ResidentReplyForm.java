package uk.yourarea.contact;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.PlainText;
import uk.yourarea.web.PlainTextCharacters;

/** What a resident writes back on their private conversation page. */
record ResidentReplyForm(@NotBlank(message = "{contact.reply.required}") @Size(max = ResidentReplyForm.MAX_REPLY,
		message = "{contact.reply.too-long}") @PlainText(
				message = "{contact.conversation.reply.characters}") @Nullable String reply) {

	static final int MAX_REPLY = 5000;

	/**
	 * What was typed, as it is shown again: without the characters a reply cannot hold.
	 */
	String typed() {
		return (this.reply != null) ? PlainTextCharacters.withoutRefused(this.reply, false) : "";
	}

}
