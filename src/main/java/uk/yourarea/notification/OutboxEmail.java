package uk.yourarea.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * {@code nextAttemptAt} says when the relay may next try it. A relay that is working on
 * it holds a lease ({@code leaseToken}, {@code leasedUntil}): no other relay takes it
 * until the lease runs out, and the relay extends the lease while it works, so only a
 * relay that has stopped (crashed) loses it. The lease never changes when the email is
 * due.
 * <p>
 * Once the email is SENT or FAILED the outbox forgets who it went to and what it said:
 * the address becomes its domain, and the subject, body and headers are erased (they may
 * hold a private link, a name or a resident's words). What is left says what kind of
 * email went to which domain, when, and how it ended.
 * <p>
 * Only this package reads and changes them: other features put emails in through
 * {@link EmailOutbox}.
 */
@Entity
@Table(name = "outbox_email")
class OutboxEmail {

	static final int MAX_ERROR_LENGTH = 500;

	private static final Pattern ANY_ADDRESS = Pattern.compile("[^\\s<>\"']+@[^\\s<>\"']+");

	public enum Status {

		PENDING, SENT, FAILED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String kind;

	@Column(name = "to_address")
	private @Nullable String toAddress;

	private @Nullable String toDomain;

	private @Nullable String subject;

	private @Nullable String body;

	@Column(name = "contact_message_id")
	private @Nullable Long contactMessageId;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant createdAt;

	private Instant nextAttemptAt;

	private @Nullable Instant sentAt;

	private @Nullable String lastError;

	private @Nullable Instant lastAttemptAt;

	private @Nullable UUID leaseToken;

	private @Nullable Instant leasedUntil;

	@Enumerated(EnumType.STRING)
	private EmailPriority priority;

	private @Nullable String reference;

	private @Nullable String listUnsubscribe;

	private @Nullable String listUnsubscribePost;

	protected OutboxEmail() {
		// for JPA
	}

	OutboxEmail(String kind, String toAddress, String subject, String body, @Nullable Long contactMessageId,
			Instant now) {
		this.kind = kind;
		this.toAddress = toAddress;
		this.subject = subject;
		this.body = body;
		this.contactMessageId = contactMessageId;
		this.status = Status.PENDING;
		this.attempts = 0;
		this.createdAt = now;
		this.nextAttemptAt = now;
		this.priority = EmailPriority.RESIDENT;
	}

	OutboxEmail(OutgoingEmail email, Instant now) {
		this(email.kind(), email.to(), email.subject(), email.body(), email.contactMessageId(), now);
		this.priority = email.priority();
		this.reference = email.reference();
		this.listUnsubscribe = email.header(OutgoingEmail.LIST_UNSUBSCRIBE);
		this.listUnsubscribePost = email.header(OutgoingEmail.LIST_UNSUBSCRIBE_POST);
	}

	/** The SMTP server accepted the email: the outbox forgets the address and text. */
	void markSent(Instant now) {
		requirePending();
		attempted(now);
		this.status = Status.SENT;
		this.sentAt = now;
		forgetRecipientAndText();
	}

	/**
	 * An attempt failed for a reason that may pass (a 4xx reply, a dropped connection);
	 * try again after the backoff. Not for an SMTP server that cannot be reached at all:
	 * that is no fault of the email, and the relay hands it back untried.
	 */
	void markAttemptFailed(String error, Instant now, Duration backoff) {
		requirePending();
		if (backoff.isNegative()) {
			throw new IllegalArgumentException("The backoff cannot be negative");
		}
		attempted(now);
		this.lastError = truncate(error);
		this.nextAttemptAt = now.plus(backoff);
	}

	/**
	 * The last attempt failed and there will be no other: the server refused the email
	 * for good (5xx), or it has been failing for too long.
	 */
	void markFailed(String error, Instant now) {
		requirePending();
		attempted(now);
		this.status = Status.FAILED;
		this.lastError = truncate(error);
		forgetRecipientAndText();
	}

	/**
	 * Erases what could tell who the email was for or what it said. A server's error
	 * often quotes the address, so any address in it goes too.
	 */
	private void forgetRecipientAndText() {
		if (this.toAddress != null) {
			this.toDomain = domainOf(this.toAddress);
		}
		this.toAddress = null;
		this.subject = null;
		this.body = null;
		this.listUnsubscribe = null;
		this.listUnsubscribePost = null;
		if (this.lastError != null) {
			this.lastError = ANY_ADDRESS.matcher(this.lastError).replaceAll("[address]");
		}
	}

	static String domainOf(String address) {
		int at = address.lastIndexOf('@');
		if (at < 0 || at == address.length() - 1) {
			return "unknown";
		}
		return address.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "").toLowerCase(Locale.ROOT);
	}

	private void attempted(Instant now) {
		this.attempts++;
		this.lastAttemptAt = now;
		this.leaseToken = null;
		this.leasedUntil = null;
	}

	/**
	 * A relay takes the email to send it, or extends the lease it holds: no other relay
	 * may take it before {@code until}.
	 */
	void lease(UUID token, Instant until) {
		requirePending();
		this.leaseToken = token;
		this.leasedUntil = until;
	}

	/** Whether the relay holding this lease still holds the email. */
	boolean isLeasedBy(UUID token) {
		return isPending() && token.equals(this.leaseToken);
	}

	/**
	 * A relay hands the email back untried: it is due as it was before the relay took it.
	 */
	void releaseLease() {
		requirePending();
		this.leaseToken = null;
		this.leasedUntil = null;
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

	/**
	 * What the email is, like {@code contact-acknowledgement}: kept after it has gone.
	 */
	public String getKind() {
		return this.kind;
	}

	/** Who the email is for; {@code null} once it has been sent or has failed. */
	public @Nullable String getToAddress() {
		return this.toAddress;
	}

	/** The domain the email went to, once it has been sent or has failed. */
	public @Nullable String getToDomain() {
		return this.toDomain;
	}

	/** {@code null} once the email has been sent or has failed. */
	public @Nullable String getSubject() {
		return this.subject;
	}

	/** The text of the email; {@code null} once it has been sent or has failed. */
	public @Nullable String getBody() {
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

	/** When the last attempt was made, successful or not; null before the first. */
	public @Nullable Instant getLastAttemptAt() {
		return this.lastAttemptAt;
	}

	/** Until when a relay holds the email, if one does. */
	public @Nullable Instant getLeasedUntil() {
		return this.leasedUntil;
	}

	public @Nullable Instant getSentAt() {
		return this.sentAt;
	}

	public EmailPriority getPriority() {
		return this.priority;
	}

	public @Nullable String getReference() {
		return this.reference;
	}

	/**
	 * The extra mail headers, in the order they are set; empty once the email has been
	 * sent or has failed.
	 */
	public Map<String, String> getHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.listUnsubscribe != null) {
			headers.put(OutgoingEmail.LIST_UNSUBSCRIBE, this.listUnsubscribe);
		}
		if (this.listUnsubscribePost != null) {
			headers.put(OutgoingEmail.LIST_UNSUBSCRIBE_POST, this.listUnsubscribePost);
		}
		return headers;
	}

	/**
	 * Why the last attempt failed; may quote the SMTP server, and with it the address.
	 */
	public @Nullable String getLastError() {
		return this.lastError;
	}

}
