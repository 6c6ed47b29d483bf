/**
 * Neighbourhood alerts (issue 15): residents subscribe to their teams' messages by email,
 * with no account, confirm by a link, and manage or stop them from a personal link. It
 * owns the tables alert_subscriber, alert_subscription and alert_manage_link.
 */
@NullMarked
package uk.yourarea.alert;

import org.jspecify.annotations.NullMarked;
