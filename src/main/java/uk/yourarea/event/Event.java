package uk.yourarea.event;

import java.time.Instant;
import java.util.Locale;

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

/** A meeting or event where residents can meet their neighbourhood team. */
@Entity
class Event {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "neighbourhood_id")
	private Long neighbourhoodId;

	private String title;

	@Enumerated(EnumType.STRING)
	private EventType type;

	private @Nullable String description;

	/** The title in Welsh, if the team wrote it. */
	private @Nullable String titleCy;

	private @Nullable String descriptionCy;

	private String address;

	private Instant startsAt;

	private Instant endsAt;

	private @Nullable Instant cancelledAt;

	private @Nullable String cancellationReason;

	/** When it was created or last changed, for the calendar feed. */
	private Instant updatedAt;

	@Version
	private long version;

	protected Event() {
	}

	public Event(Long neighbourhoodId, String title, EventType type, @Nullable String description, String address,
			Instant startsAt, Instant endsAt, Instant now) {
		if (!endsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException("An event must end after it starts");
		}
		this.neighbourhoodId = neighbourhoodId;
		this.title = title;
		this.type = type;
		this.description = description;
		this.address = address;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.updatedAt = now;
	}

	/**
	 * Sets the Welsh title and description (none: the English shows on Welsh pages). A
	 * Welsh description without an English one is not kept.
	 */
	public void welsh(@Nullable String titleCy, @Nullable String descriptionCy) {
		this.titleCy = TextIn.orNull(titleCy);
		this.descriptionCy = (this.description == null) ? null : TextIn.orNull(descriptionCy);
	}

	/** Changes what the event is and when; a cancelled event cannot be changed. */
	public void change(String title, EventType type, @Nullable String description, String address, Instant startsAt,
			Instant endsAt, Instant now) {
		if (isCancelled()) {
			throw new IllegalStateException("A cancelled event cannot be changed");
		}
		if (!endsAt.isAfter(startsAt)) {
			throw new IllegalArgumentException("An event must end after it starts");
		}
		this.title = title;
		this.type = type;
		this.description = description;
		this.address = address;
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.updatedAt = now;
	}

	/**
	 * Cancels the event. It stays on the public page, marked as cancelled with the
	 * reason, until it would have ended.
	 */
	public void cancel(@Nullable String reason, Instant now) {
		if (isCancelled()) {
			throw new IllegalStateException("The event is already cancelled");
		}
		this.cancelledAt = now;
		this.cancellationReason = (reason == null || reason.isBlank()) ? null : reason.strip();
		this.updatedAt = now;
	}

	public boolean isCancelled() {
		return this.cancelledAt != null;
	}

	public boolean hasEnded(Instant now) {
		return !this.endsAt.isAfter(now);
	}

	public Long getId() {
		return this.id;
	}

	public Long getNeighbourhoodId() {
		return this.neighbourhoodId;
	}

	public String getTitle() {
		return this.title;
	}

	public @Nullable String getTitleCy() {
		return this.titleCy;
	}

	public @Nullable String getDescriptionCy() {
		return this.descriptionCy;
	}

	/** The title in this language: Welsh when asked for and written, else English. */
	public String titleIn(Locale locale) {
		return TextIn.pick(locale, this.title, this.titleCy);
	}

	/** The description in this language, if there is one. */
	public @Nullable String descriptionIn(Locale locale) {
		return (this.description == null) ? null : TextIn.pick(locale, this.description, this.descriptionCy);
	}

	public EventType getType() {
		return this.type;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public String getAddress() {
		return this.address;
	}

	public Instant getStartsAt() {
		return this.startsAt;
	}

	public Instant getEndsAt() {
		return this.endsAt;
	}

	public @Nullable Instant getCancelledAt() {
		return this.cancelledAt;
	}

	public @Nullable String getCancellationReason() {
		return this.cancellationReason;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/** Goes up by one with every change: the calendar feed's SEQUENCE. */
	public long getVersion() {
		return this.version;
	}

}
