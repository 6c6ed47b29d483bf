package uk.yourarea.notification;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An email waiting in, or gone from, the outbox. It is PENDING until the relay has handed
 * it to the SMTP server (SENT) or given up on it (FAILED). While PENDING,
 * {@code nextAttemptAt} says when the relay may next try it; a relay that is working on
 * it has moved that time forward (its lease), so no other relay picks it up meanwhile.
 * <p>
 * Other features read emails through {@link EmailOutbox#forMessage(long)}; only this
 * package changes them.
 */
@Entity
@Table(name = "outbox_email")
public class OutboxEmail {

	/** What replaces the body once the email has gone. */
	static final String SENT_BODY = "[sent]";

	static final int MAX_ERROR_LENGTH = 500;

	public enum Status {

		PENDING, SENT, FAILED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "to_address")
	private String toAddress;

	private String subject;

	private String body;

	@Column(name = "contact_message_id")
	private @Nullable Long contactMessageId;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant createdAt;

	private Instant nextAttemptAt;

	private @Nullable Instant sentAt;

	private @Nullable String lastError;

	protected OutboxEmail() {
		// for JPA
	}

	OutboxEmail(String toAddress, String subject, String body, @Nullable Long contactMessageId, Instant now) {
		this.toAddress = toAddress;
		this.subject = subject;
		this.body = body;
		this.contactMessageId = contactMessageId;
		this.status = Status.PENDING;
		this.attempts = 0;
		this.createdAt = now;
		this.nextAttemptAt = now;
	}

	/**
	 * The SMTP server accepted the email. The body is replaced by {@value #SENT_BODY}: it
	 * may hold a private link (to a resident's conversation, say) that must not linger in
	 * the database once the email has gone.
	 */
	void markSent(Instant now) {
		requirePending();
		this.attempts++;
		this.status = Status.SENT;
		this.sentAt = now;
		this.body = SENT_BODY;
	}

	/**
	 * An attempt failed for a reason that may pass (server down, 4xx); try again after
	 * the backoff.
	 */
	void markAttemptFailed(String error, Instant now, Duration backoff) {
		requirePending();
		if (backoff.isNegative()) {
			throw new IllegalArgumentException("The backoff cannot be negative");
		}
		this.attempts++;
		this.lastError = truncate(error);
		this.nextAttemptAt = now.plus(backoff);
	}

	/**
	 * The last attempt failed and there will be no other: the server refused the email
	 * for good (5xx), or it has been failing for too long.
	 */
	void markFailed(String error) {
		requirePending();
		this.attempts++;
		this.status = Status.FAILED;
		this.lastError = truncate(error);
	}

	/**
	 * A relay takes the email to send it: no other relay may take it before
	 * {@code until}.
	 */
	void leaseUntil(Instant until) {
		requirePending();
		this.nextAttemptAt = until;
	}

	/** A relay hands the email back unsent and untried, due again at {@code dueAt}. */
	void releaseLease(Instant dueAt) {
		requirePending();
		this.nextAttemptAt = dueAt;
	}

	public boolean isPending() {
		return this.status == Status.PENDING;
	}

	public boolean isFailed() {
		return this.status == Status.FAILED;
	}

	private void requirePending() {
		if (this.status != Status.PENDING) {
			throw new IllegalStateException("Email " + this.id + " is " + this.status + ", not PENDING");
		}
	}

	private static String truncate(String error) {
		return (error.length() <= MAX_ERROR_LENGTH) ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
	}

	public long getId() {
		if (this.id == null) {
			throw new IllegalStateException("The email has not been saved");
		}
		return this.id;
	}

	public String getToAddress() {
		return this.toAddress;
	}

	public String getSubject() {
		return this.subject;
	}

	/** The text of the email, or {@value #SENT_BODY} once it has been sent. */
	public String getBody() {
		return this.body;
	}

	public @Nullable Long getContactMessageId() {
		return this.contactMessageId;
	}

	public Status getStatus() {
		return this.status;
	}

	/**
	 * Attempts made to hand the email to the SMTP server, the successful one included.
	 */
	public int getAttempts() {
		return this.attempts;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	public @Nullable Instant getSentAt() {
		return this.sentAt;
	}

	/**
	 * Why the last attempt failed; may quote the SMTP server, and with it the address.
	 */
	public @Nullable String getLastError() {
		return this.lastError;
	}

}
