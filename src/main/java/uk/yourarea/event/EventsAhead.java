package uk.yourarea.event;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.web.TextIn;

/** A neighbourhood's events that are not over yet, for its public page. */
@Service
public class EventsAhead {

	/**
	 * An event as residents see it.
	 *
	 * @param type what kind of event: its words are the bundle's
	 * ({@link EventType#labelKey})
	 * @param cancellationReason why it was cancelled, if it was and the team said why
	 */
	public record Listing(String title, @Nullable String description, String address, Instant startsAt, Instant endsAt,
			boolean cancelled, @Nullable String cancellationReason, @Nullable String titleCy,
			@Nullable String descriptionCy, EventType type) {

		/** The title in this language: Welsh when asked for and written, else English. */
		public TextIn titleIn(Locale locale) {
			return TextIn.choose(locale, this.title, this.titleCy);
		}

		/** The description, if any, in this language. */
		public @Nullable TextIn descriptionIn(Locale locale) {
			return TextIn.chooseOptional(locale, this.description, this.descriptionCy);
		}

	}

	private final EventRepository events;

	EventsAhead(EventRepository events) {
		this.events = events;
	}

	/**
	 * The first {@code most} events that have not ended by {@code now}, soonest first;
	 * cancelled ones too, as they show as cancelled until they would have ended.
	 */
	@Transactional(readOnly = true)
	public List<Listing> of(long neighbourhoodId, Instant now, int most) {
		return this.events.findByNeighbourhoodIdAndEndsAtAfterOrderByStartsAtAsc(neighbourhoodId, now, Limit.of(most))
			.stream()
			.map(EventsAhead::listing)
			.toList();
	}

	private static Listing listing(Event event) {
		return new Listing(event.getTitle(), event.getDescription(), event.getAddress(), event.getStartsAt(),
				event.getEndsAt(), event.isCancelled(), event.getCancellationReason(), event.getTitleCy(),
				event.getDescriptionCy(), event.getType());
	}

}
