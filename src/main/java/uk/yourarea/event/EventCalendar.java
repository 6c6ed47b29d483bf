package uk.yourarea.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.web.Languages;
import uk.yourarea.web.SiteProperties;

/**
 * A neighbourhood's events as an iCalendar feed that calendar apps subscribe to: upcoming
 * events and those of the last 90 days, cancelled ones marked so calendars remove them.
 * Each event keeps its UID for good, and its SEQUENCE goes up with every change.
 */
@Service
class EventCalendar {

	static final Duration KEEP_PAST = Duration.ofDays(90);

	static final int MAX_EVENTS = 500;

	private final EventRepository events;

	private final SiteProperties site;

	private final MessageSource messages;

	EventCalendar(EventRepository events, SiteProperties site, MessageSource messages) {
		this.events = events;
		this.site = site;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	String feed(PublicNeighbourhoods.Details neighbourhood, Instant now) {
		List<Event> shown = this.events.findByNeighbourhoodIdAndEndsAtAfterOrderByStartsAtAsc(neighbourhood.id(),
				now.minus(KEEP_PAST), Limit.of(MAX_EVENTS));
		return write(neighbourhood, shown);
	}

	String write(PublicNeighbourhoods.Details neighbourhood, List<Event> shown) {
		String pageUrl = this.site.link(Languages.pathPrefix(Languages.current()) + "/area/" + neighbourhood.slug());
		ICalendarWriter ics = new ICalendarWriter().begin("VCALENDAR")
			.raw("VERSION", "2.0")
			.text("PRODID", "-//" + this.site.serviceName() + "//Neighbourhood events//EN")
			.raw("CALSCALE", "GREGORIAN")
			.text("NAME", text("event.calendar.name", neighbourhood.name()))
			.text("X-WR-CALNAME", text("event.calendar.name", neighbourhood.name()))
			.text("X-WR-TIMEZONE", "Europe/London")
			.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT6H")
			.raw("X-PUBLISHED-TTL", "PT6H");
		Locale language = Languages.current();
		for (Event event : shown) {
			String title = event.titleIn(language);
			ics.begin("VEVENT")
				.text("UID", uid(event))
				.utc("DTSTAMP", event.getUpdatedAt())
				.utc("LAST-MODIFIED", event.getUpdatedAt())
				.raw("SEQUENCE", Long.toString(event.getVersion()))
				.utc("DTSTART", event.getStartsAt())
				.utc("DTEND", event.getEndsAt())
				.text("SUMMARY", event.isCancelled() ? text("event.calendar.cancelled-title", title) : title)
				.text("LOCATION", event.getAddress())
				.text("DESCRIPTION", description(event, language))
				.text("CATEGORIES", typeLabel(event.getType()))
				.raw("URL", pageUrl + "#events")
				.raw("STATUS", event.isCancelled() ? "CANCELLED" : "CONFIRMED")
				.raw("TRANSP", "TRANSPARENT")
				.end("VEVENT");
		}
		return ics.end("VCALENDAR").toString();
	}

	/** The same for an event as long as it exists, whatever is changed. */
	String uid(Event event) {
		String host = java.net.URI.create(this.site.baseUrl()).getHost();
		return "event-" + event.getId() + "@" + ((host != null) ? host : "your-area");
	}

	private String description(Event event, Locale language) {
		StringBuilder written = new StringBuilder();
		if (event.isCancelled()) {
			written.append(text("event.calendar.cancelled"));
			if (event.getCancellationReason() != null) {
				written.append(' ').append(event.getCancellationReason());
			}
			written.append("\n\n");
		}
		written.append(text("event.calendar.with-the-team", typeLabel(event.getType())));
		String description = event.descriptionIn(language);
		if (description != null) {
			written.append("\n\n").append(description);
		}
		return written.toString();
	}

	/** The kind of event in the calendar's language: "Beat surgery". */
	private String typeLabel(EventType type) {
		return text(type.labelKey());
	}

	/** The calendar is in the language of the address it was fetched from. */
	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Languages.current());
	}

}
