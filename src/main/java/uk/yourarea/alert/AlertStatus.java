package uk.yourarea.alert;

/**
 * Where an alert is on its way: DRAFT → (AWAITING_APPROVAL) → SCHEDULED → SENDING → SENT,
 * or CANCELLED before it goes. From SENDING on it is published in the archive.
 */
enum AlertStatus {

	DRAFT, AWAITING_APPROVAL, SCHEDULED, SENDING, SENT, CANCELLED;

	boolean isPublished() {
		return this == SENDING || this == SENT;
	}

	String labelKey() {
		return "alerts.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
