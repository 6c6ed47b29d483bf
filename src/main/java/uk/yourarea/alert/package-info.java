/**
 * Neighbourhood alerts (issue 15): residents subscribe to their teams' messages by email,
 * with no account, confirm by a link, and manage or stop them from a personal link. It
 * owns the tables alert_subscriber, alert_subscription, alert_manage_link,
 * alert_link_key, alert and alert_neighbourhood: the alerts staff write, their
 * neighbourhoods, sending and the public archive.
 */
@NullMarked
package uk.yourarea.alert;

import org.jspecify.annotations.NullMarked;
