package uk.yourarea.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import org.jspecify.annotations.Nullable;

/** One change to one thing the public sees, with each field that changed. */
@Entity
class ChangeRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String subjectType;

	private long subjectId;

	private String subjectName;

	private @Nullable Long neighbourhoodId;

	private String action;

	private @Nullable Long changedById;

	private String changedByName;

	private Instant changedAt;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "change_record_field", joinColumns = @JoinColumn(name = "change_record_id"))
	@OrderColumn(name = "position")
	private List<FieldChange> fields = new ArrayList<>();

	/** A field's value before and after; empty when it had none. */
	@Embeddable
	public record FieldChange(String field, @Column(name = "before_value") String before,
			@Column(name = "after_value") String after) {
	}

	protected ChangeRecord() {
	}

	ChangeRecord(Subject subject, String action, @Nullable Long changedById, String changedByName, Instant changedAt,
			List<FieldChange> fields) {
		this.subjectType = subject.type();
		this.subjectId = subject.id();
		this.subjectName = subject.name();
		this.neighbourhoodId = subject.neighbourhoodId();
		this.action = action;
		this.changedById = changedById;
		this.changedByName = changedByName;
		this.changedAt = changedAt;
		this.fields = new ArrayList<>(fields);
	}

	public Long getId() {
		return this.id;
	}

	public String getSubjectType() {
		return this.subjectType;
	}

	public long getSubjectId() {
		return this.subjectId;
	}

	public String getSubjectName() {
		return this.subjectName;
	}

	public @Nullable Long getNeighbourhoodId() {
		return this.neighbourhoodId;
	}

	public String getAction() {
		return this.action;
	}

	public String getChangedByName() {
		return this.changedByName;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

	public List<FieldChange> getFields() {
		return this.fields;
	}

}
