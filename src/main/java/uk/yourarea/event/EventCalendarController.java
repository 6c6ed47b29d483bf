package uk.yourarea.event;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.SiteProperties;

/**
 * The public calendar feed of a neighbourhood's events, linked from its Your Area page:
 * residents add it to their calendar app, which keeps it up to date. Public and cacheable
 * like the page itself.
 */
@Controller
class EventCalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final PublicNeighbourhoods neighbourhoods;

	private final EventCalendar calendar;

	private final SiteProperties site;

	private final Clock clock;

	EventCalendarController(PublicNeighbourhoods neighbourhoods, EventCalendar calendar, SiteProperties site,
			Clock clock) {
		this.neighbourhoods = neighbourhoods;
		this.calendar = calendar;
		this.site = site;
		this.clock = clock;
	}

	@GetMapping("/area/{slug}/events.ics")
	ResponseEntity<byte[]> feed(@PathVariable String slug) {
		PublicNeighbourhoods.Details neighbourhood = this.neighbourhoods.live(slug)
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + slug));
		byte[] body = this.calendar.feed(neighbourhood, this.clock.instant()).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.header(HttpHeaders.CACHE_CONTROL, this.site.publicCacheControl())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(slug + "-events.ics").build().toString())
			.body(body);
	}

}
