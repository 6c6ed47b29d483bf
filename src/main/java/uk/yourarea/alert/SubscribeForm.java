package uk.yourarea.alert;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.PlainTextCharacters;
import uk.yourarea.web.SingleLine;

/**
 * The subscribe form: an email address and what to hear about. {@code website} is a
 * honeypot no person sees; {@code startedAt} is when the form was shown, signed by
 * {@link uk.yourarea.web.FormStamps}.
 */
record SubscribeForm(
		@NotBlank(message = "{alerts.form.email.required}") @Size(max = 254,
				message = "{alerts.form.email.too-long}") @Email(regexp = "^$|[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
						message = "{alerts.form.email.format}") @SingleLine(
								message = "{alerts.form.email.characters}") @Nullable String email,
		@NotEmpty(message = "{alerts.form.categories.required}") @Nullable List<@Nullable AlertCategory> categories,
		@Nullable String website, @Nullable String startedAt) {

	static final List<String> FIELD_ORDER = List.of("email", "categories");

	static SubscribeForm blank(String startedAt) {
		return new SubscribeForm(null, null, null, startedAt);
	}

	Set<AlertCategory> chosen() {
		Set<AlertCategory> chosen = EnumSet.noneOf(AlertCategory.class);
		if (this.categories != null) {
			this.categories.stream().filter(Objects::nonNull).forEach(chosen::add);
		}
		return chosen;
	}

	/** The ticked boxes as the template compares them. */
	public List<String> chosenNames() {
		return chosen().stream().map(Enum::name).toList();
	}

	/** The form shown again: as typed, without characters a field cannot hold. */
	SubscribeForm withoutRefusedCharacters() {
		return new SubscribeForm(PlainTextCharacters.withoutRefusedOrNull(this.email, true), this.categories,
				PlainTextCharacters.withoutRefusedOrNull(this.website, true), this.startedAt);
	}

}
