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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Reads an uploaded boundary file into its features, each a checked polygon or
 * multipolygon with the words that may name its neighbourhood (a code or name property, a
 * KML placemark's name, or the file's own name). Takes GeoJSON (a Feature, a
 * FeatureCollection or a bare geometry), data.police.uk's boundary answer (a list of
 * latitude and longitude points), KML (the format data.police.uk's boundary downloads
 * come in), and a zip of any of them.
 */
final class BoundaryFiles {

	/**
	 * A boundary read from a file: how to refer to it (words of staff.properties:
	 * "NC.kml, placemark 3 ("Wigston")"), what may name it, its shape.
	 */
	record Feature(MessageSourceResolvable label, List<String> names, Geometry geometry) {
	}

	/**
	 * Everything wrong with a file, each as words of staff.properties for the person who
	 * uploaded it.
	 */
	static final class Problems extends RuntimeException {

		private final List<MessageSourceResolvable> problems;

		Problems(List<MessageSourceResolvable> problems) {
			super(problems.size() + " problems in the boundary file", null, false, false);
			this.problems = List.copyOf(problems);
		}

		List<MessageSourceResolvable> problems() {
			return this.problems;
		}

	}

	/** Properties that may hold a neighbourhood's code or name, most telling first. */
	static final List<String> NAME_PROPERTIES = List.of("code", "neighbourhood_code", "neighbourhoodcode", "id",
			"neighbourhood", "name", "neighbourhood_name", "neighbourhoodname", "title");

