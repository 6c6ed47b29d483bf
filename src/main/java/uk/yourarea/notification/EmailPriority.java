package uk.yourarea.notification;

/**
 * Which emails the relay takes first. Of the emails that are due, every RESIDENT one goes
 * before any BULK one, so an alert to 100,000 subscribers never holds back the email a
 * resident is waiting for.
 */
public enum EmailPriority {

	/**
	 * An email a resident is waiting for: an acknowledgement, a reply, a confirmation
	 * link. The default.
	 */
	RESIDENT,

	/** One of many sent at once, like a neighbourhood alert. */
	BULK

}
