package uk.yourarea.notification;

import org.jspecify.annotations.Nullable;

/**
 * An email will not be delivered: the server refused it for good, or it kept failing
 * until the relay gave up. Published inside the transaction that marks the email FAILED,
 * so a listener (the message inbox, say, showing staff that the resident did not get a
 * reply) can record it in the same transaction.
 *
 * @param emailId the outbox email
 * @param contactMessageId the resident's message the email was about, if any
 */
public record EmailFailed(long emailId, @Nullable Long contactMessageId) {
}