	private static final Logger log = LoggerFactory.getLogger(BoundaryFiles.class);

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
		List<MessageSourceResolvable> problems = new ArrayList<>();
		List<Feature> features = new ArrayList<>();
		readInto(new Reading(limits), fileName, content, features, problems);
		if (problems.isEmpty() && features.isEmpty()) {
			problems.add(words("coverage.file.no-boundaries", fileName));
		}
		if (!problems.isEmpty()) {
			throw new Problems(problems);
		}
		return features;
	}

	private static void readInto(Reading reading, String fileName, byte[] content, List<Feature> features,
			List<MessageSourceResolvable> problems) {
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
			problems.add(words("coverage.file.not-a-boundary-file", fileName));
		}
	}

	private static void readZip(Reading reading, String fileName, byte[] content, List<Feature> features,
			List<MessageSourceResolvable> problems) {
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
			problems.add(words("coverage.file.not-a-zip", fileName));
			return;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (files == 0 && problems.isEmpty()) {
			problems.add(words("coverage.file.no-boundary-files", fileName));
		}
	}

	private static void readJson(Reading reading, String fileName, byte[] content, List<Feature> features,
			List<MessageSourceResolvable> problems) {
		JsonNode root;
		try {
			reading.measureJson(fileName, content);
			root = JSON.readTree(content);
		}
		catch (JacksonException ex) {
			problems.add(words("coverage.file.not-json", fileName));
			return;
		}
		if (root == null || root.isMissingNode() || root.isNull()) {
			problems.add(words("coverage.file.empty", fileName));
			return;
		}
		if (root.isArray()) {
			add(features, problems, asIs(fileName), namesFromFileName(fileName),
					() -> Boundaries.policeUkBoundary(root));
			return;
		}
		String type = root.path("type").asString("");
		switch (type) {
			case "FeatureCollection" -> {
				int number = 0;
				for (JsonNode feature : root.path("features")) {
					number++;
					readFeature(words("coverage.file.feature", fileName, number), feature, features, problems);
				}
			}
			case "Feature" -> readFeature(asIs(fileName), root, features, problems);
			case "Polygon", "MultiPolygon" ->
				add(features, problems, asIs(fileName), namesFromFileName(fileName), () -> Boundaries.geoJson(root));
			default -> problems.add(type.isEmpty() ? words("coverage.file.not-geojson", fileName)
					: words("coverage.file.not-geojson-type", fileName, type));
		}
	}

	private static void readFeature(MessageSourceResolvable where, JsonNode feature, List<Feature> features,
			List<MessageSourceResolvable> problems) {
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
		MessageSourceResolvable label = named(where, names);
		JsonNode geometry = feature.path("geometry");
		if (!geometry.isObject()) {
			problems.add(words("coverage.file.no-geometry", label));
			return;
		}
		add(features, problems, label, names, () -> Boundaries.geoJson(geometry));
	}

	private static void readKml(Reading reading, String fileName, byte[] content, List<Feature> features,
			List<MessageSourceResolvable> problems) {
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
							placemark = new Placemark(words("coverage.file.placemark", fileName, number));
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
								MessageSourceResolvable where = placemark.label;
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
								catch (FileProblem ex) {
									placemark.problem = words("coverage.file.problem-at", where, ex);
								}
								catch (IllegalArgumentException ex) {
									placemark.problem = words("coverage.file.problem-at", where,
											words("coverage.file.unreadable-shape"));
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
				problems.add(words("coverage.file.not-kml", fileName));
			}
		}
		catch (XMLStreamException ex) {
			problems.add(words("coverage.file.not-xml", fileName));
		}
	}

	private static void finish(Placemark placemark, List<Feature> features, List<MessageSourceResolvable> problems) {
		List<String> names = new ArrayList<>();
		for (String key : NAME_PROPERTIES) {
			String value = placemark.data.get(key);
			if (value != null && !value.isEmpty()) {
				names.add(value);
			}
		}
		names.addAll(placemark.names.stream().filter((name) -> !name.isEmpty()).toList());
		MessageSourceResolvable label = named(placemark.label, names);
		if (placemark.problem != null) {
			problems.add(placemark.problem);
			return;
		}
		if (placemark.polygons.isEmpty()) {
			problems.add(words("coverage.file.no-polygon", label));
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
				throw new FileProblem("coverage.file.not-a-point", tuple);
			}
			try {
				points.add(new Coordinate(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
			}
			catch (NumberFormatException ex) {
				throw new FileProblem(ex, "coverage.file.not-a-point", tuple);
			}
		}
		return Boundaries.closedRing(points);
	}

	private static void add(List<Feature> features, List<MessageSourceResolvable> problems,
			MessageSourceResolvable label, List<String> names, java.util.function.Supplier<Geometry> reader) {
		Geometry geometry;
		try {
			geometry = reader.get();
		}
		catch (FileProblem ex) {
			problems.add(words("coverage.file.problem-at", label, ex));
			return;
		}
		catch (IllegalArgumentException | JacksonException ex) {
			// What JTS or Jackson found, in their own English: the log has it.
			log.info("A boundary file could not be read: {}", ex.getMessage());
			problems.add(words("coverage.file.problem-at", label, words("coverage.file.unreadable-shape")));
			return;
		}
		MessageSourceResolvable problem = problemWith(geometry);
		if (problem != null) {
			problems.add(words("coverage.file.problem-at", label, problem));
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
	static @Nullable MessageSourceResolvable problemWith(Geometry geometry) {
		if (geometry.isEmpty()) {
			return words("coverage.file.no-area");
		}
		Envelope box = geometry.getEnvelopeInternal();
		if (box.getMinY() < -90 || box.getMaxY() > 90 || box.getMinX() < -180 || box.getMaxX() > 180) {
			return words("coverage.file.not-wgs84");
		}
		TopologyValidationError error = new IsValidOp(geometry).getValidationError();
		if (error != null && error.getErrorType() != TopologyValidationError.RING_SELF_INTERSECTION) {
			double everyPart = GeometryFixer.fix(geometry).getArea();
			double repaired = geometry.buffer(0).getArea();
			if (everyPart == 0 || Math.abs(everyPart - repaired) / everyPart > REPAIR_TOLERANCE) {
				Coordinate at = error.getCoordinate();
				MessageSourceResolvable what = words(invalidKey(error.getErrorType()));
				return (at != null) ? words("coverage.file.invalid-near", what, at.x, at.y)
						: words("coverage.file.invalid", what);
			}
		}
		if (repair(geometry).getArea() == 0) {
			return words("coverage.file.no-area");
		}
		return null;
	}

	/** The key of what JTS found wrong with a polygon. */
	private static String invalidKey(int errorType) {
		return switch (errorType) {
			case TopologyValidationError.REPEATED_POINT -> "coverage.file.invalid.repeated-point";
			case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "coverage.file.invalid.hole-outside-shell";
			case TopologyValidationError.NESTED_HOLES -> "coverage.file.invalid.nested-holes";
			case TopologyValidationError.DISCONNECTED_INTERIOR -> "coverage.file.invalid.disconnected-interior";
			case TopologyValidationError.SELF_INTERSECTION -> "coverage.file.invalid.self-intersection";
			case TopologyValidationError.NESTED_SHELLS -> "coverage.file.invalid.nested-shells";
			case TopologyValidationError.DUPLICATE_RINGS -> "coverage.file.invalid.duplicate-rings";
			case TopologyValidationError.TOO_FEW_POINTS -> "coverage.file.invalid.too-few-points";
			case TopologyValidationError.INVALID_COORDINATE -> "coverage.file.invalid.invalid-coordinate";
			case TopologyValidationError.RING_NOT_CLOSED -> "coverage.file.invalid.ring-not-closed";
			default -> "coverage.file.invalid.other";
		};
	}

	/** A file's name, which names a boundary read from the whole file. */
	private static MessageSourceResolvable asIs(String fileName) {
		return new DefaultMessageSourceResolvable(null, null, fileName);
	}

	/** Where a boundary is, with the first name found for it: {@code … ("Wigston")}. */
	private static MessageSourceResolvable named(MessageSourceResolvable where, List<String> names) {
		return names.isEmpty() ? where : words("coverage.file.named", where, names.get(0));
	}

	private static MessageSourceResolvable words(String key, Object... arguments) {
		return FileProblem.words(key, arguments);
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

		final MessageSourceResolvable label;

		final List<String> names = new ArrayList<>();

		final Map<String, String> data = new LinkedHashMap<>();

		final List<Polygon> polygons = new ArrayList<>();

		@Nullable MessageSourceResolvable problem;

		Placemark(MessageSourceResolvable label) {
			this.label = label;
		}

	}

}
