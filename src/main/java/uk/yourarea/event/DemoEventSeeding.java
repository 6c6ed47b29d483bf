package uk.yourarea.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

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
			Instant startsAt, Instant endsAt, Instant updatedAt, @Nullable String titleCy,
			@Nullable String descriptionCy) {
	}

	/** Creates an event and answers its id. */
	@Transactional
	public long addEvent(NewEvent created) {
		Event event = new Event(created.neighbourhoodId(), created.title(), created.type(), created.description(),
				created.address(), created.startsAt(), created.endsAt(), created.updatedAt());
		event.welsh(created.titleCy(), created.descriptionCy());
		return this.events.save(event).getId();
	}

}
