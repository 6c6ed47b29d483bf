package uk.yourarea.postcode;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Coordinate;
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
 * Decides which neighbourhood each of the force's postcodes belongs to. A neighbourhood
 * is made of whole wards; where it also has a boundary, every postcode whose centroid
 * lies inside that boundary is its, whatever the ward. A postcode inside two boundaries
 * goes to the smaller one (the more specific). Postcodes policed by another force belong
 * to no neighbourhood.
 */
@Service
public class CoverageAssigner {

	public record Coverage(long postcodesInForceArea, long assignedByWard, long assignedByBoundary, long unassigned) {
	}

	private record Area(long neighbourhoodId, PreparedGeometry boundary, double size) {
	}

	private static final Logger log = LoggerFactory.getLogger(CoverageAssigner.class);

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	CoverageAssigner(DataSource dataSource, TransactionTemplate transaction) {
		this.dataSource = dataSource;
		this.transaction = transaction;
	}

	public Coverage assignAll() {
		Coverage coverage = this.transaction.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				return assign(connection);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Assigning postcodes to neighbourhoods failed: " + ex.getMessage(), ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
		log.info("Postcode coverage: {}", coverage);
		return coverage;
	}

	private Coverage assign(Connection connection) throws SQLException {
		long byWard;
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate("""
					update postcode set neighbourhood_id = null
					where neighbourhood_id is not null
					  and (not in_force_area or ward_code is null
					       or ward_code not in (select ward_code from neighbourhood_ward))""");
			byWard = statement.executeUpdate("""
					update postcode p set neighbourhood_id = w.neighbourhood_id
					from neighbourhood_ward w
					where p.in_force_area and p.ward_code = w.ward_code""");
		}
		long byBoundary = assignByBoundary(connection, loadBoundaries(connection));
		try (Statement statement = connection.createStatement(); ResultSet counts = statement.executeQuery("""
				select count(*), count(*) filter (where neighbourhood_id is null)
				from postcode where in_force_area and terminated_on is null""")) {
			counts.next();
			return new Coverage(counts.getLong(1), byWard, byBoundary, counts.getLong(2));
		}
	}

	private List<Area> loadBoundaries(Connection connection) throws SQLException {
		List<Area> areas = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select neighbourhood_id, geojson from neighbourhood_boundary")) {
			while (rows.next()) {
				Geometry boundary = Boundaries.parse(rows.getString(2));
				areas.add(new Area(rows.getLong(1), PreparedGeometryFactory.prepare(boundary), boundary.getArea()));
			}
		}
		return areas;
	}

	private long assignByBoundary(Connection connection, List<Area> areas) throws SQLException {
		if (areas.isEmpty()) {
			return 0;
		}
		STRtree index = new STRtree();
		Envelope all = new Envelope();
		for (Area area : areas) {
			Envelope envelope = area.boundary().getGeometry().getEnvelopeInternal();
			index.insert(envelope, area);
			all.expandToInclude(envelope);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table postcode_boundary_match (postcode text, neighbourhood_id bigint) "
					+ "on commit drop");
		}
		// The matches are collected first: a connection cannot stream a query and a COPY
		// at once.
		StringBuilder buffer = new StringBuilder();
		try (PreparedStatement query = connection.prepareStatement("""
				select postcode, latitude, longitude from postcode
				where in_force_area and latitude between ? and ? and longitude between ? and ?""")) {
			query.setDouble(1, all.getMinY());
			query.setDouble(2, all.getMaxY());
			query.setDouble(3, all.getMinX());
			query.setDouble(4, all.getMaxX());
			query.setFetchSize(10_000);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					Point point = Boundaries.GEOMETRY.createPoint(new Coordinate(rows.getDouble(3), rows.getDouble(2)));
					Area best = null;
					for (Object candidate : index.query(point.getEnvelopeInternal())) {
						Area area = (Area) candidate;
						if (area.boundary().contains(point) && (best == null || area.size() < best.size())) {
							best = area;
						}
					}
					if (best != null) {
						buffer.append(rows.getString(1)).append(',').append(best.neighbourhoodId()).append('\n');
					}
				}
			}
		}
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy postcode_boundary_match from stdin with (format csv)");
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		copy.endCopy();
		try (Statement statement = connection.createStatement()) {
			int updated = statement.executeUpdate("""
					update postcode p set neighbourhood_id = m.neighbourhood_id
					from postcode_boundary_match m where p.postcode = m.postcode""");
			statement.execute("drop table postcode_boundary_match");
			return updated;
		}
	}

}
