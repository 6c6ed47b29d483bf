package uk.yourarea.alert;

/**
 * What a resident can choose to hear about from a team. The labels are in the message
 * bundle under {@code alerts.category.}.
 */
enum AlertCategory {

	EVERYTHING, PRIORITIES, EVENTS, APPEALS;

	String labelKey() {
		return "alerts.category." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
