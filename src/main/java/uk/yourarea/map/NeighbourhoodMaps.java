package uk.yourarea.map;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import org.springframework.stereotype.Service;

import uk.yourarea.coverage.NeighbourhoodShapes;
import uk.yourarea.coverage.NeighbourhoodShapes.Shape;
import uk.yourarea.neighbourhood.PublicNeighbourhoods;
import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.web.Languages;
import uk.yourarea.web.TextIn;

/**
 * Draws the maps of the public site from the neighbourhoods' stored boundaries: one
 * neighbourhood with the neighbourhoods around it, and the whole force. The shapes are
 * simplified (JTS, keeping their topology) until they fit a budget of points, and written
 * as SVG paths in whole units. Drawing one takes milliseconds, so a map is kept until the
 * shapes are read again.
 */
@Service
public class NeighbourhoodMaps {

	/** The most points the outline of the neighbourhood itself may have. */
	public static final int MAX_POINTS = 300;

	/** The most points all the neighbouring shapes together may have. */
	public static final int MAX_NEIGHBOUR_POINTS = 400;

	/** The most points the force map's shapes together may have. */
	public static final int MAX_FORCE_POINTS = 2000;

	static final int AREA_WIDTH = 600;

	static final int FORCE_WIDTH = 640;

	/** How much room is left around a neighbourhood: a fifth of its size on each side. */
	static final double MARGIN = 0.2;

	/** A shape drawn on a map, with where its name goes. */
	public record Outline(long neighbourhoodId, String name, String slug, String path, boolean approximate, long labelX,
			long labelY, int points) {
	}

	/**
	 * A neighbourhood's map: its own outline, those of the neighbourhoods next to it
	 * (drawn lighter, with their names), and what the boundary covers in words: its
	 * postcode districts and the names of its wards, in the page's language where there
	 * is one (else marked as English), A to Z.
	 */
	public record AreaMap(String viewBox, int width, int height, Outline area, List<Outline> neighbours,
			List<Marker> places, List<String> postcodeDistricts, List<TextIn> wards) {

		public boolean approximate() {
			return this.area.approximate();
		}

	}

	/** A station or hub marked on a map, where its name goes beside it. */
	public record Marker(String name, long x, long y, long labelX, String anchor) {
	}

	/** A station or hub to mark: its name and postcode. */
	public record Place(String name, String postcode) {
	}

	/** The whole force, each neighbourhood's shape a link to its page. */
	public record ForceMap(String viewBox, int width, int height, List<Outline> outlines) {
	}

	/** How many neighbourhood maps are kept drawn: the most read. */
	static final int MAPS_KEPT = 1_000;

	/** A map asked for: its neighbourhood, the places marked and the page's language. */
	private record Asked(long neighbourhoodId, List<Place> places, Locale language) {
	}

	/**
	 * A map drawn from this version of the shapes. The shapes are read again only after a
	 * change that can alter them or the names on them, so a map drawn from another
	 * version is out of date.
	 */
	private record Drawn<M>(long version, M map) {
	}

	private final Cache<Asked, Drawn<Optional<AreaMap>>> drawn = Caffeine.newBuilder().maximumSize(MAPS_KEPT).build();

	private volatile @Nullable Drawn<Optional<ForceMap>> forceDrawn;

	/** The version of the shapes the kept maps were last drawn from. */
	private volatile long drawnFrom = -1;

	private final NeighbourhoodShapes shapes;

	private final PublicNeighbourhoods neighbourhoods;

	private final PostcodeTable postcodes;

	NeighbourhoodMaps(NeighbourhoodShapes shapes, PublicNeighbourhoods neighbourhoods, PostcodeTable postcodes) {
		this.shapes = shapes;
		this.neighbourhoods = neighbourhoods;
		this.postcodes = postcodes;
	}

	/** The map of one live neighbourhood, or empty when it has no boundary. */
	public Optional<AreaMap> of(long neighbourhoodId) {
		return of(neighbourhoodId, List.of());
	}

