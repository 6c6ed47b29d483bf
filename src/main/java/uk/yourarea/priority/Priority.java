package uk.yourarea.priority;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.TextIn;

/**
 * A local policing priority: the issue residents raised and, in its {@link PriorityUpdate
 * updates}, what the team is doing about it. Closing it records the outcome.
 */
@Entity
class Priority {

	public enum Status {

		OPEN, CLOSED

	}

	/** Where a priority came from: what residents said, for "You said, we did". */
	public enum Origin {

		CONSULTATION, PUBLIC_MEETING, MESSAGES, OTHER;

		/**
		 * The key of its label in staff.properties: the choices of the priority form and
		 * the change records say it.
		 */
		public String labelKey() {
			return switch (this) {
				case CONSULTATION -> "change.value.origin.consultation";
				case PUBLIC_MEETING -> "change.value.origin.public-meeting";
				case MESSAGES -> "change.value.origin.messages";
				case OTHER -> "change.value.origin.other";
			};
		}

	}

	/** How long a priority may go without an update before it counts as stale. */
	public static final int STALE_AFTER_MONTHS = 3;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "neighbourhood_id")
	private Long neighbourhoodId;

	private String issue;

	/** The issue in Welsh, if the team wrote it. */
	private @Nullable String issueCy;

	private LocalDate raisedOn;

	private LocalDate updatedOn;

	@Enumerated(EnumType.STRING)
	private Status status;

	private @Nullable String outcome;

	private @Nullable String outcomeCy;

	private @Nullable LocalDate closedOn;

	@Enumerated(EnumType.STRING)
	private @Nullable Origin origin;

	private @Nullable Long originConsultationId;

	private @Nullable String originDetail;

	@Version
	private long version;

	protected Priority() {
	}

	/**
	 * Records where the priority came from; a consultation is linked only for that
	 * origin.
	 */
	public void cameFrom(Origin origin, @Nullable Long consultationId, @Nullable String detail) {
		if (consultationId != null && origin != Origin.CONSULTATION) {
			throw new IllegalArgumentException("Only a consultation origin links a consultation");
		}
		this.origin = origin;
		this.originConsultationId = consultationId;
		this.originDetail = (detail == null || detail.isBlank()) ? null : detail.strip();
	}

	public @Nullable Origin getOrigin() {
		return this.origin;
	}

	public @Nullable Long getOriginConsultationId() {
		return this.originConsultationId;
	}

	public @Nullable String getOriginDetail() {
		return this.originDetail;
	}

	public Priority(Long neighbourhoodId, String issue, LocalDate raisedOn) {
		this(neighbourhoodId, issue, null, raisedOn);
	}

	public Priority(Long neighbourhoodId, String issue, @Nullable String issueCy, LocalDate raisedOn) {
		this.neighbourhoodId = neighbourhoodId;
		this.issue = issue;
		this.issueCy = TextIn.orNull(issueCy);
		this.raisedOn = raisedOn;
		this.updatedOn = raisedOn;
		this.status = Status.OPEN;
	}

	/**
	 * Adds a dated entry to "what we are doing". The priority counts as updated on the
	 * latest date of its entries. Save the priority first: the entry refers to its id.
	 */
	public PriorityUpdate addUpdate(String text, LocalDate writtenOn, String writtenBy, Instant now) {
		return addUpdate(text, null, writtenOn, writtenBy, now);
	}

	/**
	 * Like {@link #addUpdate(String, LocalDate, String, Instant)}, with its Welsh, if
	 * any.
	 */
	public PriorityUpdate addUpdate(String text, @Nullable String textCy, LocalDate writtenOn, String writtenBy,
			Instant now) {
		if (this.status == Status.CLOSED) {
			throw new IllegalStateException("A closed priority cannot be updated");
		}
		if (writtenOn.isBefore(this.raisedOn)) {
			throw new IllegalArgumentException("An update cannot be dated before the priority was raised");
		}
		if (this.id == null) {
			throw new IllegalStateException("Save the priority before adding updates");
		}
		if (writtenOn.isAfter(this.updatedOn)) {
			this.updatedOn = writtenOn;
		}
		return new PriorityUpdate(this.id, writtenOn, text, textCy, writtenBy, now);
	}

	/** Changes the wording of the issue. */
	public void reword(String issue) {
		reword(issue, null);
	}

	/** Changes the wording of the issue in English and Welsh (none: no Welsh). */
	public void reword(String issue, @Nullable String issueCy) {
		this.issue = Objects.requireNonNull(issue);
		this.issueCy = TextIn.orNull(issueCy);
	}

	public void close(String outcome, LocalDate on) {
		close(outcome, null, on);
	}

	/** Closes the priority with its outcome in English and, if written, Welsh. */
	public void close(String outcome, @Nullable String outcomeCy, LocalDate on) {
		if (this.status == Status.CLOSED) {
			throw new IllegalStateException("The priority is already closed");
		}
		if (outcome.isBlank()) {
			throw new IllegalArgumentException("A closed priority needs an outcome");
		}
		this.status = Status.CLOSED;
		this.outcome = outcome;
		this.outcomeCy = TextIn.orNull(outcomeCy);
		this.closedOn = on.isBefore(this.updatedOn) ? this.updatedOn : on;
		this.updatedOn = this.closedOn;
	}

	/** Not updated for more than three months: the Guarantee expects fresher news. */
	public boolean isStale(LocalDate today) {
		return this.status == Status.OPEN && this.updatedOn.isBefore(today.minusMonths(STALE_AFTER_MONTHS));
	}

	public Long getId() {
		return this.id;
	}

	public Long getNeighbourhoodId() {
		return this.neighbourhoodId;
	}

	public String getIssue() {
		return this.issue;
	}

	public @Nullable String getIssueCy() {
		return this.issueCy;
	}

	/** The issue in this language: Welsh when asked for and written, else English. */
	public String issueIn(Locale locale) {
		return TextIn.pick(locale, this.issue, this.issueCy);
	}

	public @Nullable String getOutcomeCy() {
		return this.outcomeCy;
	}

	/** The outcome in this language, when closed: Welsh when asked for and written. */
	public @Nullable String outcomeIn(Locale locale) {
		return (this.outcome == null) ? null : TextIn.pick(locale, this.outcome, this.outcomeCy);
	}

	public LocalDate getRaisedOn() {
		return this.raisedOn;
	}

	public LocalDate getUpdatedOn() {
		return this.updatedOn;
	}

	public Status getStatus() {
		return this.status;
	}

	public boolean isOpen() {
		return this.status == Status.OPEN;
	}

	public @Nullable String getOutcome() {
		return this.outcome;
	}

	public @Nullable LocalDate getClosedOn() {
		return this.closedOn;
	}

	public long getVersion() {
		return this.version;
	}

}
