package uk.yourarea.postcode;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The postcode table as the coverage feature fills and reads it, so that only this
 * package names the table in SQL: it loads the rows read from postcode files, streams the
 * postcodes to be placed in neighbourhoods, writes the neighbourhoods decided for them
 * and counts them. The methods that take a connection work on the caller's transaction,
 * which a preview rolls back.
 */
@Component
public class PostcodeTable {

	/** One postcode as a postcode file gives it. */
	public record Row(Postcode postcode, @Nullable Double latitude, @Nullable Double longitude,
			@Nullable LocalDate terminatedOn, @Nullable String wardCode, @Nullable String districtCode,
			boolean inForceArea) {
	}

	/** What deciding a postcode's neighbourhood needs to know of it. */
	public record Placing(String postcode, @Nullable Double latitude, @Nullable Double longitude, boolean inForceArea,
			boolean live, @Nullable Long neighbourhoodId, @Nullable String wardCode) {
	}

	/** Reads the postcodes of a selection, one at a time. */
	@FunctionalInterface
	public interface PlacingReader {

		void read(Placing postcode) throws SQLException;

	}

	/**
	 * The live postcodes of the force area, and how many of them are in a neighbourhood.
	 */
	public record ForceCounts(long live, long inNeighbourhood) {

		public long outside() {
			return this.live - this.inNeighbourhood;
		}

	}

	/** Whether a postcode is ours, and the neighbourhood it is in now. */
	public record Placed(boolean inForceArea, @Nullable Long neighbourhoodId) {
	}

	/** Which postcodes to read. The SQL is fixed here, never built from input. */
	public record Selection(String condition, List<Object> parameters) {

		public static final Selection ALL = new Selection("true", List.of());

		public static Selection wards(Collection<String> wardCodes) {
			return new Selection("p.ward_code = any(?)", List.of((Object) wardCodes.toArray(String[]::new)));
		}

		public static Selection postcode(String postcode) {
			return new Selection("p.postcode = ?", List.of(postcode));
		}

		/** Postcodes whose centroid lies in a box (around old and new boundaries). */
		public static Selection box(Envelope envelope) {
			if (envelope.isNull()) {
				return new Selection("false", List.of());
			}
			return new Selection("p.latitude between ? and ? and p.longitude between ? and ?",
					List.of(envelope.getMinY(), envelope.getMaxY(), envelope.getMinX(), envelope.getMaxX()));
		}

	}

	private static final int COPY_BUFFER = 1 << 16;

	private final JdbcTemplate jdbc;

