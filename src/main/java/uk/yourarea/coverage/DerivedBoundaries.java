package uk.yourarea.coverage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.postcode.PostcodeTable;

/**
 * Gives every live neighbourhood without a boundary an approximate one worked out from
 * its own postcodes: the Voronoi cells of the force's postcode points (each cell the
 * ground nearer that postcode than any other), merged per neighbourhood, clipped to the
 * force area and with every real boundary taken out, so a derived shape never overlaps a
 * real one. Derived boundaries are stored with {@code derived = true}: they are shown as
 * approximate, {@link CoverageAssigner} ignores them (they follow the postcodes, they do
 * not decide them), and a real boundary saved for the neighbourhood replaces its derived
 * one.
 */
@Component
public class DerivedBoundaries {

	/** Coordinates are kept to about a metre (five decimal places of a degree). */
	private static final PrecisionModel METRE = new PrecisionModel(100_000);

	private static final Logger log = LoggerFactory.getLogger(DerivedBoundaries.class);

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final CoverageNeighbourhoods neighbourhoods;

	DerivedBoundaries(JdbcTemplate jdbc, DataSource dataSource, CoverageNeighbourhoods neighbourhoods) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.neighbourhoods = neighbourhoods;
	}

	/**
	 * Derives and saves a boundary for each live neighbourhood that has none (of either
	 * kind), from where the postcodes are assigned now. Does nothing when every live
	 * neighbourhood has one, so it can run on every start.
	 * @param forceArea the force's area (longitude, latitude)
	 * @return how many boundaries were saved
	 */
	@Transactional
	public int deriveMissing(Geometry forceArea) {
		long started = System.nanoTime();
		Set<Long> live = this.neighbourhoods.liveIds();
		Set<Long> without = new HashSet<>(live);
		without.removeAll(this.jdbc.queryForList("select neighbourhood_id from neighbourhood_boundary", Long.class));
		if (without.isEmpty()) {
			return 0;
		}
		List<Geometry> real = new ArrayList<>();
		this.jdbc.queryForList("select geojson from neighbourhood_boundary where not derived", String.class)
			.forEach((geojson) -> real.add(Boundaries.parse(geojson)));
		Map<Long, Geometry> shapes = derive(postcodePoints(live), forceArea, real);
		int saved = 0;
		for (long id : without) {
			Geometry shape = shapes.get(id);
			if (shape != null && !shape.isEmpty()) {
				this.jdbc.update("""
						insert into neighbourhood_boundary (neighbourhood_id, geojson, source, source_args, derived)
						values (?, ?, ?, ?, true) on conflict (neighbourhood_id) do nothing""", id,
						Boundaries.toGeoJson(shape), BoundarySources.DERIVED.text(),
						BoundarySources.DERIVED.argsColumn());
				saved++;
			}
		}
		if (saved > 0) {
			// Boundaries changed: what NeighbourhoodBoundaries keeps is out of date.
			this.jdbc.update("update coverage_state set version = version + 1 where id = 1");
		}
		log.info("Derived approximate boundaries for {} of {} neighbourhoods without one (in {} ms)", saved,
				without.size(), (System.nanoTime() - started) / 1_000_000);
		return saved;
	}

	/** The live postcodes' points, each with the live neighbourhood it belongs to. */
	private Map<Coordinate, Long> postcodePoints(Set<Long> live) {
		Map<Coordinate, Long> points = new HashMap<>();
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			PostcodeTable.forEach(connection, PostcodeTable.Selection.ALL, (postcode) -> {
				Long id = postcode.neighbourhoodId();
				if (postcode.live() && postcode.inForceArea() && id != null && live.contains(id)
						&& postcode.latitude() != null && postcode.longitude() != null) {
					points.putIfAbsent(new Coordinate(postcode.longitude(), postcode.latitude()), id);
				}
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the postcodes failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		return points;
	}

	/**
	 * Each neighbourhood's shape: the merged Voronoi cells of its points, within the
	 * force area and outside every real boundary. The cells are worked out with longitude
	 * scaled by the cosine of the latitude, so "nearer" means nearer on the ground.
	 * @param points postcode points (longitude, latitude) to neighbourhood id
	 */
	static Map<Long, Geometry> derive(Map<Coordinate, Long> points, Geometry forceArea, List<Geometry> real) {
		Map<Long, Geometry> shapes = new HashMap<>();
		if (points.isEmpty()) {
			return shapes;
		}
		double middle = forceArea.getEnvelopeInternal().centre().y;
		AffineTransformation toGround = AffineTransformation.scaleInstance(Math.cos(Math.toRadians(middle)), 1);
		AffineTransformation fromGround = AffineTransformation.scaleInstance(1 / Math.cos(Math.toRadians(middle)), 1);
		Map<Coordinate, Long> onGround = new HashMap<>();
		points.forEach((point, id) -> {
			Coordinate scaled = new Coordinate(point);
			toGround.transform(scaled, scaled);
			onGround.putIfAbsent(scaled, id);
		});
		Envelope clip = toGround.transform(forceArea).getEnvelopeInternal();
		clip.expandBy(0.01);
		VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
		voronoi.setSites(onGround.keySet());
		voronoi.setClipEnvelope(clip);
		Geometry cells = voronoi.getDiagram(Boundaries.GEOMETRY);
		Map<Long, List<Geometry>> cellsOf = new HashMap<>();
		for (int i = 0; i < cells.getNumGeometries(); i++) {
			Geometry cell = cells.getGeometryN(i);
			Long id = onGround.get((Coordinate) cell.getUserData());
			if (id != null) {
				cellsOf.computeIfAbsent(id, (key) -> new ArrayList<>()).add(cell);
			}
		}
		Geometry outside = real.isEmpty() ? null : CascadedPolygonUnion.union(real);
		cellsOf.forEach((id, parts) -> {
			// Rounded before clipping, so that rounding cannot push it over a real
			// boundary.
			Geometry shape = GeometryPrecisionReducer.reduce(fromGround.transform(merged(parts)), METRE);
			shape = shape.intersection(forceArea);
			if (outside != null) {
				shape = shape.difference(outside);
			}
			Geometry polygons = polygonsOf(shape);
			if (!polygons.isEmpty()) {
				shapes.put(id, polygons);
			}
		});
		return shapes;
	}

	/**
	 * Voronoi cells share their edges exactly, so they merge as a coverage (fast); should
	 * they not, by overlay.
	 */
	private static Geometry merged(List<Geometry> cells) {
		Geometry collection = Boundaries.GEOMETRY.buildGeometry(cells);
		try {
			return CoverageUnion.union(collection);
		}
		catch (TopologyException ex) {
			return CascadedPolygonUnion.union(cells);
		}
	}

	/** Only the polygons of a geometry (an intersection can leave lines and points). */
	@SuppressWarnings("unchecked")
	private static Geometry polygonsOf(Geometry geometry) {
		List<Polygon> polygons = PolygonExtracter.getPolygons(geometry);
		polygons.removeIf((polygon) -> polygon.getArea() == 0);
		if (polygons.size() == 1) {
			return polygons.get(0);
		}
		return Boundaries.GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
	}

}
