package uk.yourarea.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored neighbourhood boundaries, read-only, for other features: a boundary's
 * points, a point inside it, and which boundaries contain a point.
 * <p>
 * Finding the boundaries that contain a point (the open data API's
 * {@code locate-neighbourhood}) would mean parsing every boundary on every request, so
 * the parsed boundaries are kept, prepared for point-in-polygon tests, together with the
 * coverage version they were read at. Every change to boundaries raises that version in
 * its own transaction, on whichever instance makes it, so one primary-key read per
 * request tells whether the kept ones are still the stored ones.
 */
@Service
public class NeighbourhoodBoundaries {

	/** A point in WGS84 degrees. */
	public record LatLng(double latitude, double longitude) {
	}

	private record Indexed(long coverageVersion, List<Prepared> boundaries) {
	}

	private record Prepared(long neighbourhoodId, PreparedGeometry geometry, double area) {
	}

	private final JdbcTemplate jdbc;

	private final AtomicReference<@Nullable Indexed> kept = new AtomicReference<>();

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
		List<Prepared> found = new ArrayList<>();
		for (Prepared boundary : index().boundaries()) {
			if (boundary.geometry().getGeometry().getEnvelopeInternal().contains(point.getCoordinate())
					&& boundary.geometry().contains(point)) {
				found.add(boundary);
			}
		}
		found.sort(Comparator.comparingDouble(Prepared::area));
		return found.stream().map(Prepared::neighbourhoodId).toList();
	}

	private Indexed index() {
		long version = Objects
			.requireNonNull(this.jdbc.queryForObject("select version from coverage_state where id = 1", Long.class));
		Indexed indexed = this.kept.get();
		if (indexed == null || indexed.coverageVersion() != version) {
			List<Prepared> boundaries = new ArrayList<>();
			this.jdbc.query("select neighbourhood_id, geojson from neighbourhood_boundary", (row) -> {
				Geometry boundary = Boundaries.parse(row.getString("geojson"));
				boundaries.add(new Prepared(row.getLong("neighbourhood_id"), PreparedGeometryFactory.prepare(boundary),
						boundary.getArea()));
			});
			indexed = new Indexed(version, List.copyOf(boundaries));
			this.kept.set(indexed);
		}
		return indexed;
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
