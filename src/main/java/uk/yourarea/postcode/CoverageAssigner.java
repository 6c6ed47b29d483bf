package uk.yourarea.postcode;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides which neighbourhood each of the force's postcodes belongs to. In order:
 * <ol>
 * <li>a postcode policed by another force belongs to no neighbourhood;</li>
 * <li>a postcode given to a neighbourhood by hand (an override) belongs to it;</li>
 * <li>a postcode whose centroid lies inside a boundary belongs to that boundary's
 * neighbourhood, whatever its ward; inside two boundaries, the smaller one wins;</li>
 * <li>otherwise a postcode belongs to the neighbourhood that owns its ward.</li>
 * </ol>
 * A retired neighbourhood's boundary, wards and overrides count for nothing, so its
 * postcodes go to whichever live neighbourhood covers them, or to none. The postcodes are
 * streamed once from the database, each decided in memory (boundaries in an STR-tree),
 * and only those whose neighbourhood changes are written back, with one COPY and one
 * set-based update (or, for a large share of the table, a {@link PostcodeTableRewrite}).
 * The work can be limited to a {@link Scope}: the postcodes of some wards, a box around
 * changed boundaries, or one postcode.
 */
@Service
public class CoverageAssigner {

	/** What an assignment found, over the postcodes in scope. */
	public record Coverage(long postcodesInForceArea, long assigned, long assignedByBoundary, long overridden,
			long unassigned, long changed) {

		@Override
		public String toString() {
			return "%d live postcodes in the force area: %d assigned (%d by boundary, %d by hand), %d unassigned; %d changed"
				.formatted(this.postcodesInForceArea, this.assigned, this.assignedByBoundary, this.overridden,
						this.unassigned, this.changed);
		}

	}

	/**
	 * Postcodes moving from one neighbourhood to another; {@code null} is no
	 * neighbourhood.
	 */
	record Move(@Nullable Long fromId, @Nullable Long toId, long postcodes, List<String> examples) {
	}

	record Result(Coverage coverage, List<Move> moves) {
	}

	/** Which postcodes to decide again. The SQL is fixed here, never built from input. */
	record Scope(String condition, List<Object> parameters) {

		static final Scope ALL = new Scope("true", List.of());

		static Scope wards(Collection<String> wardCodes) {
			return new Scope("p.ward_code = any(?)", List.of((Object) wardCodes.toArray(String[]::new)));
		}

		static Scope postcode(String postcode) {
			return new Scope("p.postcode = ?", List.of(postcode));
		}

		/** Postcodes whose centroid lies in a box (around old and new boundaries). */
		static Scope box(Envelope envelope) {
			if (envelope.isNull()) {
				return new Scope("false", List.of());
			}
			return new Scope("p.latitude between ? and ? and p.longitude between ? and ?",
					List.of(envelope.getMinY(), envelope.getMaxY(), envelope.getMinX(), envelope.getMaxX()));
		}

	}

	private record Area(long neighbourhoodId, PreparedGeometry boundary, double size) {
	}

	static final int EXAMPLES = 5;

	/**
	 * The fewest changes written by building the postcode table afresh; fewer are updated
	 * in place (see {@link PostcodeTableRewrite#pays}).
	 */
	static final long REWRITE_FROM = 50_000;

	private static final Logger log = LoggerFactory.getLogger(CoverageAssigner.class);

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	CoverageAssigner(DataSource dataSource, TransactionTemplate transaction) {
		this.dataSource = dataSource;
		this.transaction = transaction;
	}

