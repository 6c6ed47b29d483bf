package uk.yourarea.station;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.ForWebEditors;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.Phrase;
import uk.yourarea.web.TimeOfDay;
import uk.yourarea.web.TimeOfDay.Noon;

/**
 * Every change to stations and hubs, each recorded in the change log in the same
 * transaction (which also empties the Your Area page cache once it commits).
 */
@ForWebEditors
@Service
class StationEditing {

	static final String SUBJECT_TYPE = "station";

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

	/** What the details form sets. */
	record Details(String name, Station.Kind kind, String address, String postcode, boolean frontCounter,
			Set<Long> neighbourhoodIds, @Nullable String nameCy, @Nullable String addressCy) {
	}

	/** Thrown when a station already has an exception on the date. */
	static class DateTakenException extends RuntimeException {

		DateTakenException(LocalDate date) {
			super("An exception already exists on " + date);
		}

	}

	private final StationRepository stations;

	private final StationExceptionRepository exceptions;

	private final NeighbourhoodDirectory neighbourhoods;

	private final ChangeLog changeLog;

	private final Clock clock;

	StationEditing(StationRepository stations, StationExceptionRepository exceptions,
			NeighbourhoodDirectory neighbourhoods, ChangeLog changeLog, Clock clock) {
		this.stations = stations;
		this.exceptions = exceptions;
		this.neighbourhoods = neighbourhoods;
		this.changeLog = changeLog;
		this.clock = clock;
	}

	/**
	 * A station with its hours and neighbourhoods loaded, to read outside a transaction.
	 */
	@Transactional(readOnly = true)
	public Optional<Station> find(long id) {
		Optional<Station> station = this.stations.findById(id);
		station.ifPresent((found) -> {
			Hibernate.initialize(found.getOpeningHours());
			Hibernate.initialize(found.getNeighbourhoodIds());
		});
		return station;
	}

	/** Every station and hub with the neighbourhoods it serves, by name. */
	@Transactional(readOnly = true)
	public List<Station> all() {
		return this.stations.findAllWithNeighbourhoods();
	}

	/** A station's exceptions from today on. */
	@Transactional(readOnly = true)
	public List<StationException> upcomingExceptions(long stationId) {
		return this.exceptions.findUpcoming(stationId, LocalDate.now(this.clock));
	}

	@Transactional
	public Station create(StaffUser by, Details details) {
		Station station = new Station(details.name(), details.kind(), details.address(), details.postcode(),
				details.frontCounter());
		details.neighbourhoodIds().forEach(station::serve);
		station.inWelsh(details.nameCy(), details.addressCy());
		this.stations.saveAndFlush(station);
		this.changeLog.record(by, subject(station), "change.action.added", Snapshot.nothing(), snapshot(station));
		return station;
	}

	@Transactional
	public void change(StaffUser by, long id, long openedVersion, Details details) {
		Station station = load(id);
		ChangedElsewhereException.requireVersion(station.getVersion(), openedVersion, station.getName());
		Snapshot before = snapshot(station);
		station.change(details.name(), details.kind(), details.address(), details.postcode(), details.frontCounter(),
				details.neighbourhoodIds());
		station.inWelsh(details.nameCy(), details.addressCy());
		this.stations.saveAndFlush(station);
		this.changeLog.record(by, subject(station), "change.action.changed-details", before, snapshot(station));
	}

	@Transactional
	public void setWeek(StaffUser by, long id, long openedVersion, Map<DayOfWeek, List<Period>> week) {
		Station station = load(id);
		ChangedElsewhereException.requireVersion(station.getVersion(), openedVersion, station.getName());
		Snapshot before = snapshot(station);
		station.setWeek(week);
		this.stations.saveAndFlush(station);
		this.changeLog.record(by, subject(station), "change.action.changed-opening-hours", before, snapshot(station));
	}

	@Transactional
	public StationException addException(StaffUser by, long id, LocalDate date, @Nullable String reason,
			List<Period> hours) {
		Station station = load(id);
		if (this.exceptions.existsByStationIdAndDate(id, date)) {
			throw new DateTakenException(date);
		}
		StationException exception = this.exceptions.saveAndFlush(new StationException(id, date, reason, hours));
		this.changeLog.record(by, subject(station), "change.action.added-hours-change", Snapshot.nothing(),
				snapshot(exception));
		return exception;
	}

	@Transactional
	public StationException removeException(StaffUser by, long id, long exceptionId) {
		Station station = load(id);
		StationException exception = this.exceptions.findById(exceptionId)
			.filter((found) -> found.getStationId() == id)
			.orElseThrow(() -> new NotFoundException("No exception " + exceptionId + " of station " + id));
		Snapshot before = snapshot(exception);
		this.exceptions.delete(exception);
		this.changeLog.record(by, subject(station), "change.action.removed-hours-change", before, Snapshot.nothing());
		return exception;
	}

