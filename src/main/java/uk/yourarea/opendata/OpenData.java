package uk.yourarea.opendata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

import uk.yourarea.contact.ResponseRecord;
import uk.yourarea.contact.ResponseRecords;
import uk.yourarea.coverage.NeighbourhoodBoundaries;
import uk.yourarea.event.EventType;
import uk.yourarea.event.EventsAhead;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.priority.PublishedPriorities;
import uk.yourarea.station.StationSchedules;
import uk.yourarea.team.TeamOnThePage;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.Languages;
import uk.yourarea.web.SiteProperties;

/**
 * Reads each answer of the API from the features that own the data, and writes it in
 * data.police.uk's form. Only live neighbourhoods are published, by their codes.
 */
@Service
class OpenData {

	/** As data.police.uk writes its dates: local time, to the second, no zone. */
	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

	/**
	 * Closed priorities stay listed this long after closing, as on the Your Area page.
	 */
	static final int CLOSED_PRIORITIES_MONTHS = 3;

	/** At most this many events, the next first. */
	static final int MOST_EVENTS = 50;

	/**
	 * data.police.uk has no figure for most neighbourhoods and writes "0"; neither do we.
	 */
	static final String UNKNOWN_POPULATION = "0";

	private final OpenDataProperties properties;

	private final ForceProperties force;

	private final SiteProperties site;

	private final NeighbourhoodDirectory directory;

	private final PublicNeighbourhoods neighbourhoods;

	private final NeighbourhoodBoundaries boundaries;

	private final PostcodeLookup postcodes;

	private final PostcodeTable postcodeTable;

	private final TeamOnThePage team;

	private final PublishedPriorities priorities;

	private final EventsAhead events;

	private final StationSchedules stations;

	private final ResponseRecords responseRecords;

	private final MessageSource messages;

	private final Clock clock;

	OpenData(OpenDataProperties properties, ForceProperties force, SiteProperties site,
			NeighbourhoodDirectory directory, PublicNeighbourhoods neighbourhoods, NeighbourhoodBoundaries boundaries,
			PostcodeLookup postcodes, PostcodeTable postcodeTable, TeamOnThePage team, PublishedPriorities priorities,
			EventsAhead events, StationSchedules stations, ResponseRecords responseRecords, MessageSource messages,
			Clock clock) {
		this.properties = properties;
		this.force = force;
		this.site = site;
		this.directory = directory;
		this.neighbourhoods = neighbourhoods;
		this.boundaries = boundaries;
		this.postcodes = postcodes;
		this.postcodeTable = postcodeTable;
		this.team = team;
		this.priorities = priorities;
		this.events = events;
		this.stations = stations;
		this.responseRecords = responseRecords;
		this.messages = messages;
		this.clock = clock;
	}

	String forceId() {
		return this.properties.forceId();
	}

	boolean isOurs(String forceId) {
		return forceId().equals(forceId);
	}

	List<PoliceUkJson.Reference> forces() {
		return List.of(new PoliceUkJson.Reference(forceId(), this.force.name()));
	}

	PoliceUkJson.Force force() {
		List<PoliceUkJson.EngagementMethod> methods = new ArrayList<>();
		methods.add(new PoliceUkJson.EngagementMethod(text("open-data.engagement.your-area"), this.site.link("/"),
				text("open-data.engagement.your-area-description")));
		this.force.socialLinks()
			.forEach((link) -> methods.add(new PoliceUkJson.EngagementMethod(link.label(), link.url(), null)));
		return new PoliceUkJson.Force(forceId(), this.force.name(), this.force.website(), text("open-data.telephone"),
				html(text("open-data.force-description", this.force.name(), this.site.serviceName())),
				List.copyOf(methods));
	}

	@Transactional(readOnly = true)
	List<PoliceUkJson.Reference> neighbourhoods() {
		return this.neighbourhoods.all()
			.stream()
			.map((listed) -> new PoliceUkJson.Reference(listed.code(), listed.name()))
			.toList();
	}

	/**
	 * An example for the API's page: the first neighbourhood with a boundary, and a point
	 * inside it (so the example of locate-neighbourhood finds it), or else the first
	 * neighbourhood alone.
	 */
	@Transactional(readOnly = true)
	Optional<Example> example() {
		List<PublicNeighbourhoods.Listed> all = this.neighbourhoods.all();
		for (PublicNeighbourhoods.Listed listed : all) {
			Optional<NeighbourhoodBoundaries.LatLng> inside = this.boundaries.pointInside(listed.id());
			if (inside.isPresent()) {
				return Optional.of(new Example(listed.code(),
						coordinate(inside.get().latitude()) + "," + coordinate(inside.get().longitude())));
			}
		}
		return all.stream().findFirst().map((listed) -> new Example(listed.code(), null));
	}

