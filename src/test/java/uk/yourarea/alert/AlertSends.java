package uk.yourarea.alert;

import org.springframework.context.ApplicationContext;

/**
 * Sends the alerts that are due now, for tests whose site does not send them on a
 * schedule (the sender itself is not part of the package's API).
 */
public final class AlertSends {

	private AlertSends() {
	}

	/**
	 * @return how many emails were queued
	 */
	public static int now(ApplicationContext context) {
		return context.getBean(AlertSending.class).sendDue();
	}

}
