package uk.yourarea.notification;

import org.jspecify.annotations.Nullable;

/**
 * An email will not be delivered: the server refused it for good, or it kept failing
 * until the relay gave up. Published inside the transaction that marks the email FAILED,
 * so a listener (the message inbox, say, showing staff that the resident did not get a
 * reply; alerts, stopping a subscription whose address bounces) can record it in the same
 * transaction.
 *
 * @param emailId the outbox email
 * @param contactMessageId the resident's message the email was about, if any
 * @param kind what the email was, like {@code alert-email}
 * @param to the address, taken before the outbox forgot it; kept in memory only, and
 * never in {@link #toString()}
 * @param permanent true if the server refused the email for good (a 5xx reply, an
 * unusable address); false if the outbox gave up after retrying
 */
public record EmailFailed(long emailId, @Nullable Long contactMessageId, String kind, @Nullable String to,
		boolean permanent) {

	@Override
	public String toString() {
		return "EmailFailed[emailId=" + this.emailId + ", contactMessageId=" + this.contactMessageId + ", kind="
				+ this.kind + ", permanent=" + this.permanent + "]";
	}

}
