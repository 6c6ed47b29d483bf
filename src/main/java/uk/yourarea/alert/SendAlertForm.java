package uk.yourarea.alert;

import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.DateInput;

/**
 * When an alert should go: {@code when} is {@code NOW} or {@code LATER}, and for later a
 * date (three boxes) and a time of day, UK time.
 */
record SendAlertForm(@Nullable String when, @Nullable String sendDay, @Nullable String sendMonth,
		@Nullable String sendYear, @Nullable String sendTime) {

	static final String NOW = "NOW";

	static final String LATER = "LATER";

	static final List<String> FIELD_ORDER = List.of("when", "send", "sendTime");

	SendAlertForm {
		sendTime = (sendTime != null) ? sendTime.strip() : null;
	}

	static SendAlertForm blank() {
		return new SendAlertForm(NOW, "", "", "", "");
	}

	public DateInput sendDate() {
		return new DateInput(this.sendDay, this.sendMonth, this.sendYear);
	}

}
