package uk.yourarea.dataprotection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.DateInput;
import uk.yourarea.web.PlainText;

/** A legal hold on one message: why, and when it must be looked at again. */
record HoldForm(@NotBlank(message = "{dataprotection.hold.reference.required}") @Nullable String reference,
		@NotBlank(message = "{dataprotection.hold.reason.required}") @Size(max = 500,
				message = "{dataprotection.hold.reason.too-long}") @PlainText(
						message = "{dataprotection.hold.reason.characters}") @Nullable String reason,
		@Nullable String reviewOnDay, @Nullable String reviewOnMonth, @Nullable String reviewOnYear) {

	static HoldForm about(String reference) {
		return new HoldForm(reference, "", "", "", "");
	}

	public DateInput reviewOn() {
		return new DateInput(this.reviewOnDay, this.reviewOnMonth, this.reviewOnYear);
	}

}
