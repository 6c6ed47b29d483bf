package uk.yourarea.coverage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deriving boundaries from the demo's postcodes (each given to its ward's neighbourhood,
 * as the demo does) without a database: every neighbourhood gets a shape holding its
 * postcodes, inside the force area and outside the real boundary, quickly.
 */
class DerivedBoundariesTests {

	@Test
	void derivesAShapeForEveryNeighbourhoodFromItsPostcodesQuickly() throws IOException {
		Map<String, Long> neighbourhoodOfWard = new HashMap<>();
		Map<String, Long> ids = new HashMap<>();
		try (BufferedReader wards = reader("demo/ward-neighbourhoods.csv", false)) {
			wards.readLine();
			for (String line = wards.readLine(); line != null; line = wards.readLine()) {
				List<String> row = CsvLine.split(line);
				neighbourhoodOfWard.put(row.get(0), ids.computeIfAbsent(row.get(2), (code) -> (long) ids.size()));
			}
		}
		Map<Coordinate, Long> points = new HashMap<>();
		try (BufferedReader postcodes = reader("demo/codepoint-open-2014-08-LE.csv.gz", true)) {
			postcodes.readLine();
			for (String line = postcodes.readLine(); line != null; line = postcodes.readLine()) {
				List<String> row = CsvLine.split(line);
				Long id = neighbourhoodOfWard.get(row.get(9));
				if (id != null && row.get(16).equals("Y")) {
					points.put(new Coordinate(Double.parseDouble(row.get(12)), Double.parseDouble(row.get(11))), id);
				}
			}
		}
		Geometry forceArea = Boundaries.parse(text("demo/force-area-leicestershire.geojson"));
		Geometry cityCentre = Boundaries.parse(text("demo/boundary-NC04.geojson"));

		long started = System.nanoTime();
		Map<Long, Geometry> shapes = DerivedBoundaries.derive(points, forceArea, List.of(cityCentre));
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(millis).as("milliseconds to derive").isLessThan(5_000);
		assertThat(shapes.keySet()).containsExactlyInAnyOrderElementsOf(ids.values());
		double total = 0;
		for (Geometry shape : shapes.values()) {
			assertThat(shape.isValid()).isTrue();
			assertThat(shape.intersection(cityCentre).getArea()).isLessThan(DerivedBoundariesIT.NO_AREA);
			assertThat(shape.difference(forceArea).getArea()).isLessThan(DerivedBoundariesIT.NO_AREA);
			total += shape.getArea();
		}
		assertThat(total + cityCentre.getArea()).as("together they cover the force area")
			.isCloseTo(forceArea.getArea(), org.assertj.core.data.Percentage.withPercentage(1));
		int inOwn = 0;
		int counted = 0;
		for (Map.Entry<Coordinate, Long> point : points.entrySet()) {
			Point at = Boundaries.GEOMETRY.createPoint(point.getKey());
			if (counted++ % 50 == 0 && forceArea.contains(at) && !cityCentre.contains(at)) {
				inOwn += shapes.get(point.getValue()).intersects(at) ? 1 : 0;
			}
		}
		assertThat(inOwn).as("sampled postcodes inside their own neighbourhood's shape")
			.isGreaterThan((int) (0.97 * (counted / 50)));
	}

	private static BufferedReader reader(String resource, boolean gzipped) throws IOException {
		var in = new ClassPathResource(resource).getInputStream();
		return new BufferedReader(
				new InputStreamReader(gzipped ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
	}

	private static String text(String resource) throws IOException {
		return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
	}

}
