package uk.yourarea.coverage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an uploaded boundary file into its features, each a checked polygon or
 * multipolygon with the words that may name its neighbourhood (a code or name property, a
 * KML placemark's name, or the file's own name). Takes GeoJSON (a Feature, a
 * FeatureCollection or a bare geometry), data.police.uk's boundary answer (a list of
 * latitude and longitude points), KML (the format data.police.uk's boundary downloads
 * come in), and a zip of any of them.
 */
final class BoundaryFiles {

	/** A boundary read from a file: how to refer to it, what may name it, its shape. */
	record Feature(String label, List<String> names, Geometry geometry) {
	}

	/** Everything wrong with a file, each in words for the person who uploaded it. */
	static final class Problems extends RuntimeException {

		private final List<String> problems;

		Problems(List<String> problems) {
			super(String.join("; ", problems), null, false, false);
			this.problems = List.copyOf(problems);
		}

		List<String> problems() {
			return this.problems;
		}

	}

	/** Properties that may hold a neighbourhood's code or name, most telling first. */
	static final List<String> NAME_PROPERTIES = List.of("code", "neighbourhood_code", "neighbourhoodcode", "id",
			"neighbourhood", "name", "neighbourhood_name", "neighbourhoodname", "title");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * How deep a boundary file's JSON may be nested: a FeatureCollection of MultiPolygons
	 * is eight deep.
	 */
	static final int MAX_JSON_DEPTH = 20;

	private BoundaryFiles() {
	}

	static boolean isBoundaryFileName(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		return name.endsWith(".geojson") || name.endsWith(".json") || name.endsWith(".kml") || name.endsWith(".zip");
	}

	/**
	 * Reads every feature of a file.
	 * @throws Problems when the file or any feature in it cannot be used
	 */
	static List<Feature> read(String fileName, byte[] content) {
		return read(fileName, content,
				FileLimits.defaults().forBoundaries(CoverageProperties.defaults().maxBoundaryFileSize()));
	}

	/**
	 * Reads every feature of a file within limits: the entries of a zip and what it
	 * unpacks to, how deep its JSON is nested, and how many points it has.
	 * @throws Problems when the file or any feature in it cannot be used
	 * @throws FileLimits.Exceeded when it passes a limit: nothing more of it is read
	 */
	static List<Feature> read(String fileName, byte[] content, FileLimits limits) {
		List<String> problems = new ArrayList<>();
		List<Feature> features = new ArrayList<>();
		readInto(new Reading(limits), fileName, content, features, problems);
		if (problems.isEmpty() && features.isEmpty()) {
			problems.add(fileName + " has no boundaries in it");
		}
		if (!problems.isEmpty()) {
			throw new Problems(problems);
		}
		return features;
	}

