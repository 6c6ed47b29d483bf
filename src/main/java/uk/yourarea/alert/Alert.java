package uk.yourarea.alert;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.TextIn;

/**
 * An alert as staff write it: a draft its author (or a web editor) changes, then sent now
 * or later, perhaps after a second person's approval, and cancelled if need be before it
 * goes. Each step checks the status it starts from, so a double click or a second person
 * acting at the same time changes nothing twice. The columns the sender fills in as it
 * goes are read here, never written.
 */
@Entity
class Alert {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String title;

	private String body;

	/** The title in Welsh, if the author wrote it. */
	private @Nullable String titleCy;

	private @Nullable String bodyCy;

	@Enumerated(EnumType.STRING)
	private AlertTopic topic;

	@Enumerated(EnumType.STRING)
	private AlertReach reach;

	private @Nullable Long localPolicingAreaId;

	private long authorId;

	@Column(insertable = false, updatable = false)
	private @Nullable String signature;

	/** The signature in Welsh, frozen with the English when the site offers Welsh. */
	@Column(insertable = false, updatable = false)
	private @Nullable String signatureCy;

	@Enumerated(EnumType.STRING)
	private AlertStatus status;

	private @Nullable Instant sendAt;

	private @Nullable Long approvedById;

	private @Nullable Instant approvedAt;

	@Column(insertable = false, updatable = false)
	private @Nullable Instant publishedAt;

	@Column(insertable = false, updatable = false)
	private int recipients;

	private @Nullable String returnedReason;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	/** Few, and wanted wherever the alert is: loaded with it. */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "alert_neighbourhood", joinColumns = @JoinColumn(name = "alert_id"))
	@Column(name = "neighbourhood_id")
	private Set<Long> neighbourhoodIds = new HashSet<>();

	protected Alert() {
	}

	Alert(long authorId, AlertDraft draft, Instant now) {
		this.authorId = authorId;
		this.status = AlertStatus.DRAFT;
		this.createdAt = now;
		describe(draft, now);
	}

	/** Changes what a draft says and whom it is for. */
	void edit(AlertDraft draft, Instant now) {
		requireStatus(AlertStatus.DRAFT);
		describe(draft, now);
	}

	private void describe(AlertDraft draft, Instant now) {
		this.title = draft.title();
		this.body = draft.body();
		this.titleCy = TextIn.orNull(draft.titleCy());
		this.bodyCy = TextIn.orNull(draft.bodyCy());
		this.topic = draft.topic();
		this.reach = draft.reach();
		this.localPolicingAreaId = (draft.reach() == AlertReach.AREA) ? draft.areaId() : null;
		Set<Long> chosen = (draft.reach() == AlertReach.NEIGHBOURHOODS) ? draft.neighbourhoodIds() : Set.of();
		this.neighbourhoodIds.retainAll(chosen);
		this.neighbourhoodIds.addAll(chosen);
		this.updatedAt = now;
	}

	/**
	 * Sends a draft: scheduled for {@code sendAt}, or waiting for approval first when
	 * {@code needsApproval}.
	 * @return whether it is scheduled (false: waiting for approval)
	 */
	boolean send(Instant sendAt, boolean needsApproval, Instant now) {
		requireStatus(AlertStatus.DRAFT);
		this.sendAt = sendAt;
		this.returnedReason = null;
		this.status = needsApproval ? AlertStatus.AWAITING_APPROVAL : AlertStatus.SCHEDULED;
		this.updatedAt = now;
		return !needsApproval;
	}

	/**
	 * A second person approves an alert waiting for approval. A time already passed while
	 * it waited becomes now.
	 */
	void approve(long approverId, Instant now) {
		requireStatus(AlertStatus.AWAITING_APPROVAL);
		if (approverId == this.authorId) {
			throw new IllegalStateException("The author of an alert cannot approve it");
		}
		this.status = AlertStatus.SCHEDULED;
		this.approvedById = approverId;
		this.approvedAt = now;
		if (this.sendAt == null || this.sendAt.isBefore(now)) {
			this.sendAt = now;
		}
		this.updatedAt = now;
	}

	/** Back to its author as a draft, with the reason they will read. */
	void returnToDraft(String reason, Instant now) {
		requireStatus(AlertStatus.AWAITING_APPROVAL);
		this.status = AlertStatus.DRAFT;
		this.sendAt = null;
		this.returnedReason = reason;
		this.updatedAt = now;
	}

	/** Stops an alert that has not started to go. */
	void cancel(Instant now) {
		if (!isCancellable()) {
			throw new IllegalStateException("Alert " + this.id + " can no longer be cancelled: " + this.status);
		}
		this.status = AlertStatus.CANCELLED;
		this.updatedAt = now;
	}

	boolean isCancellable() {
		return this.status == AlertStatus.SCHEDULED || this.status == AlertStatus.AWAITING_APPROVAL;
	}

	boolean isDraft() {
		return this.status == AlertStatus.DRAFT;
	}

	private void requireStatus(AlertStatus expected) {
		if (this.status != expected) {
			throw new IllegalStateException("Alert " + this.id + " is " + this.status + ", not " + expected);
		}
	}

	AlertDraft draft() {
		return new AlertDraft(this.title, this.body, this.titleCy, this.bodyCy, this.topic, this.reach,
				this.localPolicingAreaId, Set.copyOf(this.neighbourhoodIds));
	}

	long getId() {
		if (this.id == null) {
			throw new IllegalStateException("The alert has not been saved yet");
		}
		return this.id;
	}

	String getTitle() {
		return this.title;
	}

	String getBody() {
		return this.body;
	}

	@Nullable String getTitleCy() {
		return this.titleCy;
	}

	@Nullable String getBodyCy() {
		return this.bodyCy;
	}

	/** Whether the author wrote it in Welsh too. */
	boolean hasWelsh() {
		return this.titleCy != null && this.bodyCy != null;
	}

	/** The title in this language: Welsh when asked for and written, else English. */
	String titleIn(Locale locale) {
		return TextIn.pick(locale, this.title, hasWelsh() ? this.titleCy : null);
	}

	/** The body in this language: Welsh when asked for and written, else English. */
	String bodyIn(Locale locale) {
		return TextIn.pick(locale, this.body, hasWelsh() ? this.bodyCy : null);
	}

	AlertTopic getTopic() {
		return this.topic;
	}

	AlertReach getReach() {
		return this.reach;
	}

	@Nullable Long getLocalPolicingAreaId() {
		return this.localPolicingAreaId;
	}

	long getAuthorId() {
		return this.authorId;
	}

	@Nullable String getSignature() {
		return this.signature;
	}

	@Nullable String getSignatureCy() {
		return this.signatureCy;
	}

	AlertStatus getStatus() {
		return this.status;
	}

	@Nullable Instant getSendAt() {
		return this.sendAt;
	}

	@Nullable Long getApprovedById() {
		return this.approvedById;
	}

	@Nullable Instant getPublishedAt() {
		return this.publishedAt;
	}

	int getRecipients() {
		return this.recipients;
	}

	@Nullable String getReturnedReason() {
		return this.returnedReason;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	long getVersion() {
		return this.version;
	}

	Set<Long> getNeighbourhoodIds() {
		return Set.copyOf(this.neighbourhoodIds);
	}

}
