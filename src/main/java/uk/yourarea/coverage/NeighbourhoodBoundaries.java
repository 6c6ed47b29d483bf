package uk.yourarea.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored neighbourhood boundaries, read-only, for other features: a boundary's
 * points, a point inside it, and which boundaries contain a point. Each call reads the
 * table afresh: there is one small row per neighbourhood, and boundaries change rarely.
 */
@Service
public class NeighbourhoodBoundaries {

	/** A point in WGS84 degrees. */
	public record LatLng(double latitude, double longitude) {
	}

	private final JdbcTemplate jdbc;

	NeighbourhoodBoundaries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The outer ring of each polygon of the neighbourhood's boundary, each ring closed
	 * (its last point is its first), largest polygon first; empty if it has none.
	 */
	@Transactional(readOnly = true)
	public List<List<LatLng>> outline(long neighbourhoodId) {
		return geometry(neighbourhoodId).map(NeighbourhoodBoundaries::rings).orElse(List.of());
	}

	/** A point inside the neighbourhood's boundary (its centroid when that is inside). */
	@Transactional(readOnly = true)
	public Optional<LatLng> pointInside(long neighbourhoodId) {
		return geometry(neighbourhoodId).map((boundary) -> {
			Point centroid = boundary.getCentroid();
			Point inside = boundary.contains(centroid) ? centroid : boundary.getInteriorPoint();
			return new LatLng(inside.getY(), inside.getX());
		});
	}

	/**
	 * The neighbourhoods whose boundary contains the point, the smallest boundary first
	 * (as postcodes are given to the smallest containing boundary).
	 */
	@Transactional(readOnly = true)
	public List<Long> containing(double latitude, double longitude) {
		Point point = Boundaries.GEOMETRY.createPoint(new Coordinate(longitude, latitude));
		List<Geometry> found = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		this.jdbc.query("select neighbourhood_id, geojson from neighbourhood_boundary", (row) -> {
			Geometry boundary = Boundaries.parse(row.getString("geojson"));
			if (boundary.getEnvelopeInternal().contains(point.getCoordinate()) && boundary.contains(point)) {
				boundary.setUserData(row.getLong("neighbourhood_id"));
				found.add(boundary);
			}
		});
		found.sort(Comparator.comparingDouble(Geometry::getArea));
		found.forEach((boundary) -> ids.add((Long) boundary.getUserData()));
		return ids;
	}

	private Optional<Geometry> geometry(long neighbourhoodId) {
		return this.jdbc
			.queryForList("select geojson from neighbourhood_boundary where neighbourhood_id = ?", String.class,
					neighbourhoodId)
			.stream()
			.findFirst()
			.map(Boundaries::parse);
	}

	private static List<List<LatLng>> rings(Geometry boundary) {
		List<Polygon> polygons = new ArrayList<>();
		for (int i = 0; i < boundary.getNumGeometries(); i++) {
			if (boundary.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
				polygons.add(polygon);
			}
		}
		polygons.sort(Comparator.comparingDouble(Polygon::getArea).reversed());
		List<List<LatLng>> rings = new ArrayList<>();
		for (Polygon polygon : polygons) {
			List<LatLng> ring = new ArrayList<>();
			for (Coordinate coordinate : polygon.getExteriorRing().getCoordinates()) {
				ring.add(new LatLng(coordinate.getY(), coordinate.getX()));
			}
			rings.add(List.copyOf(ring));
		}
		return List.copyOf(rings);
	}

}
