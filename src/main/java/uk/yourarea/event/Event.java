package uk.yourarea.event;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A meeting or event where residents can meet their neighbourhood team. */
@Entity
public class Event {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "neighbourhood_id")
	private Long neighbourhoodId;

	private String title;

	@Enumerated(EnumType.STRING)
	private EventType type;

	private String description;

	private String address;

	private Instant startsAt;

	private Instant endsAt;

	@Version
	private long version;

	protected Event() {
	}

	public Event(Long neighbourhoodId, String title, EventType type, String description, String address,
			Instant startsAt, Instant endsAt) {
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

	public EventType getType() {
		return this.type;
	}

	public String getDescription() {
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

}
