package uk.yourarea.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where features put the emails they send. {@link #queue} writes the email into the
 * outbox table in the caller's transaction, so the email exists if and only if the change
 * that causes it (a resident's message, an officer's reply) is committed. The relay sends
 * it afterwards.
 */
@Service
public class EmailOutbox {

	static final int MAX_ADDRESS_LENGTH = 254;

	static final int MAX_SUBJECT_LENGTH = 200;

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,59}");

	private final OutboxEmailRepository emails;

	private final Clock clock;

	EmailOutbox(OutboxEmailRepository emails, Clock clock) {
		this.emails = emails;
		this.clock = clock;
	}

	/**
	 * Queues a plain-text email. Must be called inside the caller's transaction.
	 * <p>
	 * The address and subject become mail headers, so they are refused if they hold a
	 * line break or any other control character; the subject should come from a template,
	 * never from what a resident typed. The body may contain anything, a private link
	 * included: the address, subject and body are kept until the email is sent or finally
	 * fails, and then erased; the kind, the address's domain and the times stay.
	 * @param kind what the email is, like {@code contact-acknowledgement}: a name of the
	 * sending feature's, never personal data
	 * @param to one email address, at most 254 characters
	 * @param subject at most 200 characters
	 * @param body the plain text of the email
	 * @param contactMessageId the resident's message the email is about, if any
	 * @return the id of the queued email
	 * @throws IllegalArgumentException if the address or subject is unusable
	 * @throws org.springframework.transaction.IllegalTransactionStateException if there
	 * is no transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long queue(String kind, String to, String subject, String body, @Nullable Long contactMessageId) {
		requireHeaderSafe("address", to, 3, MAX_ADDRESS_LENGTH);
		requireHeaderSafe("subject", subject, 1, MAX_SUBJECT_LENGTH);
		if (!KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("An email's kind is a short name like contact-acknowledgement");
		}
		OutboxEmail email = new OutboxEmail(kind, to, subject, body, contactMessageId, this.clock.instant());
		return this.emails.save(email).getId();
	}

	/**
	 * Deletes the emails about these messages that have not been sent yet: their personal
	 * data has been erased, so there is nobody to send them to.
	 * @return how many were deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int forgetPendingAbout(Collection<Long> contactMessageIds) {
		if (contactMessageIds.isEmpty()) {
			return 0;
		}
		return this.emails.deletePendingAbout(contactMessageIds);
	}

	/** The emails about a resident's message, oldest first, whatever their status. */
	@Transactional(readOnly = true)
	List<OutboxEmail> forMessage(long contactMessageId) {
		return this.emails.findByContactMessageIdOrderByCreatedAtAscIdAsc(contactMessageId);
	}

	/**
	 * Whether an email about the message could not be delivered and will not be tried
	 * again.
	 */
	@Transactional(readOnly = true)
	public boolean hasFailedEmail(long contactMessageId) {
		return this.emails.existsByContactMessageIdAndStatus(contactMessageId, OutboxEmail.Status.FAILED);
	}

	private static void requireHeaderSafe(String what, String value, int minLength, int maxLength) {
		if (value.isBlank()) {
			throw new IllegalArgumentException("The email " + what + " is blank");
		}
		if (value.length() < minLength || value.length() > maxLength) {
			throw new IllegalArgumentException(
					"The email " + what + " must be " + minLength + " to " + maxLength + " characters long");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				// CR or LF would let the value add headers of its own
				throw new IllegalArgumentException("The email " + what + " contains a line break or control character");
			}
		}
	}

}
