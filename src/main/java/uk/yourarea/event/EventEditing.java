package uk.yourarea.event;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.security.StaffUser;
import uk.yourarea.security.WithinStaffScope;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.Phrase;
import uk.yourarea.web.TimeOfDay.Noon;
import uk.yourarea.web.TimeOfDay;

/**
 * Every change to a neighbourhood's events, each saved with a record of who changed what
 * (which also refreshes the public page). Who may make them is the controller's check.
 */
@Service
class EventEditing {

	static final String SUBJECT_TYPE = "event";

	static final int PAST_SHOWN = 50;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private final EventRepository events;

	private final ChangeLog changeLog;

	private final Clock clock;

	EventEditing(EventRepository events, ChangeLog changeLog, Clock clock) {
		this.events = events;
		this.changeLog = changeLog;
		this.clock = clock;
	}

	/** What an event is and when, as typed on the form. */
	record Details(String title, EventType type, @Nullable String description, String address, Instant startsAt,
			Instant endsAt, @Nullable String titleCy, @Nullable String descriptionCy) {
	}

	/** One event of the neighbourhood, or a 404: never another neighbourhood's. */
	@WithinStaffScope
	@Transactional(readOnly = true)
	Event find(long neighbourhoodId, long eventId) {
		return this.events.findById(eventId)
			.filter((event) -> event.getNeighbourhoodId() == neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No event " + eventId + " in " + neighbourhoodId));
	}

	@WithinStaffScope
	@Transactional(readOnly = true)
	List<Event> upcoming(long neighbourhoodId) {
		return this.events.findByNeighbourhoodIdAndEndsAtAfterOrderByStartsAtAsc(neighbourhoodId, this.clock.instant(),
				Limit.unlimited());
	}

	@WithinStaffScope
	@Transactional(readOnly = true)
	List<Event> past(long neighbourhoodId) {
		return this.events.findByNeighbourhoodIdAndEndsAtLessThanEqualOrderByStartsAtDesc(neighbourhoodId,
				this.clock.instant(), Limit.of(PAST_SHOWN));
	}

	@WithinStaffScope
	@Transactional
	Event create(StaffUser by, long neighbourhoodId, Details details) {
		Event event = this.events.save(new Event(neighbourhoodId, details.title(), details.type(),
				details.description(), details.address(), details.startsAt(), details.endsAt(), this.clock.instant()));
		event.welsh(details.titleCy(), details.descriptionCy());
		this.changeLog.record(by, subject(event), "change.action.added", Snapshot.nothing(), snapshot(event));
		return event;
	}

	/** Changes the event, unless someone else changed it since {@code version}. */
	@WithinStaffScope
	@Transactional
	Event change(StaffUser by, long neighbourhoodId, long eventId, long version, Details details) {
		Event event = find(neighbourhoodId, eventId);
		ChangedElsewhereException.requireVersion(event.getVersion(), version, "Event " + eventId);
		Snapshot before = snapshot(event);
		event.change(details.title(), details.type(), details.description(), details.address(), details.startsAt(),
				details.endsAt(), this.clock.instant());
		event.welsh(details.titleCy(), details.descriptionCy());
		this.changeLog.record(by, subject(event), "change.action.changed", before, snapshot(event));
		return this.events.saveAndFlush(event);
	}

	/** Cancels the event, unless someone else changed it since {@code version}. */
	@WithinStaffScope
	@Transactional
	Event cancel(StaffUser by, long neighbourhoodId, long eventId, long version, @Nullable String reason) {
		Event event = find(neighbourhoodId, eventId);
		ChangedElsewhereException.requireVersion(event.getVersion(), version, "Event " + eventId);
		Snapshot before = snapshot(event);
		event.cancel(reason, this.clock.instant());
		this.changeLog.record(by, subject(event), "change.action.cancelled", before, snapshot(event));
		return this.events.saveAndFlush(event);
	}

	/** The event as the editing pages show it. */
	Snapshot snapshot(Event event) {
		return snapshot(event.getTitle(), event.getType(), event.getDescription(), event.getAddress(),
				event.getStartsAt(), event.getEndsAt(), event.isCancelled(), event.getCancellationReason(),
				event.getTitleCy(), event.getDescriptionCy());
	}

	Snapshot snapshot(String title, EventType type, @Nullable String description, String address, Instant startsAt,
			Instant endsAt, boolean cancelled, @Nullable String reason, @Nullable String titleCy,
			@Nullable String descriptionCy) {
		ZonedDateTime start = startsAt.atZone(this.clock.getZone());
		ZonedDateTime end = endsAt.atZone(this.clock.getZone());
		return Snapshot.of()
			.with("change.field.title", title)
			.with("change.field.title-welsh", titleCy)
			.with("change.field.type", Phrase.of(type.labelKey()))
			.with("change.field.description", description)
			.with("change.field.description-welsh", descriptionCy)
			.with("change.field.address", address)
			.with("change.field.date", DAY.format(start))
			.with("change.field.start-time", TimeOfDay.format(start.toLocalTime(), Noon.TWELVE_PM))
			.with("change.field.end-time",
					end.toLocalDate().equals(start.toLocalDate()) ? TimeOfDay.format(end.toLocalTime(), Noon.TWELVE_PM)
							: Phrase.of("change.value.time-on-day", TimeOfDay.format(end.toLocalTime(), Noon.TWELVE_PM),
									DAY.format(end)))
			.with("change.field.status", Phrase.of(cancelled ? "change.value.cancelled" : "change.value.going-ahead"))
			.with("change.field.cancel-reason", reason)
			.build();
	}

	private static Subject subject(Event event) {
		return new Subject(SUBJECT_TYPE, event.getId(), event.getTitle(), event.getNeighbourhoodId());
	}

}
