package uk.yourarea.priority;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A local policing priority: the issue residents raised and what the team is doing about
 * it.
 */
@Entity
public class Priority {

	public enum Status {

		OPEN, CLOSED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "neighbourhood_id")
	private Long neighbourhoodId;

	private String issue;

	private String action;

	private LocalDate raisedOn;

	private LocalDate updatedOn;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String outcome;

	@Version
	private long version;

	protected Priority() {
	}

	public Priority(Long neighbourhoodId, String issue, String action, LocalDate raisedOn) {
		this.neighbourhoodId = neighbourhoodId;
		this.issue = issue;
		this.action = action;
		this.raisedOn = raisedOn;
		this.updatedOn = raisedOn;
		this.status = Status.OPEN;
	}

	public void update(String action, LocalDate on) {
		if (this.status == Status.CLOSED) {
			throw new IllegalStateException("A closed priority cannot be updated");
		}
		if (on.isBefore(this.raisedOn)) {
			throw new IllegalArgumentException("An update cannot be dated before the priority was raised");
		}
		this.action = action;
		this.updatedOn = on;
	}

	public void close(String outcome, LocalDate on) {
		if (this.status == Status.CLOSED) {
			throw new IllegalStateException("The priority is already closed");
		}
		this.status = Status.CLOSED;
		this.outcome = outcome;
		this.updatedOn = on;
	}

	/** Not updated for more than three months: the Guarantee expects fresher news. */
	public boolean isStale(LocalDate today) {
		return this.status == Status.OPEN && this.updatedOn.isBefore(today.minusMonths(3));
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

	public String getAction() {
		return this.action;
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

	public String getOutcome() {
		return this.outcome;
	}

}
