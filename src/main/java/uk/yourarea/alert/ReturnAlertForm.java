package uk.yourarea.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.PlainText;

/** Why a force-wide alert goes back to its author instead of being approved. */
record ReturnAlertForm(@NotBlank(message = "{alerts.staff.return.reason.required}") @Size(max = 1000,
		message = "{alerts.staff.return.reason.too-long}") @PlainText(
				message = "{alerts.staff.return.reason.characters}") @Nullable String reason) {

	static ReturnAlertForm blank() {
		return new ReturnAlertForm("");
	}

}
