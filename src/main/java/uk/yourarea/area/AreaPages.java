package uk.yourarea.area;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.area.AreaView.DayHours;
import uk.yourarea.area.AreaView.EventView;
import uk.yourarea.area.AreaView.StationView;
import uk.yourarea.consultation.ConsultationSummaries;
import uk.yourarea.event.Event;
import uk.yourarea.event.EventRepository;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodRepository;
import uk.yourarea.priority.Priority;
import uk.yourarea.priority.PriorityRepository;
import uk.yourarea.station.Station;
import uk.yourarea.station.StationRepository;
import uk.yourarea.team.TeamMember;
import uk.yourarea.team.TeamMemberRepository;

/**
 * Reads a neighbourhood's Your Area page: one query per part of the page, never one per
 * row.
 */
@Service
public class AreaPages {

	public static final String CACHE = "area-pages";

	static final int MAX_EVENTS = 6;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

	private final NeighbourhoodRepository neighbourhoods;

	private final TeamMemberRepository team;

	private final PriorityRepository priorities;

	private final EventRepository events;

	private final StationRepository stations;

	private final ConsultationSummaries consultations;

	private final Clock clock;

	AreaPages(NeighbourhoodRepository neighbourhoods, TeamMemberRepository team, PriorityRepository priorities,
			EventRepository events, StationRepository stations, ConsultationSummaries consultations, Clock clock) {
		this.neighbourhoods = neighbourhoods;
		this.team = team;
		this.priorities = priorities;
		this.events = events;
		this.stations = stations;
		this.consultations = consultations;
		this.clock = clock;
	}

	/**
	 * The page's content, cached per neighbourhood for a few minutes: pages are read
	 * thousands of times a day and change a few times a week. Editing a neighbourhood's
	 * content evicts its entry.
	 */
	@Cacheable(cacheNames = CACHE, key = "#slug", unless = "#result == null")
	@Transactional(readOnly = true)
	public Optional<AreaView> find(String slug) {
		return this.neighbourhoods.findBySlug(slug).map(this::read);
	}

	private AreaView read(Neighbourhood neighbourhood) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		List<TeamMember> members = this.team.findByNeighbourhoodIdOrderByDisplayOrderAscNameAsc(neighbourhood.getId());
		TeamMember named = members.stream().filter(TeamMember::isNamedOfficer).findFirst().orElse(null);
		List<TeamMember> rest = members.stream().filter((member) -> member != named).toList();
		List<Priority> open = this.priorities.findByNeighbourhoodIdAndStatusOrderByUpdatedOnDesc(neighbourhood.getId(),
				Priority.Status.OPEN);
		List<EventView> upcoming = this.events
			.findByNeighbourhoodIdAndEndsAtAfterOrderByStartsAtAsc(neighbourhood.getId(), now, Limit.of(MAX_EVENTS))
			.stream()
			.map(this::eventView)
			.toList();
		List<StationView> serving = this.stations.findServing(neighbourhood.getId())
			.stream()
			.map((station) -> stationView(station, today.getDayOfWeek()))
			.toList();
		return new AreaView(neighbourhood, named, rest, open, upcoming, serving, today,
				this.consultations.forNeighbourhood(neighbourhood.getId()));
	}

	private EventView eventView(Event event) {
		ZonedDateTime start = event.getStartsAt().atZone(this.clock.getZone());
		ZonedDateTime end = event.getEndsAt().atZone(this.clock.getZone());
		String when = DAY.format(start) + ", " + time(start) + " to "
				+ (end.toLocalDate().equals(start.toLocalDate()) ? time(end) : DAY.format(end) + ", " + time(end));
		return new EventView(event.getTitle(), event.getType().label(), event.getDescription(), event.getAddress(),
				when, start.toOffsetDateTime().toString());
	}

	private static String time(ZonedDateTime time) {
		return TIME.format(time).toLowerCase(Locale.UK).replace(":00", "");
	}

	private static StationView stationView(Station station, DayOfWeek today) {
		List<DayHours> week = Arrays.stream(DayOfWeek.values())
			.map((day) -> new DayHours(day.getDisplayName(TextStyle.FULL, Locale.UK), station.hoursOn(day),
					day == today))
			.toList();
		return new StationView(station.getName(),
				station.getKind() == Station.Kind.HUB ? "Community hub" : "Police station", station.getAddress(),
				station.getPostcode(), station.isFrontCounter(), station.hoursOn(today), week);
	}

}
