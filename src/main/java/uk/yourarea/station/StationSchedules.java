package uk.yourarea.station;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.web.TextIn;

/**
 * The stations and hubs serving a neighbourhood, as a Your Area page shows them: details,
 * the usual week and the changes to it between two dates, read in one statement (the page
 * has a budget of statements; see {@code AreaPageQueriesIT}).
 */
@Service
public class StationSchedules {

	/**
	 * One station or hub: its usual hours, Monday first, the days it is usually closed,
	 * and the changes in the period.
	 */
	public record Schedule(String name, boolean hub, String kindLabel, String address, String postcode,
			boolean frontCounter, List<String> usualHours, List<Change> changes, @Nullable String nameCy,
			@Nullable String addressCy, Set<DayOfWeek> closedDays) {

		/**
		 * The name a page in this language shows: the Welsh one on a Welsh page if any.
		 */
		public TextIn nameIn(Locale language) {
			return TextIn.of(language, this.name, this.nameCy);
		}

		/** The address a page in this language shows, the English marked if no Welsh. */
		public TextIn addressIn(Locale language) {
			return TextIn.of(language, this.address, this.addressCy);
		}

	}

	/** A date with other hours than usual: closed, or open only at {@code hours}. */
	public record Change(LocalDate date, String hours, @Nullable String reason, boolean closed) {
	}

	// The usual hours and the changes as rows of one result, told apart by "part".
	private static final String SERVING = """
			select s.id, s.name, s.kind, s.address, s.postcode, s.front_counter, s.name_cy, s.address_cy,
			       'usual' as part, h.day_of_week, null::date as on_date, null::text as reason, h.opens_at, h.closes_at
			from station s
			join station_neighbourhood sn on sn.station_id = s.id and sn.neighbourhood_id = ?
			left join station_opening_hours h on h.station_id = s.id
			union all
			select s.id, s.name, s.kind, s.address, s.postcode, s.front_counter, s.name_cy, s.address_cy,
			       'change', null, e.on_date, e.reason, eh.opens_at, eh.closes_at
			from station s
			join station_neighbourhood sn on sn.station_id = s.id and sn.neighbourhood_id = ?
			join station_exception e on e.station_id = s.id and e.on_date between ? and ?
			left join station_exception_hours eh on eh.station_exception_id = e.id
			order by 2, 1, 9 desc, 10, 11, 13
			""";

	private final JdbcTemplate jdbc;

	private final MessageSource text;

	StationSchedules(JdbcTemplate jdbc, MessageSource text) {
		this.jdbc = jdbc;
		this.text = text;
	}

	/**
	 * The stations serving a neighbourhood, by name, with their changes from one date to
	 * another, the hours and kinds in words of a language, as a public page says them.
	 */
	@Transactional(readOnly = true)
	public List<Schedule> serving(long neighbourhoodId, LocalDate from, LocalDate to, Locale language) {
		return read(neighbourhoodId, from, to).stream()
			.map((station) -> station.schedule(this.text.getMessage(Station.labelKeyOf(station.kind), null, language),
					(hours) -> Period.describe(hours, this.text, language)))
			.toList();
	}

	private java.util.Collection<Reading> read(long neighbourhoodId, LocalDate from, LocalDate to) {
		Map<Long, Reading> stations = new LinkedHashMap<>();
		this.jdbc.query(SERVING,
				(RowCallbackHandler) (row) -> stations.computeIfAbsent(row.getLong("id"), (id) -> new Reading(row))
					.add(row),
				neighbourhoodId, neighbourhoodId, Date.valueOf(from), Date.valueOf(to));
		return stations.values();
	}

	/**
	 * The neighbourhoods served by a station or hub whose name has no Welsh version, for
	 * the Guarantee's check of the Welsh site. (An address is often the same in both
	 * languages, so a missing Welsh address is not counted.)
	 */
	@Transactional(readOnly = true)
	public java.util.Set<Long> servedByStationsWithoutWelshNames() {
		return java.util.Set.copyOf(this.jdbc.queryForList(
				"select distinct sn.neighbourhood_id from station s join station_neighbourhood sn on sn.station_id = s.id where s.name_cy is null",
				Long.class));
	}

	/** One station's rows, gathered. */
	private static final class Reading {

		private final String name;

		private final Station.Kind kind;

		private final String address;

		private final String postcode;

		private final boolean frontCounter;

		private final @Nullable String nameCy;

		private final @Nullable String addressCy;

		private final Map<DayOfWeek, List<Period>> usual = new TreeMap<>();

		private final Map<LocalDate, List<Period>> changes = new TreeMap<>();

		private final Map<LocalDate, String> reasons = new TreeMap<>();

		Reading(ResultSet row) {
			try {
				this.name = row.getString("name");
				this.kind = Station.Kind.valueOf(row.getString("kind"));
				this.address = row.getString("address");
				this.postcode = row.getString("postcode");
				this.frontCounter = row.getBoolean("front_counter");
				this.nameCy = row.getString("name_cy");
				this.addressCy = row.getString("address_cy");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void add(ResultSet row) throws SQLException {
			Period period = (row.getTime("opens_at") == null) ? null
					: new Period(row.getTime("opens_at").toLocalTime(), row.getTime("closes_at").toLocalTime());
			if ("usual".equals(row.getString("part"))) {
				if (period != null) {
					this.usual.computeIfAbsent(DayOfWeek.of(row.getInt("day_of_week")), (day) -> new ArrayList<>())
						.add(period);
				}
				return;
			}
			LocalDate date = row.getDate("on_date").toLocalDate();
			List<Period> hours = this.changes.computeIfAbsent(date, (day) -> new ArrayList<>());
			if (period != null) {
				hours.add(period);
			}
			String reason = row.getString("reason");
			if (reason != null) {
				this.reasons.put(date, reason);
			}
		}

		Schedule schedule(String kindLabel, Function<List<Period>, String> describe) {
			List<String> week = new ArrayList<>();
			Set<DayOfWeek> closed = EnumSet.noneOf(DayOfWeek.class);
			for (DayOfWeek day : DayOfWeek.values()) {
				List<Period> hours = this.usual.getOrDefault(day, List.of());
				week.add(describe.apply(hours));
				if (hours.isEmpty()) {
					closed.add(day);
				}
			}
			List<Change> dated = new ArrayList<>();
			this.changes.forEach((date, hours) -> dated
				.add(new Change(date, describe.apply(hours), this.reasons.get(date), hours.isEmpty())));
			return new Schedule(this.name, this.kind == Station.Kind.HUB, kindLabel, this.address, this.postcode,
					this.frontCounter, List.copyOf(week), List.copyOf(dated), this.nameCy, this.addressCy,
					Set.copyOf(closed));
		}

	}

}