	@Transactional
	public void remove(StaffUser by, long id) {
		Station station = load(id);
		Snapshot before = snapshot(station);
		Subject subject = subject(station);
		this.stations.delete(station);
		this.stations.flush();
		this.changeLog.record(by, subject, "change.action.removed", before, Snapshot.nothing());
	}

	/** The station's details as the details form shows them. */
	@Transactional(readOnly = true)
	public Snapshot detailsSnapshot(Station station) {
		return detailsSnapshot(station.getName(), station.getKind().name(), station.getAddress(), station.getPostcode(),
				station.isFrontCounter(), station.getNeighbourhoodIds(), station.getNameCy(), station.getAddressCy());
	}

	/** The details typed on a form, for comparing with the saved ones. */
	@Transactional(readOnly = true)
	public Snapshot detailsSnapshot(@Nullable String name, @Nullable String kind, @Nullable String address,
			@Nullable String postcode, boolean frontCounter, Collection<Long> neighbourhoodIds, @Nullable String nameCy,
			@Nullable String addressCy) {
		return Snapshot.of()
			.with("change.field.name", name)
			.with("change.field.name-welsh", nameCy)
			.with("change.field.kind", kindLabel(kind))
			.with("change.field.address", address)
			.with("change.field.address-welsh", addressCy)
			.with("change.field.postcode", postcode)
			.with("change.field.front-counter", Phrase.of(frontCounter ? "change.value.yes" : "change.value.no"))
			.with("change.field.neighbourhoods-served", names(neighbourhoodIds))
			.build();
	}

	/**
	 * The key of a kind's label ({@code STATION}, {@code HUB}), or nothing for no kind.
	 */
	private static @Nullable Phrase kindLabel(@Nullable String kind) {
		if ("STATION".equals(kind)) {
			return Phrase.of("station.kind-label.station");
		}
		return "HUB".equals(kind) ? Phrase.of("station.kind-label.hub") : null;
	}

	/** The usual hours of a week as the change log shows them, one field a day. */
	static Snapshot weekSnapshot(Map<DayOfWeek, List<Period>> week) {
		Snapshot.Builder snapshot = Snapshot.of();
		for (DayOfWeek day : DayOfWeek.values()) {
			snapshot.with(dayLabel(day), hours(week.getOrDefault(day, List.of())));
		}
		return snapshot.build();
	}

	private static String dayLabel(DayOfWeek day) {
		return switch (day) {
			case MONDAY -> "change.field.monday";
			case TUESDAY -> "change.field.tuesday";
			case WEDNESDAY -> "change.field.wednesday";
			case THURSDAY -> "change.field.thursday";
			case FRIDAY -> "change.field.friday";
			case SATURDAY -> "change.field.saturday";
			case SUNDAY -> "change.field.sunday";
		};
	}

	/**
	 * Hours as the change records show them: "Closed", "9am to 5pm" or "9am to 12:30pm
	 * and 1:30pm to 5pm", in the words of the bundle.
	 */
	static Phrase hours(List<Period> periods) {
		List<String> times = periods.stream()
			.sorted(Comparator.comparing(Period::getOpensAt))
			.flatMap((period) -> Stream.of(period.getOpensAt(), period.getClosesAt()))
			.map((time) -> TimeOfDay.format(time, Noon.MIDDAY))
			.toList();
		return switch (times.size()) {
			case 0 -> Phrase.of("station.hours.closed");
			case 2 -> Phrase.of("station.hours.period", times.get(0), times.get(1));
			case 4 -> Phrase.of("change.value.hours-twice", times.get(0), times.get(1), times.get(2), times.get(3));
			// The forms give a day two periods at most; more, written some other way,
			// are shown as times alone.
			default -> Phrase.asIs(String.join(", ", times));
		};
	}

	static Map<DayOfWeek, List<Period>> weekOf(Station station) {
		Map<DayOfWeek, List<Period>> week = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			week.put(day, station.periodsOn(day));
		}
		return week;
	}

	private Snapshot snapshot(Station station) {
		Snapshot.Builder all = Snapshot.of();
		detailsSnapshot(station).fields().forEach(all::with);
		weekSnapshot(weekOf(station)).fields().forEach(all::with);
		return all.build();
	}

	private static Snapshot snapshot(StationException exception) {
		String day = DATE.format(exception.getDate());
		return Snapshot.of()
			.with(Phrase.of("change.field.hours-on", day), hours(exception.getHours()))
			.with(Phrase.of("change.field.hours-why", day), exception.getReason())
			.build();
	}

	private String names(Collection<Long> neighbourhoodIds) {
		if (neighbourhoodIds.isEmpty()) {
			return "";
		}
		return this.neighbourhoods.byIds(neighbourhoodIds)
			.stream()
			.map(NeighbourhoodSummary::name)
			.sorted()
			.collect(Collectors.joining(", "));
	}

	private static Subject subject(Station station) {
		return new Subject(SUBJECT_TYPE, station.getId(), station.getName(), null);
	}

	private Station load(long id) {
		return this.stations.findById(id).orElseThrow(() -> new NotFoundException("No station " + id));
	}

}
