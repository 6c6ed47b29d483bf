package uk.yourarea.area;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.alert.PublishedAlerts;
import uk.yourarea.area.AreaView.EventView;
import uk.yourarea.area.AreaView.PriorityView;
import uk.yourarea.area.AreaView.UpdateView;
import uk.yourarea.area.AreaView.ExceptionView;
import uk.yourarea.area.AreaView.StationView;
import uk.yourarea.consultation.ConsultationSummaries;
import uk.yourarea.consultation.ConsultationSummaries.Asked;
import uk.yourarea.contact.ResponseRecord;
import uk.yourarea.contact.ResponseRecords;
import uk.yourarea.event.EventsAhead;
import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.priority.PublishedPriorities;
import uk.yourarea.priority.PublishedPriorities.Published;
import uk.yourarea.station.StationSchedules;
import uk.yourarea.team.TeamOnThePage;
import uk.yourarea.web.Languages;
import uk.yourarea.web.TextIn;
import uk.yourarea.web.TimeOfDay;
import uk.yourarea.web.TimeOfDay.Noon;

/**
 * Reads a neighbourhood's Your Area page: one query per part of the page, never one per
 * row.
 */
@Service
public class AreaPages {

	public static final String CACHE = "area-pages";

	static final int MAX_EVENTS = 6;

	/** The team's latest alerts on its page; the archive has the rest. */
	static final int LATEST_ALERTS = 2;

	/** How long a closed priority shows under "What we have done". */
	static final int DONE_SHOWN_MONTHS = 3;

	/** Residents see a station's closures and changed hours this many days ahead. */
	static final int EXCEPTIONS_SHOWN_DAYS = 14;

	/**
	 * A page reads exceptions one day further than it shows them: a page cached just
	 * before midnight is shown after it (the cache keeps pages for minutes, not days).
	 */
	static final int EXCEPTIONS_AHEAD = EXCEPTIONS_SHOWN_DAYS + 1;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy");

	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy");

	private final PublicNeighbourhoods neighbourhoods;

	private final ResponseRecords responseRecords;

	private final TeamOnThePage team;

	private final PublishedPriorities priorities;

	private final EventsAhead events;

	private final StationSchedules stations;

	private final ConsultationSummaries consultations;

	private final PublishedAlerts alerts;

	private final Clock clock;

	private final MessageSource messages;

	private final AtomicLong changes = new AtomicLong();