	private static void readInto(Reading reading, String fileName, byte[] content, List<Feature> features,
			List<String> problems) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".zip")) {
			readZip(reading, fileName, content, features, problems);
		}
		else if (lower.endsWith(".kml")) {
			readKml(reading, fileName, content, features, problems);
		}
		else if (lower.endsWith(".geojson") || lower.endsWith(".json")) {
			readJson(reading, fileName, content, features, problems);
		}
		else {
			problems.add(fileName + " is not a boundary file: upload GeoJSON (.geojson or .json), KML (.kml) "
					+ "or a zip of them");
		}
	}

	private static void readZip(Reading reading, String fileName, byte[] content, List<Feature> features,
			List<String> problems) {
		int files = 0;
		AtomicLong packed = new AtomicLong();
		FileLimits.Budget budget = reading.limits.budget(packed::get);
		try (ZipInputStream zip = new ZipInputStream(
				new UploadedFiles.Counting(new ByteArrayInputStream(content), packed))) {
			// Every entry is unpacked through the budget, those left out too: skipping
			// one
			// unpacks it all the same.
			InputStream counted = budget.count(zip);
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				budget.entry();
				String name = entry.getName();
				String lower = name.toLowerCase(Locale.ROOT);
				if (entry.isDirectory() || lower.startsWith("__macosx/")
						|| !(lower.endsWith(".kml") || lower.endsWith(".geojson") || lower.endsWith(".json"))) {
					counted.transferTo(OutputStream.nullOutputStream());
					continue;
				}
				files++;
				readInto(reading, name, counted.readAllBytes(), features, problems);
			}
		}
		catch (ZipException ex) {
			problems.add(fileName + " is not a zip file that can be opened");
			return;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (files == 0 && problems.isEmpty()) {
			problems.add(fileName + " has no GeoJSON or KML files in it");
		}
	}

	private static void readJson(Reading reading, String fileName, byte[] content, List<Feature> features,
			List<String> problems) {
		JsonNode root;
		try {
			reading.measureJson(fileName, content);
			root = JSON.readTree(content);
		}
		catch (JacksonException ex) {
			problems.add(fileName + " is not GeoJSON: it is not valid JSON");
			return;
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			problems.add(fileName + " is empty");
			return;
		}
		if (root.isArray()) {
			add(features, problems, fileName, namesFromFileName(fileName), () -> Boundaries.policeUkBoundary(root));
			return;
		}
		String type = root.path("type").asString("");
		switch (type) {
			case "FeatureCollection" -> {
				int number = 0;
				for (JsonNode feature : root.path("features")) {
					number++;
					readFeature(fileName + ", feature " + number, feature, features, problems);
				}
			}
			case "Feature" -> readFeature(fileName, root, features, problems);
			case "Polygon", "MultiPolygon" ->
				add(features, problems, fileName, namesFromFileName(fileName), () -> Boundaries.geoJson(root));
			default -> problems.add(fileName + " is not GeoJSON boundaries: expected a FeatureCollection, Feature, "
					+ "Polygon or MultiPolygon" + (type.isEmpty() ? "" : ", not a " + type));
		}
	}

	private static void readFeature(String where, JsonNode feature, List<Feature> features, List<String> problems) {
		List<String> names = new ArrayList<>();
		JsonNode properties = feature.path("properties");
		Map<String, String> byKey = new LinkedHashMap<>();
		if (properties.isObject()) {
			for (String key : properties.propertyNames()) {
				JsonNode value = properties.get(key);
				if (value != null && (value.isString() || value.isNumber())) {
					byKey.putIfAbsent(key.toLowerCase(Locale.ROOT), value.asString().strip());
				}
			}
		}
		if (feature.hasNonNull("id") && (feature.get("id").isString() || feature.get("id").isNumber())) {
			byKey.putIfAbsent("id", feature.get("id").asString().strip());
		}
		for (String key : NAME_PROPERTIES) {
			String value = byKey.get(key);
			if (value != null && !value.isEmpty()) {
				names.add(value);
			}
		}
		String label = names.isEmpty() ? where : where + " (\"" + names.get(0) + "\")";
		JsonNode geometry = feature.path("geometry");
		if (!geometry.isObject()) {
			problems.add(label + " has no geometry");
			return;
		}
		add(features, problems, label, names, () -> Boundaries.geoJson(geometry));
	}

	private static void readKml(Reading reading, String fileName, byte[] content, List<Feature> features,
			List<String> problems) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try {
			XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
			Placemark placemark = null;
			String dataName = null;
			List<LinearRing> rings = new ArrayList<>();
			boolean inner = false;
			boolean inPolygon = false;
			int number = 0;
			boolean sawKml = false;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String element = xml.getLocalName();
					switch (element) {
						case "kml" -> sawKml = true;
						case "Placemark" -> {
							number++;
							placemark = new Placemark(fileName + ", placemark " + number);
						}
						case "name" -> {
							if (placemark != null) {
								placemark.names.add(xml.getElementText().strip());
							}
						}
						case "Data" -> dataName = xml.getAttributeValue(null, "name");
						case "value" -> {
							if (placemark != null && dataName != null) {
								placemark.data.put(dataName.toLowerCase(Locale.ROOT), xml.getElementText().strip());
							}
						}
						case "SimpleData" -> {
							if (placemark != null) {
								String name = xml.getAttributeValue(null, "name");
								String value = xml.getElementText().strip();
								if (name != null) {
									placemark.data.put(name.toLowerCase(Locale.ROOT), value);
								}
							}
						}
						case "Polygon" -> {
							rings.clear();
							inPolygon = true;
						}
						case "outerBoundaryIs" -> inner = false;
						case "innerBoundaryIs" -> inner = true;
						case "coordinates" -> {
							if (placemark != null && inPolygon) {
								String where = placemark.label;
								try {
									LinearRing ring = ring(reading, fileName, xml.getElementText());
									if (inner) {
										rings.add(ring);
									}
									else {
										rings.add(0, ring);
									}
								}
								catch (FileLimits.Exceeded ex) {
									throw ex;
								}
								catch (IllegalArgumentException ex) {
									placemark.problem = where + ": " + ex.getMessage();
								}
							}
						}
						default -> {
						}
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					String element = xml.getLocalName();
					if (element.equals("Polygon")) {
						inPolygon = false;
					}
					if (element.equals("Polygon") && placemark != null && !rings.isEmpty()) {
						placemark.polygons.add(Boundaries.GEOMETRY.createPolygon(rings.get(0),
								rings.subList(1, rings.size()).toArray(LinearRing[]::new)));
						rings.clear();
					}
					else if (element.equals("Data")) {
						dataName = null;
					}
					else if (element.equals("Placemark") && placemark != null) {
						finish(placemark, features, problems);
						placemark = null;
					}
				}
			}
			if (!sawKml) {
				problems.add(fileName + " is not KML");
			}
		}
		catch (XMLStreamException ex) {
			problems.add(fileName + " is not KML: it is not well-formed XML");
		}
	}

	private static void finish(Placemark placemark, List<Feature> features, List<String> problems) {
		List<String> names = new ArrayList<>();
		for (String key : NAME_PROPERTIES) {
			String value = placemark.data.get(key);
			if (value != null && !value.isEmpty()) {
				names.add(value);
			}
		}
		names.addAll(placemark.names.stream().filter((name) -> !name.isEmpty()).toList());
		String label = names.isEmpty() ? placemark.label : placemark.label + " (\"" + names.get(0) + "\")";
		if (placemark.problem != null) {
			problems.add(placemark.problem);
			return;
		}
		if (placemark.polygons.isEmpty()) {
			problems.add(label + " has no polygon");
			return;
		}
		add(features, problems, label, names,
				() -> Boundaries.GEOMETRY.createMultiPolygon(placemark.polygons.toArray(Polygon[]::new)));
	}

	private static LinearRing ring(Reading reading, String fileName, String coordinates) {
		List<Coordinate> points = new ArrayList<>();
		for (String tuple : coordinates.strip().split("\\s+")) {
			if (tuple.isEmpty()) {
				continue;
			}
			reading.point(fileName);
			String[] parts = tuple.split(",");
			if (parts.length < 2) {
				throw new IllegalArgumentException("\"" + tuple + "\" is not a longitude,latitude point");
			}
			try {
				points.add(new Coordinate(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("\"" + tuple + "\" is not a longitude,latitude point");
			}
		}
		return Boundaries.closedRing(points);
	}

	private static void add(List<Feature> features, List<String> problems, String label, List<String> names,
			java.util.function.Supplier<Geometry> reader) {
		Geometry geometry;
		try {
			geometry = reader.get();
		}
		catch (IllegalArgumentException | JacksonException ex) {
			problems.add(label + ": " + ex.getMessage());
			return;
		}
		String problem = problemWith(geometry);
		if (problem != null) {
			problems.add(label + ": " + problem);
			return;
		}
		features.add(new Feature(label, List.copyOf(names), repair(geometry)));
	}

	/**
	 * What is wrong with a boundary, or {@code null}. Published boundaries often have
	 * rings that touch themselves or cross themselves in tiny loops (the real City Centre
	 * boundary does); these are repaired when the repair keeps the shape (its area within
	 * {@value #REPAIR_TOLERANCE} of every part of it). Edges that cross in a way that
	 * leaves the shape ambiguous (a figure of eight), holes outside their polygon and the
	 * like are refused with where they are.
	 */
	static @Nullable String problemWith(Geometry geometry) {
		if (geometry.isEmpty()) {
			return "the boundary has no area";
		}
		Envelope box = geometry.getEnvelopeInternal();
		if (box.getMinY() < -90 || box.getMaxY() > 90 || box.getMinX() < -180 || box.getMaxX() > 180) {
			return "the coordinates are not longitude and latitude (WGS84)";
		}
		TopologyValidationError error = new IsValidOp(geometry).getValidationError();
		if (error != null && error.getErrorType() != TopologyValidationError.RING_SELF_INTERSECTION) {
			double everyPart = GeometryFixer.fix(geometry).getArea();
			double repaired = geometry.buffer(0).getArea();
			if (everyPart == 0 || Math.abs(everyPart - repaired) / everyPart > REPAIR_TOLERANCE) {
				Coordinate at = error.getCoordinate();
				return "the boundary is not a valid polygon (" + error.getMessage().toLowerCase(Locale.ROOT)
						+ ((at != null) ? " near longitude %.5f, latitude %.5f".formatted(at.x, at.y) : "") + ")";
			}
		}
		if (repair(geometry).getArea() == 0) {
			return "the boundary has no area";
		}
		return null;
	}

	/** How much a repair may change a boundary's area: 0.5%. */
	static final double REPAIR_TOLERANCE = 0.005;

	/** A boundary as a valid geometry (see {@link #problemWith}). */
	static Geometry repair(Geometry geometry) {
		return geometry.isValid() ? geometry : geometry.buffer(0);
	}

	static List<String> namesFromFileName(String fileName) {
		String base = fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
		List<String> names = new ArrayList<>();
		names.add(base);
		String first = base.split("[^A-Za-z0-9]+")[0];
		if (!first.isEmpty() && !first.equals(base)) {
			names.add(first);
		}
		return names;
	}

	/** One file being read: its limits and the points counted so far. */
	private static final class Reading {

		private final FileLimits limits;

		private long points;

		Reading(FileLimits limits) {
			this.limits = limits;
		}

		/** Counts a point of a KML boundary. */
		void point(String fileName) {
			if (++this.points > this.limits.maxBoundaryPoints()) {
				throw this.limits.exceeded("coverage.limit.points", fileName, this.limits.maxBoundaryPoints());
			}
		}

		/**
		 * Walks a JSON file without building anything, and refuses it when it is nested
		 * deeper than GeoJSON ever is or holds more points than a boundary upload may:
		 * only then is it read into memory. A point is three values ({@code [longitude,
		 * latitude]}, or data.police.uk's {@code {"latitude": …, "longitude": …}}).
		 */
		void measureJson(String fileName, byte[] content) {
			long values = 0;
			long allowed = 3L * this.limits.maxBoundaryPoints() + 10_000;
			try (JsonParser parser = JSON.createParser(content)) {
				for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
					if (token.isStructStart() && parser.streamReadContext().getNestingDepth() > MAX_JSON_DEPTH) {
						throw this.limits.exceeded("coverage.limit.json-depth", fileName, MAX_JSON_DEPTH);
					}
					if ((token.isStructStart() || token.isScalarValue()) && ++values > allowed) {
						throw this.limits.exceeded("coverage.limit.points", fileName, this.limits.maxBoundaryPoints());
					}
				}
			}
		}

	}

	private static final class Placemark {

		final String label;

		final List<String> names = new ArrayList<>();

		final Map<String, String> data = new LinkedHashMap<>();

		final List<Polygon> polygons = new ArrayList<>();

		String problem;

		Placemark(String label) {
			this.label = label;
		}

	}

}
