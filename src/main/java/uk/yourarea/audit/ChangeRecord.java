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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.Phrase;

/**
 * One change to one thing the public sees, with each field that changed. The action, the
 * subject's name where the code words it, the field labels and the values the code words
 * are kept as keys of staff.properties with their arguments ({@link Phrase}); rows from
 * before V40 may still hold English, which is shown as it is.
 */
@Entity
class ChangeRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String subjectType;

	private long subjectId;

	private String subjectName;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private @Nullable List<String> subjectNameArgs;

	private @Nullable Long neighbourhoodId;

	private String action;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private @Nullable List<String> actionArgs;

	private @Nullable Long changedById;

	private String changedByName;

	private Instant changedAt;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "change_record_field", joinColumns = @JoinColumn(name = "change_record_id"))
	@OrderColumn(name = "position")
	private List<FieldChange> fields = new ArrayList<>();

	/**
	 * A field's label, and its value before and after (empty when it had none), each as
	 * its two columns.
	 */
	@Embeddable
	record FieldChange(String field, @JdbcTypeCode(SqlTypes.ARRAY) @Nullable List<String> fieldArgs,
			@Column(name = "before_value") String before,
			@JdbcTypeCode(SqlTypes.ARRAY) @Nullable List<String> beforeArgs, @Column(name = "after_value") String after,
			@JdbcTypeCode(SqlTypes.ARRAY) @Nullable List<String> afterArgs) {

		static FieldChange of(Phrase field, Phrase before, Phrase after) {
			return new FieldChange(field.text(), field.args(), before.text(), before.args(), after.text(),
					after.args());
		}

		Phrase label() {
			return Phrase.stored(this.field, this.fieldArgs);
		}

		Phrase valueBefore() {
			return Phrase.stored(this.before, this.beforeArgs);
		}

		Phrase valueAfter() {
			return Phrase.stored(this.after, this.afterArgs);
		}

	}

	protected ChangeRecord() {
	}

	ChangeRecord(Subject subject, Phrase action, @Nullable Long changedById, String changedByName, Instant changedAt,
			List<FieldChange> fields) {
		this.subjectType = subject.type();
		this.subjectId = subject.id();
		this.subjectName = subject.name().text();
		this.subjectNameArgs = subject.name().args();
		this.neighbourhoodId = subject.neighbourhoodId();
		this.action = action.text();
		this.actionArgs = action.args();
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

	public Phrase getSubjectName() {
		return Phrase.stored(this.subjectName, this.subjectNameArgs);
	}

	public @Nullable Long getNeighbourhoodId() {
		return this.neighbourhoodId;
	}

	public Phrase getAction() {
		return Phrase.stored(this.action, this.actionArgs);
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
