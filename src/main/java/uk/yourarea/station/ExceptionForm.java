package uk.yourarea.station;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A day when a station is not open as usual, as typed: the date (day, month and year
 * boxes), the hours that day (all blank for closed all day) and an optional reason.
 */
record ExceptionForm(@Nullable String day, @Nullable String month, @Nullable String year, @Nullable String opens,
		@Nullable String closes, @Nullable String opensAgain, @Nullable String closesAgain,
		@Size(max = 100, message = "{station.exception.reason.too-long}") @Nullable String reason) {

	ExceptionForm {
		reason = (reason != null && !reason.isBlank()) ? reason.strip() : null;
	}

	static ExceptionForm blank() {
		return new ExceptionForm("", "", "", "", "", "", "", "");
	}

	HoursInput input() {
		return new HoursInput(null, "", this.opens, this.closes, this.opensAgain, this.closesAgain);
	}

}
