package uk.yourarea.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.web.PublicContentChanged;

/**
 * The shapes of the live neighbourhoods, for maps: each boundary (real, or derived from
 * the neighbourhood's postcodes and so approximate) lightly simplified, with the postcode
 * districts and the named wards it covers. A derived shape has every real boundary taken
 * out of it, so a real boundary saved after it was derived still never overlaps it. Read
 * once and kept until a change that can alter them commits: a change of coverage
 * (boundaries, postcodes, ward names) or of a neighbourhood (one going live or retiring).
 * Other public changes (an alert, a priority, an event) keep them: reading them again
 * means reading every postcode.
 */
@Service
public class NeighbourhoodShapes {

	/**
	 * A neighbourhood's shape (x longitude, y latitude, WGS84).
	 *
	 * @param approximate whether it was derived from postcodes rather than published
	 * @param postcodeDistricts the outward codes ("LE1") of its live postcodes
	 * @param wards the wards of its live postcodes that have a name, in no order
	 */
	public record Shape(long neighbourhoodId, boolean approximate, Geometry outline, List<String> postcodeDistricts,
			List<Ward> wards) {
	}

	/**
	 * A ward by its ONS code, with its name ("Castle", without " Ward") and its Welsh
	 * name where one is known.
	 */
	public record Ward(String code, String name, @Nullable String nameCy) {
	}

	/** Simplification kept for every shape: about ten metres. */
	static final double TOLERANCE = 0.0001;

	private final JdbcTemplate jdbc;

	private final CoverageNeighbourhoods neighbourhoods;

	private final PostcodeTable postcodes;

	private final WardNames wardNames;

	/**
	 * The shapes read, if any, and how many times they have been forgotten: shapes read
	 * while a change committed are not kept, since they may be the old ones.
	 */
	private record Kept(long forgotten, @Nullable List<Shape> shapes) {
	}

	private final AtomicReference<Kept> kept = new AtomicReference<>(new Kept(0, null));

	NeighbourhoodShapes(JdbcTemplate jdbc, CoverageNeighbourhoods neighbourhoods, PostcodeTable postcodes,
			WardNames wardNames) {
		this.jdbc = jdbc;
		this.neighbourhoods = neighbourhoods;
		this.postcodes = postcodes;
		this.wardNames = wardNames;
	}

	/** The shapes of every live neighbourhood that has a boundary. */
	public List<Shape> all() {
		Kept before = this.kept.get();
		if (before.shapes() != null) {
			return before.shapes();
		}
		List<Shape> shapes = read();
		this.kept.compareAndSet(before, new Kept(before.forgotten(), shapes));
		return shapes;
	}

	/**
	 * How many times the shapes have been forgotten: what {@link #all()} answers changes
	 * only when this does.
	 */
	public long version() {
		return this.kept.get().forgotten();
	}

	/**
	 * Forgets the shapes read, once a change that can alter them commits: before the page
	 * caches empty themselves, so that no page is drawn again with the old shapes.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void forget(PublicContentChanged change) {
		if (change.mayChangePlaces()) {
			this.kept.updateAndGet((kept) -> new Kept(kept.forgotten() + 1, null));
		}
	}

	private List<Shape> read() {
		Set<Long> live = this.neighbourhoods.liveIds();
		record Stored(long id, Geometry geometry, boolean derived) {
		}
		List<Stored> stored = new ArrayList<>();
		this.jdbc.query("select neighbourhood_id, geojson, derived from neighbourhood_boundary", (row) -> {
			if (live.contains(row.getLong(1))) {
				stored.add(new Stored(row.getLong(1), Boundaries.parse(row.getString(2)), row.getBoolean(3)));
			}
		});
		List<Geometry> real = stored.stream().filter((shape) -> !shape.derived()).map(Stored::geometry).toList();
		Geometry allReal = real.isEmpty() ? null : CascadedPolygonUnion.union(real);
		Map<Long, List<String>> districts = this.postcodes.liveOutwardCodesPerNeighbourhood();
		Map<Long, List<String>> wardCodes = this.postcodes.liveWardCodesPerNeighbourhood();
		Map<String, Ward> named = this.wardNames
			.of(wardCodes.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
		List<Shape> shapes = new ArrayList<>();
		for (Stored shape : stored) {
			Geometry outline = shape.geometry();
			if (shape.derived() && allReal != null && outline.intersects(allReal)) {
				outline = outline.difference(allReal);
			}
			outline = TopologyPreservingSimplifier.simplify(outline, TOLERANCE);
			if (!outline.isEmpty()) {
				List<Ward> wards = wardCodes.getOrDefault(shape.id(), List.of())
					.stream()
					.map(named::get)
					.filter(Objects::nonNull)
					.toList();
				shapes.add(new Shape(shape.id(), shape.derived(), outline,
						List.copyOf(districts.getOrDefault(shape.id(), List.of())), wards));
			}
		}
		return List.copyOf(shapes);
	}

}
