package uk.yourarea.alert;

import java.util.Locale;

/**
 * Whom an alert is for: chosen neighbourhoods, every neighbourhood of one local policing
 * area, or the whole force. Only web editors and administrators write to an area or the
 * force.
 */
enum AlertReach {

	NEIGHBOURHOODS, AREA, FORCE;

	String labelKey() {
		return "alerts.staff.reach." + name().toLowerCase(Locale.ROOT);
	}

}
