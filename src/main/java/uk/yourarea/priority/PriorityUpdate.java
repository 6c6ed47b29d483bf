package uk.yourarea.priority;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

import uk.yourarea.web.TextIn;

/**
 * One dated entry of a priority's "what we are doing": kept for good and shown to the
 * public newest first. Made by {@link Priority#addUpdate}.
 */
@Entity
class PriorityUpdate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "priority_id")
	private Long priorityId;

	private LocalDate writtenOn;

	private String text;

	private @Nullable String textCy;

	private String writtenBy;

	private Instant createdAt;

	protected PriorityUpdate() {
	}

	PriorityUpdate(Long priorityId, LocalDate writtenOn, String text, @Nullable String textCy, String writtenBy,
			Instant createdAt) {
		this.priorityId = priorityId;
		this.writtenOn = writtenOn;
		this.text = text;
		this.textCy = TextIn.orNull(textCy);
		this.writtenBy = writtenBy;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public Long getPriorityId() {
		return this.priorityId;
	}

	public LocalDate getWrittenOn() {
		return this.writtenOn;
	}

	public String getText() {
		return this.text;
	}

	public @Nullable String getTextCy() {
		return this.textCy;
	}

	/**
	 * What was done, in this language: Welsh when asked for and written, else English.
	 */
	public String textIn(Locale locale) {
		return TextIn.pick(locale, this.text, this.textCy);
	}

	public String getWrittenBy() {
		return this.writtenBy;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
