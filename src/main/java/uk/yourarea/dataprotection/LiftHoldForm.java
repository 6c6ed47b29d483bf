package uk.yourarea.dataprotection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.PlainText;

/** Lifting the legal hold on one message, and why. */
record LiftHoldForm(@NotBlank(message = "{dataprotection.hold.reference.required}") @Nullable String reference,
		@NotBlank(message = "{dataprotection.lift.reason.required}") @Size(max = 500,
				message = "{dataprotection.lift.reason.too-long}") @PlainText(
						message = "{dataprotection.lift.reason.characters}") @Nullable String reason) {

	static LiftHoldForm about(String reference) {
		return new LiftHoldForm(reference, "");
	}

}
