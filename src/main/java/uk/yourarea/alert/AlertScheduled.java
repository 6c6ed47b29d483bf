package uk.yourarea.alert;

/**
 * An alert is scheduled to go (now or later): published once the change is committed, so
 * that the sender can start at once rather than wait for its next look at the table.
 *
 * @param alertId the alert's id
 */
public record AlertScheduled(long alertId) {

}
