package uk.yourarea.consultation;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.PlainText;
import uk.yourarea.web.PlainTextCharacters;
import uk.yourarea.web.SingleLine;

/**
 * What someone sends from the "Have your say" page. {@code website} is a honeypot no
 * person sees, {@code startedAt} when the form was shown (signed:
 * {@link uk.yourarea.web.FormStamps}), {@code idempotencyKey} makes a double submit one
 * answer.
 */
record HaveYourSayForm(@Nullable Long consultationId,
		@Size(max = HaveYourSayForm.MAX_ISSUES,
				message = "{consultation.have-your-say.issues.too-many}") @Nullable List<@Nullable Long> issues,
		@Size(max = 1000, message = "{consultation.have-your-say.concern.too-long}") @PlainText(
				message = "{consultation.have-your-say.concern.characters}") @Nullable String concern,
		@NotNull(
				message = "{consultation.have-your-say.respondent-type.required}") ConsultationResponse.@Nullable RespondentType respondentType,
		@NotBlank(message = "{consultation.have-your-say.postcode.required}") @SingleLine(
				message = "{consultation.have-your-say.postcode.characters}") @Nullable String postcode,
		@NotBlank(message = "{consultation.have-your-say.email.required}") @Size(max = 254,
				message = "{consultation.have-your-say.email.too-long}") @Email(
						regexp = "^$|[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
						message = "{consultation.have-your-say.email.format}") @SingleLine(
								message = "{consultation.have-your-say.email.characters}") @Nullable String email,
		@Nullable String website, @Nullable String startedAt, @Nullable String idempotencyKey) {

	static final int MAX_ISSUES = 3;

	/** The order the fields appear in on the page, for the error summary. */
	static final List<String> FIELD_ORDER = List.of("issues", "concern", "respondentType", "postcode", "email");

	static HaveYourSayForm blank(long consultationId, String startedAt, String idempotencyKey) {
		return new HaveYourSayForm(consultationId, List.of(), null, null, null, null, null, startedAt, idempotencyKey);
	}

	/**
	 * The form as it is shown again after an error: without the characters the fields
	 * cannot hold, which the error messages say were taken out.
	 */
	HaveYourSayForm withoutRefusedCharacters() {
		return new HaveYourSayForm(this.consultationId, this.issues,
				PlainTextCharacters.withoutRefusedOrNull(this.concern, false), this.respondentType,
				PlainTextCharacters.withoutRefusedOrNull(this.postcode, true),
				PlainTextCharacters.withoutRefusedOrNull(this.email, true),
				PlainTextCharacters.withoutRefusedOrNull(this.website, true), this.startedAt, this.idempotencyKey);
	}

	HaveYourSayForm withIdempotencyKey(String key) {
		return new HaveYourSayForm(this.consultationId, this.issues, this.concern, this.respondentType, this.postcode,
				this.email, this.website, this.startedAt, key);
	}

	/** The issues ticked, without gaps. */
	List<Long> chosenIssues() {
		return (this.issues != null) ? this.issues.stream().filter(java.util.Objects::nonNull).distinct().toList()
				: List.of();
	}

	boolean chose(long issueId) {
		return chosenIssues().contains(issueId);
	}

	/** The concern without surrounding spaces, or null when none was written. */
	@Nullable String ownConcern() {
		return (this.concern == null || this.concern.isBlank()) ? null : this.concern.strip();
	}

}