	record Example(String id, @Nullable String point) {
	}

	/** The live neighbourhood with this code. */
	Optional<NeighbourhoodSummary> live(String code) {
		return this.directory.byCode(code).filter((neighbourhood) -> !neighbourhood.retired());
	}

	@Transactional(readOnly = true)
	Optional<PoliceUkJson.Neighbourhood> neighbourhood(String code) {
		return live(code).flatMap((summary) -> this.neighbourhoods.live(summary.slug()).map((details) -> {
			Map<String, String> contact = new LinkedHashMap<>();
			putIfPresent(contact, "email", details.email());
			putIfPresent(contact, "telephone", details.phone());
			putIfPresent(contact, "facebook", details.facebookUrl());
			putIfPresent(contact, "twitter", details.xUrl());
			putIfPresent(contact, "instagram", details.instagramUrl());
			LocalDate today = LocalDate.now(this.clock);
			List<StationSchedules.Schedule> serving = this.stations.serving(summary.id(), today, today,
					Languages.ENGLISH);
			Map<String, PostcodeTable.Place> where = this.postcodeTable
				.places(serving.stream().map(StationSchedules.Schedule::postcode).distinct().toList());
			List<PoliceUkJson.Location> locations = serving.stream().map((station) -> {
				PostcodeTable.Place at = where.get(station.postcode());
				return new PoliceUkJson.Location(station.name(), (at != null) ? coordinate(at.longitude()) : null,
						station.postcode(), station.address(), (at != null) ? coordinate(at.latitude()) : null,
						station.hub() ? "other" : "station",
						station.usualHours().isEmpty() ? null : lines(station.usualHours()));
			}).toList();
			String description = this.neighbourhoods.description(summary.slug()).map(OpenData::html).orElse(null);
			return new PoliceUkJson.Neighbourhood(summary.code(), summary.name(),
					this.site.link("/area/" + summary.slug()), centre(summary.id()), UNKNOWN_POPULATION, contact,
					links(summary), locations, description);
		}));
	}

	/**
	 * The team's own pages beyond its Your Area page: the archive of its messages to
	 * residents (where they can also subscribe) and the archive's Atom feed.
	 */
	private List<PoliceUkJson.Link> links(NeighbourhoodSummary summary) {
		String alerts = "/area/" + summary.slug() + "/alerts";
		return List.of(
				new PoliceUkJson.Link(text("open-data.links.alerts.title", summary.name()),
						text("open-data.links.alerts.description"), this.site.link(alerts)),
				new PoliceUkJson.Link(text("open-data.links.feed.title", summary.name()),
						text("open-data.links.feed.description"), this.site.link(alerts + ".atom")));
	}

	@Transactional(readOnly = true)
	Optional<List<PoliceUkJson.Point>> boundary(String code) {
		return live(code).map((summary) -> this.boundaries.outline(summary.id())
			.stream()
			.flatMap(List::stream)
			.map((point) -> new PoliceUkJson.Point(coordinate(point.latitude()), coordinate(point.longitude())))
			.toList());
	}

	@Transactional(readOnly = true)
	Optional<List<PoliceUkJson.Person>> people(String code) {
		return live(code).map((summary) -> this.team.of(summary.id())
			.stream()
			.map((member) -> new PoliceUkJson.Person(member.name(), member.roleTitle(), member.bio(), Map.of(),
					member.namedOfficer()))
			.toList());
	}

	@Transactional(readOnly = true)
	Optional<List<PoliceUkJson.Priority>> priorities(String code) {
		LocalDate closedSince = LocalDate.now(this.clock).minusMonths(CLOSED_PRIORITIES_MONTHS);
		return live(code)
			.map((summary) -> this.priorities.of(summary.id(), closedSince).stream().map(OpenData::priority).toList());
	}

	private static PoliceUkJson.Priority priority(PublishedPriorities.Published priority) {
		String action = null;
		LocalDate actionDate = null;
		if (priority.outcome() != null) {
			action = priority.outcome();
			actionDate = priority.closedOn();
		}
		else if (!priority.updates().isEmpty()) {
			PublishedPriorities.Update latest = priority.updates().get(0);
			action = latest.text();
			actionDate = latest.writtenOn();
		}
		return new PoliceUkJson.Priority(html(priority.issue()), DATE_TIME.format(priority.raisedOn().atStartOfDay()),
				(action != null) ? html(action) : null,
				(actionDate != null) ? DATE_TIME.format(actionDate.atStartOfDay()) : null);
	}

