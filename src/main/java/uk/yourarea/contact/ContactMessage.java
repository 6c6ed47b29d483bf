package uk.yourarea.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.Phrase;

/**
 * A resident's message to their neighbourhood team, its conversation and its response
 * clock. The clock starts when the message arrives and again whenever the resident writes
 * back or says a reply did not answer their question; only a full reply from the team
 * stops it.
 * <p>
 * Its personal data (who wrote, how to reach them, every word written) can be erased, by
 * the retention schedule or on request ({@link MessageErasure}); what is left (times,
 * status, topic) keeps the response record true.
 */
@Entity
class ContactMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String reference;

	@Column(name = "neighbourhood_id")
	private Long neighbourhoodId;

	private @Nullable String senderName;

	private @Nullable String senderEmail;

	private @Nullable String senderPhone;

	@Enumerated(EnumType.STRING)
	private PreferredContact preferredContact;

	@Enumerated(EnumType.STRING)
	private SenderType senderType;

	@Enumerated(EnumType.STRING)
	private Topic topic;

	private @Nullable String body;

	private @Nullable String location;

	@Enumerated(EnumType.STRING)
	private MessageStatus status;

	private Instant receivedAt;

	private Instant clockStartedAt;

	private Instant dueAt;

	private String dueExplanation;

	private @Nullable Instant firstAnsweredAt;

	private @Nullable Instant answeredAt;

	private @Nullable Instant escalatedAt;

	@Column(name = "assigned_to_id")
	private @Nullable Long assignedToId;

	private @Nullable String outcome;

	private String idempotencyKey;

	/** Why it was held, as a key of staff.properties ({@code contact.held.*}). */
	private @Nullable String heldReason;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private @Nullable List<String> heldReasonArgs;

	private @Nullable Instant closedAt;

	private @Nullable Instant erasedAt;

	@Enumerated(EnumType.STRING)
	private @Nullable ErasedBecause erasedBecause;

	private @Nullable String holdReason;

	private @Nullable LocalDate holdReviewOn;

	@Column(name = "hold_placed_by_id")
	private @Nullable Long holdPlacedById;

	private @Nullable Instant holdPlacedAt;

	/** The alert this message answers ("Reply to this message"), if it answers one. */
	@Column(name = "in_reply_to_alert_id")
	private @Nullable Long inReplyToAlertId;

	/**
	 * The language the resident wrote in, {@code en} or {@code cy}: every email to them
	 * is in it.
	 */
	private String language = "en";

	@Version
	private long version;

	@OneToMany(mappedBy = "message", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("at, id")
	private List<MessageEntry> entries = new ArrayList<>();

	protected ContactMessage() {
	}

	ContactMessage(String reference, Long neighbourhoodId, Sender sender, Topic topic, String body,
			@Nullable String location, Instant receivedAt, ResponseDeadline.Due due, String idempotencyKey) {
		this.reference = reference;
		this.neighbourhoodId = neighbourhoodId;
		this.senderName = sender.name();
		this.senderEmail = sender.email();
		this.senderPhone = sender.phone();
		this.preferredContact = sender.preferredContact();
		this.senderType = sender.type();
		this.topic = topic;
		this.body = body;
		this.location = location;
		this.status = MessageStatus.OPEN;
		this.receivedAt = receivedAt;
		this.clockStartedAt = receivedAt;
		this.dueAt = due.at();
		this.dueExplanation = due.explanation();
		this.idempotencyKey = idempotencyKey;
		this.entries.add(new MessageEntry(this, EntryKind.RECEIVED, null, body, receivedAt));
	}

	/** Records that this message answers an alert published to its neighbourhood. */
	void answersAlert(long alertId) {
		this.inReplyToAlertId = alertId;
	}

	/** The message was sent from a page in this language; emails to the sender use it. */
	void writtenIn(String languageTag) {
		this.language = languageTag;
	}

	/** {@code en} or {@code cy}. */
	public String getLanguage() {
		return this.language;
	}

	public @Nullable Long getInReplyToAlertId() {
		return this.inReplyToAlertId;
	}

	/** Who wrote in and how they want to hear back. */
	public record Sender(String name, String email, @Nullable String phone, PreferredContact preferredContact,
			SenderType type) {
	}

	void holdForReview(Phrase reason) {
		this.status = MessageStatus.HELD_FOR_REVIEW;
		this.heldReason = reason.text();
		this.heldReasonArgs = reason.args();
	}

	public void releaseFromReview(long staffId, Instant now) {
		requireStatus(MessageStatus.HELD_FOR_REVIEW, "Only a held message can be released");
		this.status = MessageStatus.OPEN;
		this.heldReason = null;
		this.heldReasonArgs = null;
		record(EntryKind.RELEASED_FROM_REVIEW, staffId, null, now);
	}

	/**
	 * A reply from the team. A holding reply ("we are looking into this") leaves the
	 * clock running; a full reply stops it.
	 */
	public void reply(long staffId, String text, boolean full, Instant now) {
		requireNotErased();
		if (this.status == MessageStatus.CLOSED || this.status == MessageStatus.HELD_FOR_REVIEW) {
			throw refused("A message " + this.status + " cannot be replied to");
		}
		record(full ? EntryKind.FULL_REPLY : EntryKind.HOLDING_REPLY, staffId, text, now);
		if (full) {
			this.status = MessageStatus.ANSWERED;
			this.answeredAt = now;
			if (this.firstAnsweredAt == null) {
				this.firstAnsweredAt = now;
			}
		}
	}

	/** The resident wrote back: the message is open again with a new clock. */
	public void residentReplied(String text, Instant now, ResponseDeadline.Due due) {
		requireNotClosedOrHeld();
		record(EntryKind.RESIDENT_REPLY, null, text, now);
		restartClock(now, due);
	}

	/**
	 * "Did this answer your question?" No reopens the message with a new clock; yes is
	 * recorded.
	 */
	public void residentAnswered(boolean satisfied, Instant now, ResponseDeadline.Due due) {
		if (this.status != MessageStatus.ANSWERED) {
			throw new IllegalStateException("There is no reply to give feedback on");
		}
		if (satisfied) {
			record(EntryKind.RESIDENT_SATISFIED, null, null, now);
			return;
		}
		record(EntryKind.RESIDENT_NOT_SATISFIED, null, null, now);
		restartClock(now, due);
	}

	private void restartClock(Instant now, ResponseDeadline.Due due) {
		this.status = MessageStatus.OPEN;
		this.clockStartedAt = now;
		this.dueAt = due.at();
		this.dueExplanation = due.explanation();
		this.escalatedAt = null;
	}

	public void note(long staffId, String text, Instant now) {
		requireNotErased();
		record(EntryKind.NOTE, staffId, text, now);
	}

	public void assignTo(long assigneeId, String assigneeName, long byStaffId, Instant now) {
		requireNotErased();
		this.assignedToId = assigneeId;
		// Only the name: the inbox says "Assigned to" in the words of the bundle.
		record(EntryKind.ASSIGNED, byStaffId, assigneeName, now);
	}

	public void close(long staffId, String outcome, Instant now) {
		requireNotClosedOrHeld();
		this.status = MessageStatus.CLOSED;
		this.closedAt = now;
		this.outcome = outcome;
		record(EntryKind.CLOSED, staffId, outcome, now);
	}

	public void viewedBy(long staffId, Instant now) {
		record(EntryKind.VIEWED, staffId, null, now);
	}

	/** Past its deadline with no full reply: escalated once per clock. */
	public void escalate(Instant now) {
		if (!isOverdue(now) || this.escalatedAt != null) {
			throw new IllegalStateException("Only an overdue message that has not been escalated can be escalated");
		}
		this.escalatedAt = now;
		record(EntryKind.ESCALATED, null, null, now);
	}

	/** An email to the resident could not be delivered: the kind of entry says so. */
	public void emailFailed(Instant now) {
		record(EntryKind.EMAIL_FAILED, null, null, now);
	}

	private void record(EntryKind kind, @Nullable Long staffId, @Nullable String text, Instant at) {
		this.entries.add(new MessageEntry(this, kind, staffId, text, at));
	}

	private void requireStatus(MessageStatus expected, String message) {
		if (this.status != expected) {
			throw refused(message);
		}
	}

	private void requireNotErased() {
		if (this.erasedAt != null) {
			throw new MessageChangedException("contact.refused.erased", "The message's personal data has been erased");
		}
	}

	private void requireNotClosedOrHeld() {
		requireNotErased();
		if (this.status == MessageStatus.CLOSED || this.status == MessageStatus.HELD_FOR_REVIEW) {
			throw refused("The message is " + this.status);
		}
	}

	private MessageChangedException refused(String detail) {
		return new MessageChangedException("contact.refused." + this.status.name().toLowerCase(Locale.ROOT), detail);
	}

	/**
	 * Waiting for the team at or after its deadline. A reply at the last minute is in
	 * time.
	 */
	public boolean isOverdue(Instant now) {
		return this.status == MessageStatus.OPEN && now.isAfter(this.dueAt);
	}

	/**
	 * A private link stops working once the conversation has been closed for longer than
	 * {@code keptFor}, or its personal data erased. Its page then says how to write
	 * again.
	 */
	public boolean isPastItsLinks(Instant now, Period keptFor, ZoneId zone) {
		if (this.erasedAt != null) {
			return true;
		}
		return this.closedAt != null && !now.isBefore(this.closedAt.atZone(zone).plus(keptFor).toInstant());
	}

	public boolean isErased() {
		return this.erasedAt != null;
	}

	public Long getId() {
		return this.id;
	}

	public String getReference() {
		return this.reference;
	}

	public Long getNeighbourhoodId() {
		return this.neighbourhoodId;
	}

	/** {@code null} once erased. */
	public @Nullable String getSenderName() {
		return this.senderName;
	}

	/** {@code null} once erased. */
	public @Nullable String getSenderEmail() {
		return this.senderEmail;
	}

	public @Nullable String getSenderPhone() {
		return this.senderPhone;
	}

	public PreferredContact getPreferredContact() {
		return this.preferredContact;
	}

	public SenderType getSenderType() {
		return this.senderType;
	}

	public Topic getTopic() {
		return this.topic;
	}

	/** {@code null} once erased. */
	public @Nullable String getBody() {
		return this.body;
	}

	public @Nullable String getLocation() {
		return this.location;
	}

	public MessageStatus getStatus() {
		return this.status;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

	public Instant getClockStartedAt() {
		return this.clockStartedAt;
	}

	public Instant getDueAt() {
		return this.dueAt;
	}

	public String getDueExplanation() {
		return this.dueExplanation;
	}

	public @Nullable Instant getFirstAnsweredAt() {
		return this.firstAnsweredAt;
	}

	public @Nullable Instant getAnsweredAt() {
		return this.answeredAt;
	}

	public @Nullable Instant getEscalatedAt() {
		return this.escalatedAt;
	}

	public @Nullable Long getAssignedToId() {
		return this.assignedToId;
	}

	public @Nullable String getOutcome() {
		return this.outcome;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public @Nullable Phrase getHeldReason() {
		return (this.heldReason != null) ? Phrase.stored(this.heldReason, this.heldReasonArgs) : null;
	}

	public @Nullable Instant getClosedAt() {
		return this.closedAt;
	}

	public @Nullable Instant getErasedAt() {
		return this.erasedAt;
	}

	public @Nullable ErasedBecause getErasedBecause() {
		return this.erasedBecause;
	}

	public @Nullable String getHoldReason() {
		return this.holdReason;
	}

	public @Nullable LocalDate getHoldReviewOn() {
		return this.holdReviewOn;
	}

	public @Nullable Long getHoldPlacedById() {
		return this.holdPlacedById;
	}

	public @Nullable Instant getHoldPlacedAt() {
		return this.holdPlacedAt;
	}

	public long getVersion() {
		return this.version;
	}

	public List<MessageEntry> getEntries() {
		return Collections.unmodifiableList(this.entries);
	}

	/** What the resident sees: their words and the team's replies, oldest first. */
	public List<MessageEntry> getConversation() {
		return this.entries.stream().filter((entry) -> entry.getKind().isConversation()).toList();
	}

}
