package uk.yourarea.event;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Cancelling an event: an optional reason residents will see, and the form's version. */
record CancelEventForm(@Size(max = 500, message = "{event.cancel.reason.too-long}") @Nullable String reason,
		@Nullable Long version) {

	CancelEventForm {
		reason = (reason != null) ? reason.strip() : null;
	}

	CancelEventForm basedOn(long newVersion) {
		return new CancelEventForm(this.reason, newVersion);
	}

}