	@Transactional(readOnly = true)
	Optional<List<PoliceUkJson.Event>> events(String code) {
		Instant now = this.clock.instant();
		return live(code).flatMap((summary) -> this.neighbourhoods.live(summary.slug()).map((details) -> {
			Map<String, String> contact = new LinkedHashMap<>();
			putIfPresent(contact, "email", details.email());
			putIfPresent(contact, "telephone", details.phone());
			return this.events.of(summary.id(), now, MOST_EVENTS)
				.stream()
				.filter((event) -> !event.cancelled())
				.map((event) -> new PoliceUkJson.Event(event.title(),
						(event.description() != null) ? html(event.description()) : null, event.address(),
						type(event.type()), local(event.startsAt()), local(event.endsAt()), contact))
				.toList();
		}));
	}

	@Transactional(readOnly = true)
	Optional<PoliceUkJson.ResponseRecord> responseRecord(String code) {
		return live(code).map((summary) -> {
			ResponseRecord record = this.responseRecords.of(summary.id());
			return new PoliceUkJson.ResponseRecord(ResponseRecords.PERIOD.toDays(), ResponseRecord.TARGET.toHours(),
					record.received(), record.repliedOnTime(), record.waiting(),
					record.fairToPublish() ? record.percentOnTime() : null, record.medianReplyHours());
		});
	}

	/** The live neighbourhood whose boundary contains the point, the smallest first. */
	@Transactional(readOnly = true)
	Optional<PoliceUkJson.Located> locate(double latitude, double longitude) {
		for (long id : this.boundaries.containing(latitude, longitude)) {
			Optional<NeighbourhoodSummary> found = this.directory.byId(id).filter((summary) -> !summary.retired());
			if (found.isPresent()) {
				return Optional.of(new PoliceUkJson.Located(forceId(), found.get().code()));
			}
		}
		return Optional.empty();
	}

	/** The live neighbourhood a postcode is in. */
	@Transactional(readOnly = true)
	Optional<PoliceUkJson.Located> postcode(Postcode postcode) {
		if (this.postcodes.find(postcode) instanceof PostcodeLookup.Result.InNeighbourhood found && !found.retired()) {
			return this.directory.byId(found.neighbourhoodId())
				.filter((summary) -> !summary.retired())
				.map((summary) -> new PoliceUkJson.Located(forceId(), summary.code()));
		}
		return Optional.empty();
	}

	private PoliceUkJson.Centre centre(long neighbourhoodId) {
		Optional<NeighbourhoodBoundaries.LatLng> inside = this.boundaries.pointInside(neighbourhoodId);
		if (inside.isPresent()) {
			return new PoliceUkJson.Centre(coordinate(inside.get().latitude()), coordinate(inside.get().longitude()));
		}
		return this.postcodes.centreOf(neighbourhoodId)
			.map((centre) -> new PoliceUkJson.Centre(coordinate(centre.latitude()), coordinate(centre.longitude())))
			.orElse(new PoliceUkJson.Centre(null, null));
	}

	private String local(Instant instant) {
		return DATE_TIME.format(LocalDateTime.ofInstant(instant, this.clock.getZone()));
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, Locale.UK);
	}

	/** A coordinate as data.police.uk writes it: a string of up to 10 decimal places. */
	static String coordinate(double degrees) {
		return BigDecimal.valueOf(degrees).setScale(10, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/**
	 * Plain text as the HTML data.police.uk serves in its descriptions: escaped, a
	 * paragraph for each block, a line break for each line.
	 */
	static String html(String text) {
		StringBuilder html = new StringBuilder();
		for (String paragraph : text.strip().split("\\R\\s*\\R")) {
			if (!paragraph.isBlank()) {
				if (!html.isEmpty()) {
					html.append('\n');
				}
				html.append("<p>")
					.append(String.join("<br>", paragraph.strip().lines().map(HtmlUtils::htmlEscape).toList()))
					.append("</p>");
			}
		}
		return html.toString();
	}

	private static String lines(List<String> lines) {
		return "<p>" + String.join("<br>", lines.stream().map(HtmlUtils::htmlEscape).toList()) + "</p>";
	}

	/**
	 * An event's type as data.police.uk writes it: an identifier of its English name,
	 * kept as the API has always given it whatever the bundle says.
	 */
	static String type(EventType type) {
		return switch (type) {
			case BEAT_SURGERY -> "beat-surgery";
			case PUBLIC_MEETING -> "public-meeting";
			case PATCH_WALK -> "patch-walk";
			case OTHER -> "event";
		};
	}

	/** "Beat surgery" as "beat-surgery". */
	static String identifier(String label) {
		return label.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
	}

	private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}

}
