package uk.yourarea.contact;

import java.util.Optional;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.PlainText;
import uk.yourarea.web.PlainTextCharacters;
import uk.yourarea.web.SingleLine;

/**
 * What a resident types into the contact form. {@code website} is a honeypot no person
 * sees; {@code startedAt} is when the form was shown (signed:
 * {@link uk.yourarea.web.FormStamps}) and {@code idempotencyKey} makes a double submit
 * create one message. {@code alert} is the id of the alert the message replies to, when
 * the form was opened with "Reply to this message": kept only if that alert was published
 * to the neighbourhood, and otherwise ignored, never an error.
 */
public record ContactForm(
		@NotBlank(message = "{contact.form.name.required}") @Size(max = 100,
				message = "{contact.form.name.too-long}") @SingleLine(
						message = "{contact.form.name.characters}") @Nullable String name,
		@NotBlank(message = "{contact.form.email.required}") @Size(max = 254,
				message = "{contact.form.email.too-long}") @Email(regexp = "^$|[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
						message = "{contact.form.email.format}") @SingleLine(
								message = "{contact.form.email.characters}") @Nullable String email,
		@Pattern(regexp = "^$|^\\+?[0-9 ()-]{10,20}$", message = "{contact.form.phone.format}") @SingleLine(
				message = "{contact.form.phone.characters}") @Nullable String phone,
		@NotNull(message = "{contact.form.preferred-contact.required}") @Nullable PreferredContact preferredContact,
		@NotNull(message = "{contact.form.sender-type.required}") @Nullable SenderType senderType,
		@NotNull(message = "{contact.form.topic.required}") @Nullable Topic topic,
		@NotBlank(message = "{contact.form.message.required}") @Size(max = 5000,
				message = "{contact.form.message.too-long}") @PlainText(
						message = "{contact.form.message.characters}") @Nullable String message,
		@Size(max = 200, message = "{contact.form.location.too-long}") @SingleLine(
				message = "{contact.form.location.characters}") @Nullable String location,
		@Nullable String website, @Nullable String startedAt, @Nullable String idempotencyKey, @Nullable String alert) {

	/** The order the fields appear in on the page, for the error summary. */
	static final java.util.List<String> FIELD_ORDER = java.util.List.of("name", "email", "phone", "preferredContact",
			"senderType", "topic", "message", "location");

	static ContactForm blank(String startedAt, String idempotencyKey, @Nullable Long alertId) {
		return new ContactForm(null, null, null, null, null, null, null, null, null, startedAt, idempotencyKey,
				(alertId != null) ? alertId.toString() : null);
	}

	/** The id of the alert this replies to, if the form names one that could be an id. */
	Optional<Long> alertId() {
		return alertIdIn(this.alert);
	}

	/** An alert's id, when the text could be one. */
	static Optional<Long> alertIdIn(@Nullable String text) {
		return (text != null && text.matches("[0-9]{1,18}")) ? Optional.of(Long.parseLong(text)) : Optional.empty();
	}

	/** The form naming this alert, or none. */
	ContactForm withAlert(@Nullable Long alertId) {
		return new ContactForm(this.name, this.email, this.phone, this.preferredContact, this.senderType, this.topic,
				this.message, this.location, this.website, this.startedAt, this.idempotencyKey,
				(alertId != null) ? alertId.toString() : null);
	}

	/**
	 * The form as it is shown again after an error: without the characters the fields
	 * cannot hold (a NUL cannot even be shown), which the error messages say were taken
	 * out. Everything else stays exactly as typed.
	 */
	ContactForm withoutRefusedCharacters() {
		return new ContactForm(oneLine(this.name), oneLine(this.email), oneLine(this.phone), this.preferredContact,
				this.senderType, this.topic, PlainTextCharacters.withoutRefusedOrNull(this.message, false),
				oneLine(this.location), oneLine(this.website), this.startedAt, this.idempotencyKey,
				alertId().map(String::valueOf).orElse(null));
	}

	private static @Nullable String oneLine(@Nullable String text) {
		return PlainTextCharacters.withoutRefusedOrNull(text, true);
	}

	ContactForm withIdempotencyKey(String key) {
		return new ContactForm(this.name, this.email, this.phone, this.preferredContact, this.senderType, this.topic,
				this.message, this.location, this.website, this.startedAt, key, this.alert);
	}

	/**
	 * How many characters the message has, for the character count shown without
	 * JavaScript.
	 */
	public int messageLength() {
		return (this.message != null) ? this.message.length() : 0;
	}

}
