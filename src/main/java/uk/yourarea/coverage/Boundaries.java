package uk.yourarea.coverage;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads neighbourhood boundaries into JTS geometries (x = longitude, y = latitude,
 * WGS84): GeoJSON (Polygon, MultiPolygon, Feature, or a FeatureCollection whose polygons
 * are merged) and data.police.uk's boundary answer, a list of {@code {"latitude": "…",
 * "longitude": "…"}} points.
 */
public final class Boundaries {

	static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Boundaries() {
	}

	public static Geometry parse(String json) {
		JsonNode root = JSON.readTree(json);
		Geometry geometry = root.isArray() ? policeUkBoundary(root) : geoJson(root);
		if (geometry.isEmpty()) {
			throw new FileProblem("coverage.file.no-polygon-in-boundary");
		}
		if (!geometry.isValid()) {
			// Self-touching rings and repeated vertices are common in published
			// boundaries.
			geometry = geometry.buffer(0);
		}
		return geometry;
	}

	/** One GeoJSON object (geometry, Feature or FeatureCollection) as a geometry. */
	static Geometry geoJson(JsonNode node) {
		String type = node.path("type").asString("");
		return switch (type) {
			case "FeatureCollection" -> {
				List<Geometry> parts = new ArrayList<>();
				for (JsonNode feature : node.path("features")) {
					parts.add(geoJson(feature));
				}
				yield GEOMETRY.buildGeometry(parts).union();
			}
			case "Feature" -> geoJson(node.path("geometry"));
			case "Polygon" -> polygon(node.path("coordinates"));
			case "MultiPolygon" -> {
				List<Polygon> polygons = new ArrayList<>();
				for (JsonNode rings : node.path("coordinates")) {
					polygons.add(polygon(rings));
				}
				yield GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
			}
			default -> throw new FileProblem("coverage.file.not-a-geometry", type);
		};
	}

	private static Polygon polygon(JsonNode rings) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new FileProblem("coverage.file.no-ring");
		}
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return GEOMETRY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions) {
		List<Coordinate> coordinates = new ArrayList<>();
		for (JsonNode position : positions) {
			coordinates.add(new Coordinate(number(position.get(0)), number(position.get(1))));
		}
		return closedRing(coordinates);
	}

	/** data.police.uk's boundary answer: a list of latitude and longitude points. */
	static Geometry policeUkBoundary(JsonNode points) {
		List<Coordinate> coordinates = new ArrayList<>();
		for (JsonNode point : points) {
			coordinates.add(new Coordinate(number(point.get("longitude")), number(point.get("latitude"))));
		}
		return GEOMETRY.createPolygon(closedRing(coordinates));
	}

	static LinearRing closedRing(List<Coordinate> coordinates) {
		if (coordinates.size() < 3) {
			throw new FileProblem("coverage.file.too-few-points");
		}
		if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
			coordinates.add(new Coordinate(coordinates.get(0)));
		}
		if (coordinates.size() < 4) {
			throw new FileProblem("coverage.file.too-few-points");
		}
		return GEOMETRY.createLinearRing(coordinates.toArray(Coordinate[]::new));
	}

	private static double number(JsonNode node) {
		if (node == null || node.isNull()) {
			throw new FileProblem("coverage.file.missing-coordinate");
		}
		double value;
		try {
			value = node.isNumber() ? node.asDouble() : Double.parseDouble(node.asString().trim());
		}
		catch (NumberFormatException ex) {
			throw new FileProblem(ex, "coverage.file.not-a-coordinate", node.toString());
		}
		if (!Double.isFinite(value) || Math.abs(value) > 180) {
			throw new FileProblem("coverage.file.coordinate-out-of-range", node.toString());
		}
		return value;
	}

	/** Writes a polygon or multipolygon as a GeoJSON geometry, longitude first. */
	public static String toGeoJson(Geometry geometry) {
		StringBuilder json = new StringBuilder();
		if (geometry instanceof Polygon polygon) {
			json.append("{\"type\":\"Polygon\",\"coordinates\":");
			appendPolygon(json, polygon);
		}
		else {
			json.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < geometry.getNumGeometries(); i++) {
				if (!(geometry.getGeometryN(i) instanceof Polygon polygon)) {
					throw new IllegalArgumentException("Only polygons can be written as a boundary");
				}
				if (i > 0) {
					json.append(',');
				}
				appendPolygon(json, polygon);
			}
			json.append(']');
		}
		return json.append('}').toString();
	}

	private static void appendPolygon(StringBuilder json, Polygon polygon) {
		json.append('[');
		appendRing(json, polygon.getExteriorRing().getCoordinates());
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			json.append(',');
			appendRing(json, polygon.getInteriorRingN(i).getCoordinates());
		}
		json.append(']');
	}

	private static void appendRing(StringBuilder json, Coordinate[] coordinates) {
		json.append('[');
		for (int i = 0; i < coordinates.length; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append('[').append(coordinates[i].x).append(',').append(coordinates[i].y).append(']');
		}
		json.append(']');
	}

}
