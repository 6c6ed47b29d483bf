package uk.yourarea.consultation;

import java.time.Instant;
import java.util.LinkedHashSet;
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

import org.jspecify.annotations.Nullable;

/**
 * One person's answer: the issues they chose, their own concern if they wrote one, and
 * whether they live or run a business in the neighbourhood. It counts only once confirmed
 * from the emailed link.
 */
@Entity
class ConsultationResponse {

	enum RespondentType {

		RESIDENT, BUSINESS;

		/** The key of the choice in the bundle, for public pages in their language. */
		public String labelKey() {
			return "consultation.have-your-say.respondent." + name().toLowerCase(java.util.Locale.ROOT);
		}

		/**
		 * The key of its name on the staff pages and in the answers' spreadsheet
		 * ("Resident"), in staff.properties.
		 */
		public String staffLabelKey() {
			return "consultation.staff.respondent." + name().toLowerCase(java.util.Locale.ROOT);
		}

		/**
		 * The key of the hint over a concern from such a respondent, waiting for a
		 * decision, in staff.properties.
		 */
		public String concernHintKey() {
			return "consultation.staff.concerns.hint." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	enum ConcernStatus {

		PENDING, APPROVED, REJECTED;

		/** The key of its name on the staff pages, in staff.properties. */
		public String labelKey() {
			return "consultation.staff.concern-status." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "consultation_id")
	private long consultationId;

	private @Nullable String email;

	@Enumerated(EnumType.STRING)
	private RespondentType respondentType;

	private @Nullable String concern;

	@Enumerated(EnumType.STRING)
	private @Nullable ConcernStatus concernStatus;

	private boolean concernEdited;

	private @Nullable Instant moderatedAt;

	private @Nullable Long moderatedById;

	private Instant submittedAt;

	private @Nullable Instant confirmedAt;

	private byte[] tokenHash;

	private Instant tokenExpiresAt;

	private String idempotencyKey;

	/**
	 * The language the answer was sent in, {@code en} or {@code cy}: its confirmation
	 * email is in it.
	 */
	private String language = "en";

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "consultation_response_issue", joinColumns = @JoinColumn(name = "consultation_response_id"))
	@Column(name = "consultation_issue_id")
	private Set<Long> issueIds = new LinkedHashSet<>();

	protected ConsultationResponse() {
	}

	/** The answer was sent from a page in this language; its email uses it. */
	void writtenIn(String languageTag) {
		this.language = languageTag;
	}

	/** {@code en} or {@code cy}. */
	String getLanguage() {
		return this.language;
	}

	ConsultationResponse(long consultationId, String email, RespondentType respondentType, Set<Long> issueIds,
			@Nullable String concern, Instant submittedAt, byte[] tokenHash, Instant tokenExpiresAt,
			String idempotencyKey) {
		this.consultationId = consultationId;
		this.email = email;
		this.respondentType = respondentType;
		this.issueIds = new LinkedHashSet<>(issueIds);
		this.concern = concern;
		this.concernStatus = (concern != null) ? ConcernStatus.PENDING : null;
		this.submittedAt = submittedAt;
		this.tokenHash = tokenHash;
		this.tokenExpiresAt = tokenExpiresAt;
		this.idempotencyKey = idempotencyKey;
	}

	public boolean isConfirmed() {
		return this.confirmedAt != null;
	}

	boolean linkExpiredAt(Instant now) {
		return !now.isBefore(this.tokenExpiresAt);
	}

	/** The respondent clicked their link in time: the answer now counts. */
	void confirm(Instant now) {
		if (isConfirmed()) {
			throw new IllegalStateException("Answer " + this.id + " is already confirmed");
		}
		if (linkExpiredAt(now)) {
			throw new IllegalStateException("The link for answer " + this.id + " has expired");
		}
		this.confirmedAt = now;
	}

	/**
	 * A moderator lets the concern be shown, as {@code text}: the resident's words, or
	 * those words with personal details taken out.
	 */
	void approveConcern(String text, long moderatorId, Instant now) {
		requirePendingConcern();
		String shown = text.strip();
		if (shown.isEmpty()) {
			throw new IllegalArgumentException("An approved concern needs words to show");
		}
		this.concernEdited = !shown.equals(this.concern);
		this.concern = shown;
		this.concernStatus = ConcernStatus.APPROVED;
		this.moderatedAt = now;
		this.moderatedById = moderatorId;
	}

	void rejectConcern(long moderatorId, Instant now) {
		requirePendingConcern();
		this.concernStatus = ConcernStatus.REJECTED;
		this.moderatedAt = now;
		this.moderatedById = moderatorId;
	}

	private void requirePendingConcern() {
		if (this.concernStatus != ConcernStatus.PENDING) {
			throw new IllegalStateException("No concern waiting for a decision on answer " + this.id);
		}
	}

	public Long getId() {
		return this.id;
	}

	public long getConsultationId() {
		return this.consultationId;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public RespondentType getRespondentType() {
		return this.respondentType;
	}

	public @Nullable String getConcern() {
		return this.concern;
	}

	public @Nullable ConcernStatus getConcernStatus() {
		return this.concernStatus;
	}

	public boolean isConcernEdited() {
		return this.concernEdited;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public @Nullable Instant getConfirmedAt() {
		return this.confirmedAt;
	}

	public Set<Long> getIssueIds() {
		return this.issueIds;
	}

}
