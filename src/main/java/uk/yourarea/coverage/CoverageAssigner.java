package uk.yourarea.coverage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.postcode.PostcodeTable;

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
 * set-based update (or, for a large share of the table, by building the table afresh: see
 * {@link PostcodeTable#writeNeighbourhoods}). The work can be limited to a
 * {@link PostcodeTable.Selection}: the postcodes of some wards, a box around changed
 * boundaries, or one postcode.
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

	private record Area(long neighbourhoodId, PreparedGeometry boundary, double size) {
	}

	static final int EXAMPLES = 5;

	/**
	 * The fewest changes written by building the postcode table afresh; fewer are updated
	 * in place (see {@link PostcodeTable#rewritePays}).
	 */
	static final long REWRITE_FROM = 50_000;

	private static final Logger log = LoggerFactory.getLogger(CoverageAssigner.class);

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final CoverageNeighbourhoods neighbourhoods;

	CoverageAssigner(DataSource dataSource, TransactionTemplate transaction, CoverageNeighbourhoods neighbourhoods) {
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.neighbourhoods = neighbourhoods;
	}

	/**
	 * Decides every postcode again, in a transaction of its own or the caller's (after
	 * the command-line import and the demo data load). Previews made before it can no
	 * longer be applied.
	 */
	public Coverage assignAll() {
		Coverage coverage = Objects.requireNonNull(this.transaction.execute((status) -> inConnection((connection) -> {
			Coverage result = assign(connection, PostcodeTable.Selection.ALL, Map.of(), true).coverage();
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
	Result assign(Connection connection, PostcodeTable.Selection scope, Map<Long, Geometry> replacedBoundaries,
			boolean write) throws SQLException {
		return assign(connection, scope, replacedBoundaries, write, REWRITE_FROM);
	}

	/** As above, with the fewest changes that may be written by rebuilding the table. */
	Result assign(Connection connection, PostcodeTable.Selection scope, Map<Long, Geometry> replacedBoundaries,
			boolean write, long rewriteFrom) throws SQLException {
		Set<Long> live = this.neighbourhoods.liveIds();
		List<Area> areas = loadBoundaries(connection, replacedBoundaries, live);
		STRtree index = new STRtree();
		for (Area area : areas) {
			index.insert(area.boundary().getGeometry().getEnvelopeInternal(), area);
		}
		Map<List<Long>, MoveCount> moves = new HashMap<>();
		Map<String, Long> wardOwners = liveOwners(connection,
				"select ward_code, neighbourhood_id from neighbourhood_ward", live);
		Map<String, Long> givenByHand = liveOwners(connection,
				"select postcode, neighbourhood_id from postcode_override", live);
		// The answers are collected first: a connection cannot stream a query and a COPY
		// at once.
		StringBuilder changes = new StringBuilder();
		Counts counts = new Counts();
		long decided = PostcodeTable.forEach(connection, scope, (postcode) -> {
			boolean ours = postcode.inForceArea();
			boolean alive = postcode.live();
			Long current = postcode.neighbourhoodId();
			Long target = null;
			if (ours) {
				Long byHand = givenByHand.get(postcode.postcode());
				if (byHand != null) {
					target = byHand;
					counts.overridden += alive ? 1 : 0;
				}
				else {
					Long inside = null;
					if (postcode.latitude() != null && postcode.longitude() != null && !areas.isEmpty()) {
						inside = smallestContaining(index, postcode.longitude(), postcode.latitude());
					}
					if (inside != null) {
						target = inside;
						counts.byBoundary += alive ? 1 : 0;
					}
					else {
						target = (postcode.wardCode() != null) ? wardOwners.get(postcode.wardCode()) : null;
					}
				}
				if (alive) {
					counts.inForce++;
					if (target != null) {
						counts.assigned++;
					}
					else {
						counts.unassigned++;
					}
				}
			}
			if (!Objects.equals(current, target)) {
				counts.changed++;
				moves.computeIfAbsent(Arrays.asList(current, target), (key) -> new MoveCount())
					.add(postcode.postcode());
				changes.append(postcode.postcode()).append(',');
				if (target != null) {
					changes.append(target.longValue());
				}
				changes.append('\n');
			}
		});
		if (write && counts.changed > 0) {
			long rowsInTable = (scope == PostcodeTable.Selection.ALL) ? decided
					: PostcodeTable.estimatedRows(connection);
			PostcodeTable.writeNeighbourhoods(connection, changes,
					PostcodeTable.rewritePays(counts.changed, rowsInTable, rewriteFrom));
		}
		List<Move> moveList = new ArrayList<>();
		moves.forEach((pair, count) -> moveList
			.add(new Move(pair.get(0), pair.get(1), count.postcodes, count.examples.stream().sorted().toList())));
		moveList.sort(Comparator.comparingLong(Move::postcodes).reversed());
		return new Result(new Coverage(counts.inForce, counts.assigned, counts.byBoundary, counts.overridden,
				counts.unassigned, counts.changed), moveList);
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

	private static List<Area> loadBoundaries(Connection connection, Map<Long, Geometry> replaced, Set<Long> live)
			throws SQLException {
		List<Area> areas = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select neighbourhood_id, geojson from neighbourhood_boundary where not derived")) {
			while (rows.next()) {
				long neighbourhoodId = rows.getLong(1);
				if (live.contains(neighbourhoodId) && !replaced.containsKey(neighbourhoodId)) {
					areas.add(area(neighbourhoodId, Boundaries.parse(rows.getString(2))));
				}
			}
		}
		replaced.forEach((id, geometry) -> areas.add(area(id, geometry)));
		return areas;
	}

	/**
	 * Ward or postcode to the live neighbourhood it is given to: a retired
	 * neighbourhood's wards and overrides count for nothing.
	 */
	private static Map<String, Long> liveOwners(Connection connection, String query, Set<Long> live)
			throws SQLException {
		Map<String, Long> owners = new HashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				if (live.contains(rows.getLong(2))) {
					owners.put(rows.getString(1), rows.getLong(2));
				}
			}
		}
		return owners;
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

	/** What an assignment has counted so far. */
	private static final class Counts {

		long inForce;

		long assigned;

		long byBoundary;

		long overridden;

		long unassigned;

		long changed;

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
