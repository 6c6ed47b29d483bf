package uk.yourarea.consultation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/**
 * A neighbourhood team's question to residents and businesses, the issues they may choose
 * from, and when it is open: from {@code opensAt} (inclusive) to {@code closesAt}
 * (exclusive).
 */
@Entity
class Consultation {

	enum State {

		SCHEDULED, OPEN, CLOSED;

		/** The key of its name on the staff pages, in staff.properties. */
		public String labelKey() {
			return "consultation.staff.state." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "neighbourhood_id")
	private long neighbourhoodId;

	private String question;

	private Instant opensAt;

	private Instant closesAt;

	private boolean closedEarly;

	private Instant createdAt;

	@Version
	private long version;

	@OneToMany(mappedBy = "consultation", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ConsultationIssue> issues = new ArrayList<>();

	protected Consultation() {
	}

	Consultation(long neighbourhoodId, String question, List<String> issueLabels, Instant opensAt, Instant closesAt,
			Instant createdAt) {
		if (!closesAt.isAfter(opensAt)) {
			throw new IllegalArgumentException("A consultation must close after it opens");
		}
		if (issueLabels.isEmpty()) {
			throw new IllegalArgumentException("A consultation needs issues to choose from");
		}
		this.neighbourhoodId = neighbourhoodId;
		this.question = question;
		this.opensAt = opensAt;
		this.closesAt = closesAt;
		this.createdAt = createdAt;
		for (int i = 0; i < issueLabels.size(); i++) {
			this.issues.add(new ConsultationIssue(this, i, issueLabels.get(i)));
		}
	}

	State stateAt(Instant now) {
		if (now.isBefore(this.opensAt)) {
			return State.SCHEDULED;
		}
		return now.isBefore(this.closesAt) ? State.OPEN : State.CLOSED;
	}

	/** Closes an open consultation now: answers are no longer taken or confirmed. */
	void closeEarly(Instant now) {
		if (stateAt(now) != State.OPEN) {
			throw new IllegalStateException("Only an open consultation can be closed early");
		}
		this.closesAt = now;
		this.closedEarly = true;
	}

	boolean hasIssue(long issueId) {
		return this.issues.stream().anyMatch((issue) -> issue.getId() == issueId);
	}

	public Long getId() {
		return this.id;
	}

	public long getNeighbourhoodId() {
		return this.neighbourhoodId;
	}

	public String getQuestion() {
		return this.question;
	}

	public Instant getOpensAt() {
		return this.opensAt;
	}

	public Instant getClosesAt() {
		return this.closesAt;
	}

	public boolean isClosedEarly() {
		return this.closedEarly;
	}

	public long getVersion() {
		return this.version;
	}

	public List<ConsultationIssue> getIssues() {
		return this.issues;
	}

}
