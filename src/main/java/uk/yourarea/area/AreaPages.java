package uk.yourarea.area;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.cache.annotation.Cacheable;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.area.AreaView.EventView;
import uk.yourarea.area.AreaView.PriorityView;
import uk.yourarea.area.AreaView.UpdateView;
import uk.yourarea.area.AreaView.ExceptionView;
import uk.yourarea.area.AreaView.StationView;
import uk.yourarea.consultation.ConsultationSummaries;
import uk.yourarea.contact.NeighbourhoodResponseRecord;
import uk.yourarea.contact.ResponseRecord;
import uk.yourarea.event.Event;
import uk.yourarea.event.EventRepository;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.station.StationSchedules;
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

	/** Residents see a station's closures and changed hours this many days ahead. */
	static final int EXCEPTIONS_SHOWN_DAYS = 14;

	/**
	 * A page reads exceptions one day further than it shows them: a page cached just
	 * before midnight is shown after it (the cache keeps pages for minutes, not days).
	 */
	static final int EXCEPTIONS_AHEAD = EXCEPTIONS_SHOWN_DAYS + 1;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

	private final EntityManager entityManager;

	private final TeamMemberRepository team;

	private final JdbcTemplate jdbc;

	private final EventRepository events;

	private final StationSchedules stations;

	private final ConsultationSummaries consultations;

	private final Clock clock;

	AreaPages(EntityManager entityManager, TeamMemberRepository team, JdbcTemplate jdbc, EventRepository events,
			StationSchedules stations, ConsultationSummaries consultations, Clock clock) {
		this.jdbc = jdbc;
		this.entityManager = entityManager;
		this.team = team;
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
		List<Object[]> found = this.entityManager.createQuery(NEIGHBOURHOOD_WITH_REPLIES, Object[].class)
			.setParameter("slug", slug)
			.getResultList();
		return found.stream()
			.findFirst()
			.map((row) -> read((Neighbourhood) row[0],
					NeighbourhoodResponseRecord.of((NeighbourhoodResponseRecord) row[1])));
	}

	// The live neighbourhood, its local policing area and its team's response record: one
	// statement.
	private static final String NEIGHBOURHOOD_WITH_REPLIES = """
			select n, r from Neighbourhood n join fetch n.localPolicingArea
			left join NeighbourhoodResponseRecord r on r.neighbourhoodId = n.id
			where n.slug = :slug and n.retiredOn is null""";

	private AreaView read(Neighbourhood neighbourhood, ResponseRecord replies) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		List<TeamMember> members = this.team.findByNeighbourhoodIdOrderByDisplayOrderAscNameAsc(neighbourhood.getId());
		TeamMember named = members.stream().filter(TeamMember::isNamedOfficer).findFirst().orElse(null);
		List<TeamMember> rest = members.stream().filter((member) -> member != named).toList();
		List<PriorityView> shown = prioritiesOf(neighbourhood.getId(), today.minusMonths(DONE_SHOWN_MONTHS));
		List<PriorityView> open = shown.stream().filter((priority) -> priority.closedOn() == null).toList();
		List<PriorityView> done = shown.stream().filter((priority) -> priority.closedOn() != null).toList();
		List<EventView> upcoming = this.events
			.findByNeighbourhoodIdAndEndsAtAfterOrderByStartsAtAsc(neighbourhood.getId(), now, Limit.of(MAX_EVENTS))
			.stream()
			.map(this::eventView)
			.toList();
		List<StationView> serving = this.stations
			.serving(neighbourhood.getId(), today, today.plusDays(EXCEPTIONS_AHEAD))
			.stream()
			.map(AreaPages::stationView)
			.toList();
		return new AreaView(neighbourhood, named, rest, open, done, upcoming, serving, today,
				this.consultations.forNeighbourhood(neighbourhood.getId()), replies);
	}

	/**
	 * The open priorities, and those closed since the given day, each with its updates
	 * newest first: one statement for the whole section, so the page stays within its
	 * budget. Open ones first, then by last update, newest first.
	 */
	private List<PriorityView> prioritiesOf(long neighbourhoodId, LocalDate closedSince) {
		Map<Long, PriorityRow> rows = new LinkedHashMap<>();
		this.jdbc.query(PRIORITIES_WITH_UPDATES, (RowCallbackHandler) (row) -> {
			PriorityRow priority = rows.computeIfAbsent(row.getLong("id"),
					(id) -> new PriorityRow(row, new ArrayList<>()));
			Date writtenOn = row.getDate("written_on");
			if (writtenOn != null) {
				priority.updates().add(new UpdateView(writtenOn.toLocalDate(), row.getString("text")));
			}
		}, neighbourhoodId, Date.valueOf(closedSince));
		return rows.values().stream().map(PriorityRow::view).toList();
	}

	private static final String PRIORITIES_WITH_UPDATES = """
			select p.id, p.issue, p.raised_on, p.updated_on, p.outcome, p.closed_on, u.written_on, u.text,
			       p.origin, p.origin_detail, c.question as consultation_question, c.closes_at as consultation_closes_at
			from priority p
			left join priority_update u on u.priority_id = p.id
			left join consultation c on c.id = p.origin_consultation_id
			where p.neighbourhood_id = ? and (p.status = 'OPEN' or p.closed_on >= ?)
			order by p.status desc, p.updated_on desc, p.id desc, u.written_on desc, u.id desc
			""";

	private record PriorityRow(String issue, LocalDate raisedOn, LocalDate updatedOn, @Nullable String outcome,
			@Nullable LocalDate closedOn, List<UpdateView> updates, @Nullable String youSaid) {

		PriorityRow(ResultSet row, List<UpdateView> updates) {
			this(text(row, "issue"), date(row, "raised_on"), date(row, "updated_on"), text(row, "outcome"),
					nullableDate(row, "closed_on"), updates, youSaid(row));
		}

		PriorityView view() {
			return new PriorityView(this.issue, this.raisedOn, this.updatedOn, List.copyOf(this.updates), this.outcome,
					this.closedOn, this.youSaid);
		}

		/**
		 * What residents said that led to the priority, in their words' place on the
		 * page.
		 */
		private static @Nullable String youSaid(ResultSet row) {
			String origin = text(row, "origin");
			String detail = text(row, "origin_detail");
			String more = (detail == null) ? "" : " " + detail + (detail.matches(".*[.!?]$") ? "" : ".");
			if (origin == null) {
				return null;
			}
			return switch (origin) {
				case "CONSULTATION" -> {
					String question = text(row, "consultation_question");
					LocalDate lastDay = lastDay(row);
					yield "You chose it in our Have your say consultation"
							+ ((lastDay == null) ? "" : " that closed on " + DAY_MONTH_YEAR.format(lastDay))
							+ ((question == null) ? "."
									: ", where we asked: " + question + (question.matches(".*[.!?]$") ? "" : "."))
							+ more;
				}
				case "PUBLIC_MEETING" -> "You raised it at a public meeting." + more;
				case "MESSAGES" -> "You raised it in messages to the team." + more;
				default -> (detail == null) ? null : more.strip();
			};
		}

		/** A consultation closes at the start of the day after its last day, UK time. */
		private static @Nullable LocalDate lastDay(ResultSet row) {
			try {
				java.sql.Timestamp closes = row.getTimestamp("consultation_closes_at");
				return (closes == null) ? null
						: closes.toInstant().minusNanos(1).atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static @Nullable String text(ResultSet row, String column) {
			try {
				return row.getString(column);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static LocalDate date(ResultSet row, String column) {
			return java.util.Objects.requireNonNull(nullableDate(row, column));
		}

		private static @Nullable LocalDate nullableDate(ResultSet row, String column) {
			try {
				Date date = row.getDate(column);
				return (date == null) ? null : date.toLocalDate();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

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

	private static StationView stationView(StationSchedules.Schedule station) {
		List<ExceptionView> changes = station.changes()
			.stream()
			.map((change) -> new ExceptionView(change.date(), change.hours(), change.reason(), change.closed()))
			.toList();
		return new StationView(station.name(), station.kindLabel(), station.address(), station.postcode(),
				station.frontCounter(), station.usualHours(), changes);
	}

}
