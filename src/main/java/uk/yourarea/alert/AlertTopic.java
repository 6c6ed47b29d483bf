package uk.yourarea.alert;

import java.util.Locale;

/**
 * What an alert is about. A subscriber gets it when they chose every message from the
 * team, or the matching {@link AlertCategory}; a GENERAL alert goes only to those who
 * chose every message. The labels are in the message bundle under {@code alerts.topic.}.
 */
enum AlertTopic {

	GENERAL(null), PRIORITIES(AlertCategory.PRIORITIES), EVENTS(AlertCategory.EVENTS), APPEALS(AlertCategory.APPEALS);

	private final @org.jspecify.annotations.Nullable AlertCategory category;

	AlertTopic(@org.jspecify.annotations.Nullable AlertCategory category) {
		this.category = category;
	}

	/**
	 * The subscribers' choices that receive an alert on this topic: every message, and
	 * the topic's own category if it has one.
	 */
	java.util.Set<AlertCategory> receivedBy() {
		return (this.category == null) ? java.util.EnumSet.of(AlertCategory.EVERYTHING)
				: java.util.EnumSet.of(AlertCategory.EVERYTHING, this.category);
	}

	String labelKey() {
		return "alerts.topic." + name().toLowerCase(Locale.ROOT);
	}

}