	PostcodeTable(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	// Loading postcode files

	/**
	 * Starts loading postcodes on the caller's connection: rows are streamed with COPY
	 * into a staging table and merged into the postcode table by {@link Load#merge()}.
	 */
	public static Load load(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					create temporary table postcode_import (
					    line_number bigint, postcode text, outward_code text, latitude double precision,
					    longitude double precision, terminated_on date, ward_code text, district_code text,
					    in_force_area boolean) on commit drop""");
		}
		return new Load(connection,
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy postcode_import from stdin with (format csv)"));
	}

	/** Postcodes being loaded: add them, then merge them, or cancel. */
	public static final class Load {

		private final Connection connection;

		private final CopyIn copy;

		private final StringBuilder buffer = new StringBuilder(COPY_BUFFER * 2);

		private Load(Connection connection, CopyIn copy) {
			this.connection = connection;
			this.copy = copy;
		}

		/** Adds the postcode of one line of the file. */
		public void add(long lineNumber, Row row) throws SQLException {
			this.buffer.append(lineNumber).append(',');
			appendCopyField(this.buffer, row.postcode().value());
			this.buffer.append(',');
			appendCopyField(this.buffer, row.postcode().outwardCode());
			this.buffer.append(',');
			appendCopyField(this.buffer, row.latitude());
			this.buffer.append(',');
			appendCopyField(this.buffer, row.longitude());
			this.buffer.append(',');
			appendCopyField(this.buffer, row.terminatedOn());
			this.buffer.append(',');
			appendCopyField(this.buffer, row.wardCode());
			this.buffer.append(',');
			appendCopyField(this.buffer, row.districtCode());
			this.buffer.append(',');
			this.buffer.append(row.inForceArea());
			this.buffer.append('\n');
			if (this.buffer.length() > COPY_BUFFER) {
				flush();
			}
		}

		/**
		 * Merges what was added into the postcode table; a postcode added twice keeps its
		 * last line, as a later correction would.
		 * @return how many postcodes were inserted or updated
		 */
		public long merge() throws SQLException {
			flush();
			this.copy.endCopy();
			try (Statement statement = this.connection.createStatement()) {
				long merged = statement.executeUpdate(
						"""
								insert into postcode (postcode, outward_code, latitude, longitude, terminated_on, ward_code,
								                      district_code, in_force_area)
								select distinct on (postcode) postcode, outward_code, latitude, longitude, terminated_on, ward_code,
								       district_code, in_force_area
								from postcode_import
								order by postcode, line_number desc
								on conflict (postcode) do update set
								    outward_code = excluded.outward_code, latitude = excluded.latitude,
								    longitude = excluded.longitude, terminated_on = excluded.terminated_on,
								    ward_code = excluded.ward_code, district_code = excluded.district_code,
								    in_force_area = excluded.in_force_area""");
				statement.execute("drop table postcode_import");
				return merged;
			}
		}

		/** Stops a load that failed part way; nothing of it is merged. */
		public void cancel() throws SQLException {
			if (this.copy.isActive()) {
				this.copy.cancelCopy();
			}
		}

		private void flush() throws SQLException {
			byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
			this.copy.writeToCopy(bytes, 0, bytes.length);
			this.buffer.setLength(0);
		}

	}

	/**
	 * Quotes a value for PostgreSQL's COPY in CSV format; null becomes an empty unquoted
	 * field.
	 */
	static void appendCopyField(StringBuilder out, @Nullable Object value) {
		if (value == null) {
			return;
		}
		String text = value.toString();
		out.append('"').append(text.replace("\"", "\"\"")).append('"');
	}

	// Placing postcodes in neighbourhoods

	/**
	 * Streams the postcodes of a selection on the caller's connection.
	 * @return how many were read
	 */
	public static long forEach(Connection connection, Selection selection, PlacingReader reader) throws SQLException {
		long read = 0;
		try (PreparedStatement query = connection.prepareStatement("""
				select p.postcode, p.latitude, p.longitude, p.in_force_area, p.terminated_on is null,
				       p.neighbourhood_id, p.ward_code
				from postcode p
				where\s""" + selection.condition())) {
			for (int i = 0; i < selection.parameters().size(); i++) {
				Object parameter = selection.parameters().get(i);
				if (parameter instanceof String[] array) {
					Array sqlArray = connection.createArrayOf("text", array);
					query.setArray(i + 1, sqlArray);
				}
				else {
					query.setObject(i + 1, parameter);
				}
			}
			query.setFetchSize(10_000);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					read++;
					reader.read(new Placing(rows.getString(1), nullableDouble(rows, 2), nullableDouble(rows, 3),
							rows.getBoolean(4), rows.getBoolean(5), nullableLong(rows, 6), rows.getString(7)));
				}
			}
		}
		return read;
	}

	/** About how many postcodes the table holds, from the planner's statistics. */
	public static long estimatedRows(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				select case when reltuples < 0 then (select count(*) from postcode) else reltuples::bigint end
				from pg_class where oid = 'postcode'::regclass""")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/**
	 * Whether so many changes are written faster by building the table afresh (see
	 * {@link PostcodeTableRewrite#pays}).
	 */
	public static boolean rewritePays(long changed, long rowsInTable, long minimumChanged) {
		return PostcodeTableRewrite.pays(changed, rowsInTable, minimumChanged);
	}

	/**
	 * Gives postcodes their new neighbourhoods on the caller's connection.
	 * @param changes CSV lines of a postcode and its neighbourhood's id, empty for none
	 * @param rewrite whether to build the table afresh instead of updating the rows
	 */
	public static void writeNeighbourhoods(Connection connection, CharSequence changes, boolean rewrite)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table coverage_change (postcode text, neighbourhood_id bigint) "
					+ "on commit drop");
		}
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy coverage_change from stdin with (format csv)");
		try {
			byte[] bytes = changes.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		if (rewrite) {
			PostcodeTableRewrite.apply(connection);
		}
		else {
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("""
						update postcode p set neighbourhood_id = c.neighbourhood_id
						from coverage_change c where p.postcode = c.postcode""");
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("drop table coverage_change");
		}
	}

	// Counting, on the current transaction

	/** The live postcodes of each neighbourhood that has any: neighbourhood id, count. */
	public Map<Long, Long> livePostcodesPerNeighbourhood() {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query("""
				select neighbourhood_id, count(*) from postcode
				where neighbourhood_id is not null and terminated_on is null group by neighbourhood_id""", (row) -> {
			counts.put(row.getLong(1), row.getLong(2));
		});
		return counts;
	}

	/**
	 * The postcode districts (outward codes, "LE1") each neighbourhood's live postcodes
	 * are in, in order: neighbourhood id, districts.
	 */
	public Map<Long, List<String>> liveOutwardCodesPerNeighbourhood() {
		Map<Long, List<String>> codes = new HashMap<>();
		this.jdbc.query("""
				select neighbourhood_id, outward_code from postcode
				where neighbourhood_id is not null and terminated_on is null
				group by neighbourhood_id, outward_code
				order by neighbourhood_id, length(outward_code), outward_code""", (row) -> {
			codes.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>()).add(row.getString(2));
		});
		return codes;
	}

	/**
	 * The ward codes of each neighbourhood's live postcodes (neighbourhood id to codes,
	 * in no order).
	 */
	public Map<Long, List<String>> liveWardCodesPerNeighbourhood() {
		Map<Long, List<String>> codes = new HashMap<>();
		this.jdbc.query("""
				select neighbourhood_id, ward_code from postcode
				where neighbourhood_id is not null and terminated_on is null and ward_code is not null
				group by neighbourhood_id, ward_code""", (row) -> {
			codes.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>()).add(row.getString(2));
		});
		return codes;
	}

	/** How many live postcodes a neighbourhood has. */
	public long livePostcodesIn(long neighbourhoodId) {
		Long count = this.jdbc.queryForObject(
				"select count(*) from postcode where neighbourhood_id = ? and terminated_on is null", Long.class,
				neighbourhoodId);
		return (count != null) ? count : 0;
	}

	public ForceCounts forceCounts() {
		return Objects.requireNonNull(this.jdbc.queryForObject("""
				select count(*), count(neighbourhood_id) from postcode where in_force_area and terminated_on is null""",
				(row, n) -> new ForceCounts(row.getLong(1), row.getLong(2))));
	}

	/**
	 * Whether a postcode is ours and where it is now; empty when it is not in our data.
	 */
	public Optional<Placed> find(Postcode postcode) {
		return this.jdbc
			.query("select in_force_area, neighbourhood_id from postcode where postcode = ?",
					(row, n) -> new Placed(row.getBoolean(1), nullableLong(row, 2)), postcode.value())
			.stream()
			.findFirst();
	}

	/** Where a postcode is (its centroid, WGS84). */
	public record Place(double latitude, double longitude) {
	}

	/**
	 * Where each of some postcodes is, in one statement: postcode ("LE18 1AA") to place;
	 * postcodes not known or without coordinates are left out.
	 */
	public Map<String, Place> places(Collection<String> postcodes) {
		Map<String, Place> places = new HashMap<>();
		if (postcodes.isEmpty()) {
			return places;
		}
		this.jdbc.query(
				"select postcode, latitude, longitude from postcode where postcode = any (?) and latitude is not null",
				(row) -> {
					places.put(row.getString(1), new Place(row.getDouble(2), row.getDouble(3)));
				}, (Object) postcodes.toArray(String[]::new));
		return places;
	}

	private static @Nullable Long nullableLong(ResultSet rows, int column) throws SQLException {
		long value = rows.getLong(column);
		return rows.wasNull() ? null : value;
	}

	private static @Nullable Double nullableDouble(ResultSet rows, int column) throws SQLException {
		double value = rows.getDouble(column);
		return rows.wasNull() ? null : value;
	}

}
