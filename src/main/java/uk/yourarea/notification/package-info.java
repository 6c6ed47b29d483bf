/**
 * Email. A feature queues an email with {@link uk.yourarea.notification.EmailOutbox} in
 * the same transaction as the change that causes it; the relay sends what is due over
 * SMTP, at least once and almost always once, retrying with backoff for up to 72 hours,
 * and marks an email FAILED at once when the server refuses it for good. While the SMTP
 * server cannot be reached, emails wait uncounted and go as soon as it is back. See
 * docs/reliability.md.
 */
@NullMarked
package uk.yourarea.notification;

import org.jspecify.annotations.NullMarked;