	/**
	 * Decides every postcode again, in a transaction of its own or the caller's (after
	 * the command-line import and the demo data load). Previews made before it can no
	 * longer be applied.
	 */
	public Coverage assignAll() {
		Coverage coverage = Objects.requireNonNull(this.transaction.execute((status) -> inConnection((connection) -> {
			Coverage result = assign(connection, Scope.ALL, Map.of(), true).coverage();
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("update coverage_state set version = version + 1 where id = 1");
			}
			return result;
		})));
		log.info("Postcode coverage: {}", coverage);
		return coverage;
	}

	/**
	 * Decides the postcodes in scope on the caller's transaction's connection.
	 * @param replacedBoundaries boundaries to use instead of the saved ones
	 * (neighbourhood id to geometry), for a preview
	 * @param write whether to save the answers, or only report them
	 */
	Result assign(Connection connection, Scope scope, Map<Long, Geometry> replacedBoundaries, boolean write)
			throws SQLException {
		return assign(connection, scope, replacedBoundaries, write, REWRITE_FROM);
	}

	/** As above, with the fewest changes that may be written by rebuilding the table. */
	Result assign(Connection connection, Scope scope, Map<Long, Geometry> replacedBoundaries, boolean write,
			long rewriteFrom) throws SQLException {
		List<Area> areas = loadBoundaries(connection, replacedBoundaries);
		STRtree index = new STRtree();
		for (Area area : areas) {
			index.insert(area.boundary().getGeometry().getEnvelopeInternal(), area);
		}
		long inForce = 0;
		long assigned = 0;
		long byBoundary = 0;
		long overridden = 0;
		long unassigned = 0;
		long changed = 0;
		long decided = 0;
		Map<List<Long>, MoveCount> moves = new HashMap<>();
		// The answers are collected first: a connection cannot stream a query and a COPY
		// at once.
		StringBuilder changes = new StringBuilder();
		try (PreparedStatement query = connection.prepareStatement("""
				select p.postcode, p.latitude, p.longitude, p.in_force_area, p.terminated_on is null,
				       p.neighbourhood_id, w.neighbourhood_id, o.neighbourhood_id
				from postcode p
				left join neighbourhood_ward w on w.ward_code = p.ward_code
				     and w.neighbourhood_id not in (select id from neighbourhood where retired_on is not null)
				left join postcode_override o on o.postcode = p.postcode
				     and o.neighbourhood_id not in (select id from neighbourhood where retired_on is not null)
				where\s""" + scope.condition())) {
			for (int i = 0; i < scope.parameters().size(); i++) {
				Object parameter = scope.parameters().get(i);
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
					decided++;
					String postcode = rows.getString(1);
					boolean ours = rows.getBoolean(4);
					boolean live = rows.getBoolean(5);
					Long current = nullableLong(rows, 6);
					Long byWard = nullableLong(rows, 7);
					Long byHand = nullableLong(rows, 8);
					Long target = null;
					if (ours) {
						if (byHand != null) {
							target = byHand;
							overridden += live ? 1 : 0;
						}
						else {
							Long inside = null;
							double latitude = rows.getDouble(2);
							if (!rows.wasNull() && !areas.isEmpty()) {
								inside = smallestContaining(index, rows.getDouble(3), latitude);
							}
							if (inside != null) {
								target = inside;
								byBoundary += live ? 1 : 0;
							}
							else {
								target = byWard;
							}
						}
						if (live) {
							inForce++;
							if (target != null) {
								assigned++;
							}
							else {
								unassigned++;
							}
						}
					}
					if (!Objects.equals(current, target)) {
						changed++;
						moves.computeIfAbsent(java.util.Arrays.asList(current, target), (key) -> new MoveCount())
							.add(postcode);
						changes.append(postcode).append(',');
						if (target != null) {
							changes.append(target.longValue());
						}
						changes.append('\n');
					}
				}
			}
		}
		if (write && changed > 0) {
			long rowsInTable = (scope == Scope.ALL) ? decided : estimatedRows(connection);
			write(connection, changes, PostcodeTableRewrite.pays(changed, rowsInTable, rewriteFrom));
		}
		List<Move> moveList = new ArrayList<>();
		moves.forEach((pair, count) -> moveList
			.add(new Move(pair.get(0), pair.get(1), count.postcodes, count.examples.stream().sorted().toList())));
		moveList.sort(Comparator.comparingLong(Move::postcodes).reversed());
		return new Result(new Coverage(inForce, assigned, byBoundary, overridden, unassigned, changed), moveList);
	}

	private static void write(Connection connection, StringBuilder changes, boolean rewrite) throws SQLException {
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

	private static long estimatedRows(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
				select case when reltuples < 0 then (select count(*) from postcode) else reltuples::bigint end
				from pg_class where oid = 'postcode'::regclass""")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static @Nullable Long smallestContaining(STRtree index, double longitude, double latitude) {
		Point point = Boundaries.GEOMETRY.createPoint(new Coordinate(longitude, latitude));
		Area best = null;
		for (Object candidate : index.query(point.getEnvelopeInternal())) {
			Area area = (Area) candidate;
			if (area.boundary().contains(point) && (best == null || area.size() < best.size())) {
				best = area;
			}
		}
		return (best != null) ? best.neighbourhoodId() : null;
	}

	private static @Nullable Long nullableLong(ResultSet rows, int column) throws SQLException {
		long value = rows.getLong(column);
		return rows.wasNull() ? null : value;
	}

	private static List<Area> loadBoundaries(Connection connection, Map<Long, Geometry> replaced) throws SQLException {
		List<Area> areas = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select b.neighbourhood_id, b.geojson from neighbourhood_boundary b "
							+ "join neighbourhood n on n.id = b.neighbourhood_id where n.retired_on is null")) {
			while (rows.next()) {
				if (!replaced.containsKey(rows.getLong(1))) {
					areas.add(area(rows.getLong(1), Boundaries.parse(rows.getString(2))));
				}
			}
		}
		replaced.forEach((id, geometry) -> areas.add(area(id, geometry)));
		return areas;
	}

	private static Area area(long neighbourhoodId, Geometry boundary) {
		return new Area(neighbourhoodId, PreparedGeometryFactory.prepare(boundary), boundary.getArea());
	}

	private <T> T inConnection(SqlWork<T> work) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Assigning postcodes to neighbourhoods failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	@FunctionalInterface
	interface SqlWork<T> {

		T run(Connection connection) throws SQLException;

	}

	private static final class MoveCount {

		long postcodes;

		final List<String> examples = new ArrayList<>(EXAMPLES);

		void add(String postcode) {
			this.postcodes++;
			if (this.examples.size() < EXAMPLES) {
				this.examples.add(postcode);
			}
		}

	}

}
