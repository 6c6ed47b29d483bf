package uk.yourarea.event;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demonstration force's events directly, with no change record and no one
 * signed in: for the demo data, loaded before anyone can sign in.
 */
@Component
public class DemoEventSeeding {

	private final EventRepository events;

	DemoEventSeeding(EventRepository events) {
		this.events = events;
	}

	/** An event to create, last changed at {@code updatedAt}. */
	public record NewEvent(long neighbourhoodId, String title, EventType type, String description, String address,
			Instant startsAt, Instant endsAt, Instant updatedAt) {
	}

	/** Creates an event and answers its id. */
	@Transactional
	public long addEvent(NewEvent created) {
		return this.events
			.save(new Event(created.neighbourhoodId(), created.title(), created.type(), created.description(),
					created.address(), created.startsAt(), created.endsAt(), created.updatedAt()))
			.getId();
	}

}