	/**
	 * The map of one live neighbourhood with its stations and hubs marked (those within
	 * the picture), or empty when it has no boundary.
	 */
	public Optional<AreaMap> of(long neighbourhoodId, List<Place> places) {
		long version = currentVersion();
		Asked asked = new Asked(neighbourhoodId, List.copyOf(places), Languages.current());
		Drawn<Optional<AreaMap>> kept = this.drawn.getIfPresent(asked);
		if (kept != null && kept.version() == version) {
			return kept.map();
		}
		Optional<AreaMap> map = draw(this.shapes.all(), neighbourhoodId, places);
		this.drawn.put(asked, new Drawn<>(version, map));
		return map;
	}

	/**
	 * The version of the shapes, read before the shapes themselves (so a map is never
	 * marked newer than what it was drawn from); the maps of an older version go.
	 */
	private long currentVersion() {
		long version = this.shapes.version();
		if (version != this.drawnFrom) {
			this.drawn.invalidateAll();
			this.forceDrawn = null;
			this.drawnFrom = version;
		}
		return version;
	}

	private Optional<AreaMap> draw(List<Shape> all, long neighbourhoodId, List<Place> places) {
		Shape own = all.stream().filter((shape) -> shape.neighbourhoodId() == neighbourhoodId).findFirst().orElse(null);
		if (own == null) {
			return Optional.empty();
		}
		Map<Long, PublicNeighbourhoods.Listed> named = named();
		PublicNeighbourhoods.Listed itself = named.get(neighbourhoodId);
		if (itself == null) {
			return Optional.empty();
		}
		Envelope box = new Envelope(own.outline().getEnvelopeInternal());
		double margin = MARGIN * Math.max(box.getWidth(), box.getHeight());
		box.expandBy(margin);
		Projection projection = Projection.of(box, AREA_WIDTH);
		Geometry frame = own.outline().getFactory().toGeometry(box);
		Outline area = outline(projection, own, itself, simplified(own.outline(), projection.unit(), MAX_POINTS));
		double touching = projection.unit() * 2;
		List<Shape> around = all.stream()
			.filter((shape) -> shape.neighbourhoodId() != neighbourhoodId && named.containsKey(shape.neighbourhoodId()))
			.filter((shape) -> shape.outline().getEnvelopeInternal().intersects(box))
			.filter((shape) -> shape.outline().isWithinDistance(own.outline(), touching))
			.toList();
		List<Outline> neighbours = new ArrayList<>();
		int budget = around.isEmpty() ? 0 : MAX_NEIGHBOUR_POINTS / around.size();
		for (Shape shape : around) {
			Geometry inFrame = shape.outline().intersection(frame);
			if (inFrame.getArea() > 0) {
				neighbours.add(outline(projection, shape, named.get(shape.neighbourhoodId()),
						simplified(inFrame, projection.unit() * 2, Math.max(budget, 8))));
			}
		}
		neighbours.sort(Comparator.comparing(Outline::name));
		return Optional.of(new AreaMap(projection.viewBox(), projection.width(), projection.height(), area,
				List.copyOf(neighbours), markers(projection, box, places), own.postcodeDistricts(),
				wardsIn(own.wards(), Languages.current())));
	}

	/** The names of wards as a page in this language shows them, A to Z. */
	static List<TextIn> wardsIn(List<NeighbourhoodShapes.Ward> wards, Locale language) {
		Collator order = Collator.getInstance(language);
		return wards.stream()
			.map((ward) -> TextIn.choose(language, ward.name(), ward.nameCy()))
			.sorted(Comparator.comparing(TextIn::toString, order))
			.toList();
	}

	/** The map of the whole force, or empty when no neighbourhood has a boundary. */
	public Optional<ForceMap> force() {
		long version = currentVersion();
		Drawn<Optional<ForceMap>> kept = this.forceDrawn;
		if (kept != null && kept.version() == version) {
			return kept.map();
		}
		Optional<ForceMap> map = drawForce(this.shapes.all());
		this.forceDrawn = new Drawn<>(version, map);
		return map;
	}

	private Optional<ForceMap> drawForce(List<Shape> all) {
		Map<Long, PublicNeighbourhoods.Listed> named = named();
		List<Shape> shown = all.stream().filter((shape) -> named.containsKey(shape.neighbourhoodId())).toList();
		if (shown.isEmpty()) {
			return Optional.empty();
		}
		Envelope box = new Envelope();
		shown.forEach((shape) -> box.expandToInclude(shape.outline().getEnvelopeInternal()));
		Projection projection = Projection.of(box, FORCE_WIDTH);
		int budget = MAX_FORCE_POINTS / shown.size();
		List<Outline> outlines = shown.stream()
			.map((shape) -> outline(projection, shape, named.get(shape.neighbourhoodId()),
					simplified(shape.outline(), projection.unit() * 2, budget)))
			.sorted(Comparator.comparing(Outline::name))
			.toList();
		return Optional.of(new ForceMap(projection.viewBox(), projection.width(), projection.height(), outlines));
	}