	AreaPages(PublicNeighbourhoods neighbourhoods, ResponseRecords responseRecords, TeamOnThePage team,
			PublishedPriorities priorities, EventsAhead events, StationSchedules stations,
			ConsultationSummaries consultations, PublishedAlerts alerts, Clock clock, MessageSource messages) {
		this.alerts = alerts;
		this.neighbourhoods = neighbourhoods;
		this.responseRecords = responseRecords;
		this.team = team;
		this.priorities = priorities;
		this.events = events;
		this.stations = stations;
		this.consultations = consultations;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * The page's content, cached per neighbourhood for a few minutes: pages are read
	 * thousands of times a day and change a few times a week. Editing a neighbourhood's
	 * content evicts its entry. The page's wording and dates are in the request's
	 * language, so each language has its own entry ({@link #cacheKey}).
	 */
	@Cacheable(cacheNames = CACHE, key = "#root.target.cacheKeyNow(#slug)", unless = "#result == null")
	@Transactional(readOnly = true)
	public Optional<AreaView> find(String slug) {
		Locale language = Languages.current();
		return this.neighbourhoods.live(slug, language)
			.map((neighbourhood) -> read(neighbourhood, this.responseRecords.of(neighbourhood.id()), language));
	}

	/**
	 * The cache entry of a neighbourhood's page in the request's language: its slug in
	 * English, {@code cy:} and its slug in Welsh.
	 */
	public static String cacheKey(String slug) {
		return Languages.WELSH.equals(Languages.current()) ? "cy:" + slug : slug;
	}

	/**
	 * The same, since the last change to public content: a page read before a change
	 * committed and cached after it is kept under the key of before, which nobody asks
	 * for again.
	 */
	public String cacheKeyNow(String slug) {
		return this.changes.get() + "/" + cacheKey(slug);
	}

	/** Public content has changed: pages are read afresh. */
	void changed() {
		this.changes.incrementAndGet();
	}

	private AreaView read(PublicNeighbourhoods.Details neighbourhood, ResponseRecord replies, Locale language) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		List<TeamOnThePage.Member> members = this.team.of(neighbourhood.id(), language);
		TeamOnThePage.Member named = members.stream()
			.filter(TeamOnThePage.Member::namedOfficer)
			.findFirst()
			.orElse(null);
		List<TeamOnThePage.Member> rest = members.stream().filter((member) -> member != named).toList();
		List<PriorityView> shown = prioritiesOf(neighbourhood.id(), today.minusMonths(DONE_SHOWN_MONTHS));
		List<PriorityView> open = shown.stream().filter((priority) -> priority.closedOn() == null).toList();
		List<PriorityView> done = shown.stream().filter((priority) -> priority.closedOn() != null).toList();
		List<EventView> upcoming = this.events.of(neighbourhood.id(), now, MAX_EVENTS)
			.stream()
			.map(this::eventView)
			.toList();
		List<StationView> serving = this.stations
			.serving(neighbourhood.id(), today, today.plusDays(EXCEPTIONS_AHEAD), language)
			.stream()
			.map((station) -> stationView(station, language))
			.toList();
		List<AreaView.AlertView> latestAlerts = this.alerts.latest(neighbourhood.id(), LATEST_ALERTS)
			.stream()
			.map((alert) -> new AreaView.AlertView(alert.id(), alert.titleIn(Languages.current()),
					LocalDate.ofInstant(alert.publishedAt(), this.clock.getZone())))
			.toList();
		return new AreaView(neighbourhood, named, rest, open, done, upcoming, serving, today,
				this.consultations.forNeighbourhood(neighbourhood.id()), replies, latestAlerts);
	}

	/**
	 * The open priorities, and those closed since the given day, each with its updates
	 * newest first, and what residents said that led to each.
	 */
	private List<PriorityView> prioritiesOf(long neighbourhoodId, LocalDate closedSince) {
		List<Published> priorities = this.priorities.of(neighbourhoodId, closedSince);
		Locale language = Languages.current();
		Map<Long, Asked> consultations = this.consultations.asked(priorities.stream()
			.map(Published::originConsultationId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet()));
		return priorities.stream()
			.map((priority) -> new PriorityView(priority.issueIn(language), priority.raisedOn(), priority.updatedOn(),
					priority.updates()
						.stream()
						.map((update) -> new UpdateView(update.writtenOn(), update.textIn(language)))
						.toList(),
					priority.outcomeIn(language), priority.closedOn(), youSaid(priority, consultations)))
			.toList();
	}

	/**
	 * What residents said that led to the priority, in their words' place on the page.
	 */
	private @Nullable String youSaid(Published priority, Map<Long, Asked> consultations) {
		String origin = priority.origin();
		String detail = priority.originDetail();
		String more = (detail == null) ? "" : " " + detail + (detail.matches(".*[.!?]$") ? "" : ".");
		if (origin == null) {
			return null;
		}
		return switch (origin) {
			case "CONSULTATION" -> {
				Asked asked = (priority.originConsultationId() == null) ? null
						: consultations.get(priority.originConsultationId());
				String question = (asked == null) ? null : asked.question();
				LocalDate lastDay = (asked == null) ? null : lastDay(asked.closesAt());
				String asking = (question == null) ? null : question + (question.matches(".*[.!?]$") ? "" : ".");
				String said;
				if (lastDay == null) {
					said = (asking == null) ? text("area.you-said.consultation")
							: text("area.you-said.consultation-asked", asking);
				}
				else {
					String closed = DAY_MONTH_YEAR.withLocale(Languages.current()).format(lastDay);
					said = (asking == null) ? text("area.you-said.consultation-closed", closed)
							: text("area.you-said.consultation-closed-asked", closed, asking);
				}
				yield said + more;
			}
			case "PUBLIC_MEETING" -> text("area.you-said.public-meeting") + more;
			case "MESSAGES" -> text("area.you-said.messages") + more;
			default -> (detail == null) ? null : more.strip();
		};
	}

	/** A consultation closes at the start of the day after its last day, UK time. */
	private static LocalDate lastDay(Instant closes) {
		return closes.minusNanos(1).atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
	}

	private EventView eventView(EventsAhead.Listing event) {
		ZonedDateTime start = event.startsAt().atZone(this.clock.getZone());
		ZonedDateTime end = event.endsAt().atZone(this.clock.getZone());
		DateTimeFormatter day = DAY.withLocale(Languages.current());
		String when = end.toLocalDate().equals(start.toLocalDate())
				? text("area.event.when", day.format(start), time(start), time(end))
				: text("area.event.when-over-days", day.format(start), time(start), day.format(end), time(end));
		Locale language = Languages.current();
		return new EventView(event.titleIn(language), text(event.type().labelKey()), event.descriptionIn(language),
				event.address(), when, start.toOffsetDateTime().toString(), event.cancelled(),
				event.cancellationReason());
	}

	private String time(ZonedDateTime time) {
		return TimeOfDay.format(time.toLocalTime(), Noon.TWELVE_PM, this.messages, LocaleContextHolder.getLocale());
	}

	private static StationView stationView(StationSchedules.Schedule station, Locale language) {
		List<ExceptionView> changes = station.changes()
			.stream()
			.map((change) -> new ExceptionView(change.date(), change.hours(), change.reason(), change.closed()))
			.toList();
		TextIn name = station.nameIn(language);
		TextIn address = station.addressIn(language);
		return new StationView(name.toString(), station.kindLabel(), address.toString(), station.postcode(),
				station.frontCounter(), station.usualHours(), station.closedDays(), changes, name.lang(),
				address.lang());
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
