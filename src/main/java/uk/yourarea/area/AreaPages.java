package uk.yourarea.area;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.area.AreaView.DayHours;
import uk.yourarea.area.AreaView.EventView;
import uk.yourarea.area.AreaView.PriorityView;
import uk.yourarea.area.AreaView.UpdateView;
import uk.yourarea.area.AreaView.StationView;
import uk.yourarea.event.Event;
import uk.yourarea.event.EventRepository;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodRepository;
import uk.yourarea.priority.Priority;
import uk.yourarea.priority.PriorityRepository;
import uk.yourarea.priority.PriorityUpdate;
import uk.yourarea.priority.PriorityUpdateRepository;
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

	/** How long a closed priority shows under "What we have done". */
	static final int DONE_SHOWN_MONTHS = 3;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

	private final NeighbourhoodRepository neighbourhoods;

	private final TeamMemberRepository team;

	private final PriorityRepository priorities;

	private final PriorityUpdateRepository priorityUpdates;

	private final EventRepository events;

	private final StationRepository stations;

	private final Clock clock;

	AreaPages(NeighbourhoodRepository neighbourhoods, TeamMemberRepository team, PriorityRepository priorities,
			PriorityUpdateRepository priorityUpdates, EventRepository events, StationRepository stations, Clock clock) {
		this.neighbourhoods = neighbourhoods;
		this.team = team;
		this.priorities = priorities;
		this.priorityUpdates = priorityUpdates;
		this.events = events;
		this.stations = stations;
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
		List<Priority> shown = this.priorities.findForPage(neighbourhood.getId(), today.minusMonths(DONE_SHOWN_MONTHS));
		Map<Long, List<UpdateView>> updates = updatesOf(shown);
		List<PriorityView> open = shown.stream()
			.filter(Priority::isOpen)
			.map((priority) -> priorityView(priority, updates))
			.toList();
		List<PriorityView> done = shown.stream()
			.filter((priority) -> !priority.isOpen())
			.map((priority) -> priorityView(priority, updates))
			.toList();
		List<EventView> upcoming = this.events
			.findByNeighbourhoodIdAndEndsAtAfterOrderByStartsAtAsc(neighbourhood.getId(), now, Limit.of(MAX_EVENTS))
			.stream()
			.map(this::eventView)
			.toList();
		List<StationView> serving = this.stations.findServing(neighbourhood.getId())
			.stream()
			.map((station) -> stationView(station, today.getDayOfWeek()))
			.toList();
		return new AreaView(neighbourhood, named, rest, open, done, upcoming, serving, today);
	}

	/** The updates of all the page's priorities in one query, newest first. */
	private Map<Long, List<UpdateView>> updatesOf(List<Priority> shown) {
		if (shown.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<UpdateView>> byPriority = new HashMap<>();
		for (PriorityUpdate update : this.priorityUpdates
			.findByPriorityIdInOrderByWrittenOnDescIdDesc(shown.stream().map(Priority::getId).toList())) {
			byPriority.computeIfAbsent(update.getPriorityId(), (id) -> new ArrayList<>())
				.add(new UpdateView(update.getWrittenOn(), update.getText()));
		}
		return byPriority;
	}

	private static PriorityView priorityView(Priority priority, Map<Long, List<UpdateView>> updates) {
		return new PriorityView(priority.getIssue(), priority.getRaisedOn(), priority.getUpdatedOn(),
				List.copyOf(updates.getOrDefault(priority.getId(), List.of())), priority.getOutcome(),
				priority.getClosedOn());
	}

	private EventView eventView(Event event) {
		ZonedDateTime start = event.getStartsAt().atZone(this.clock.getZone());
		ZonedDateTime end = event.getEndsAt().atZone(this.clock.getZone());
		String when = DAY.format(start) + ", " + time(start) + " to "
				+ (end.toLocalDate().equals(start.toLocalDate()) ? time(end) : DAY.format(end) + ", " + time(end));
		return new EventView(event.getTitle(), event.getType().label(), event.getDescription(), event.getAddress(),
				when, start.toOffsetDateTime().toString(), event.isCancelled(), event.getCancellationReason());
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