	private List<Marker> markers(Projection projection, Envelope box, List<Place> places) {
		Map<String, PostcodeTable.Place> where = this.postcodes
			.places(places.stream().map(Place::postcode).distinct().toList());
		List<Marker> markers = new ArrayList<>();
		for (Place place : places) {
			PostcodeTable.Place at = where.get(place.postcode());
			if (at != null && box.contains(at.longitude(), at.latitude())) {
				long x = projection.x(at.longitude());
				boolean left = x > projection.width() * 2 / 3;
				markers.add(new Marker(place.name(), x, projection.y(at.latitude()), left ? x - 9 : x + 9,
						left ? "end" : "start"));
			}
		}
		return List.copyOf(markers);
	}

	private Map<Long, PublicNeighbourhoods.Listed> named() {
		return this.neighbourhoods.all()
			.stream()
			.collect(Collectors.toMap(PublicNeighbourhoods.Listed::id, Function.identity()));
	}

	private static Outline outline(Projection projection, Shape shape, PublicNeighbourhoods.Listed neighbourhood,
			Geometry simplified) {
		Point label = labelPoint(simplified, projection.unit());
		// A name is kept whole inside the picture: about 7 units a letter, centred.
		long halfName = neighbourhood.name().length() * 7L / 2 + 4;
		long x = Math.max(halfName, Math.min(projection.width() - halfName, projection.x(label.getX())));
		long y = Math.max(16, Math.min(projection.height() - 6, projection.y(label.getY())));
		return new Outline(shape.neighbourhoodId(), neighbourhood.name(), neighbourhood.slug(),
				projection.path(simplified), shape.approximate(), x, y, simplified.getNumPoints());
	}

	/** The middle of the largest circle inside the shape: where a name fits best. */
	private static Point labelPoint(Geometry shape, double unit) {
		return MaximumInscribedCircle.getCenter(shape, unit * 2);
	}

	/**
	 * A shape simplified until it has at most {@code maxPoints} points, starting from a
	 * tolerance of {@code tolerance} (about what one unit of the picture shows).
	 */
	static Geometry simplified(Geometry shape, double tolerance, int maxPoints) {
		Geometry visible = withoutSpecks(shape, 4 * tolerance * tolerance);
		Geometry simple = TopologyPreservingSimplifier.simplify(visible, tolerance);
		double next = tolerance;
		for (int tries = 0; simple.getNumPoints() > maxPoints && tries < 40; tries++) {
			next *= 1.5;
			visible = withoutSpecks(visible, 4 * next * next);
			simple = TopologyPreservingSimplifier.simplify(visible, next);
		}
		return simple;
	}

	/**
	 * The shape without the parts and holes too small to see (but never without its
	 * largest part): slivers left where boundaries were clipped.
	 */
	static Geometry withoutSpecks(Geometry shape, double smallest) {
		List<Polygon> parts = new ArrayList<>();
		Polygon largest = null;
		for (int i = 0; i < shape.getNumGeometries(); i++) {
			if (shape.getGeometryN(i) instanceof Polygon polygon) {
				if (largest == null || polygon.getArea() > largest.getArea()) {
					largest = polygon;
				}
				if (polygon.getArea() >= smallest) {
					List<LinearRing> holes = new ArrayList<>();
					for (int hole = 0; hole < polygon.getNumInteriorRing(); hole++) {
						LinearRing ring = polygon.getInteriorRingN(hole);
						if (shape.getFactory().createPolygon(ring).getArea() >= smallest) {
							holes.add(ring);
						}
					}
					parts.add(shape.getFactory()
						.createPolygon(polygon.getExteriorRing(), holes.toArray(LinearRing[]::new)));
				}
			}
		}
		if (parts.isEmpty() && largest != null) {
			parts.add(largest);
		}
		return (parts.size() == 1) ? parts.get(0)
				: shape.getFactory().createMultiPolygon(parts.toArray(Polygon[]::new));
	}

}
