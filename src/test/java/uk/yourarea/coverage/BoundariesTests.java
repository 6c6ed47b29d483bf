package uk.yourarea.coverage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import org.springframework.context.support.ResourceBundleMessageSource;

import uk.yourarea.testing.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BoundariesTests {

	private static final String GEOJSON = "demo/boundary-NC04.geojson";

	private static final String POLICE_API = "data/police-api/NC04-boundary.json";

	@Test
	void realCityCentreBoundaryAgreesWithTheContainmentTableAwayFromTheEdge() throws IOException {
		assertAgreesWithTheContainmentTable(Boundaries.parse(TestFiles.text(GEOJSON)));
	}

	/**
	 * An upload reads features one by one and repairs them its own way: the real
	 * boundary, uploaded as GeoJSON, as data.police.uk's answer or as KML, gives the same
	 * answers.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { GEOJSON, POLICE_API, "NC04.kml" })
	void realCityCentreBoundaryUploadedAgreesWithTheContainmentTableAwayFromTheEdge(String file) throws IOException {
		byte[] content = file.endsWith(".kml")
				? kml(Boundaries.parse(TestFiles.text(POLICE_API))).getBytes(StandardCharsets.UTF_8)
				: TestFiles.bytes(file);
		List<BoundaryFiles.Feature> features = BoundaryFiles.read(Path.of(file).getFileName().toString(), content);
		assertThat(features).hasSize(1);
		assertThat(features.get(0).names()).contains("NC04");
		assertThat(features.get(0).geometry().isValid()).isTrue();
		assertAgreesWithTheContainmentTable(features.get(0).geometry());
	}

	/** The boundary as a KML placemark, as data.police.uk's downloads give it. */
	private static String kml(Geometry boundary) {
		StringBuilder coordinates = new StringBuilder();
		for (Coordinate point : ((org.locationtech.jts.geom.Polygon) boundary.getGeometryN(0)).getExteriorRing()
			.getCoordinates()) {
			coordinates.append(point.x).append(',').append(point.y).append(",0 ");
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>NC04</name>
				<Polygon><outerBoundaryIs><LinearRing><coordinates>%s</coordinates></LinearRing></outerBoundaryIs></Polygon>
				</Placemark></Document></kml>"""
			.formatted(coordinates);
	}

	private static void assertAgreesWithTheContainmentTable(Geometry boundary) throws IOException {
		PreparedGeometry cityCentre = PreparedGeometryFactory.prepare(boundary);
		List<String> disagreements = new ArrayList<>();
		int checked = 0;
		int inside = 0;
		List<String> lines = TestFiles.lines("data/police-api/NC04-postcode-containment.csv");
		for (String line : lines.subList(1, lines.size())) {
			String[] field = line.split(",");
			if (Double.parseDouble(field[4]) <= 10) {
				continue;
			}
			boolean expected = field[3].equals("Y");
			boolean actual = cityCentre.contains(Boundaries.GEOMETRY
				.createPoint(new Coordinate(Double.parseDouble(field[2]), Double.parseDouble(field[1]))));
			if (expected != actual) {
				disagreements.add(field[0]);
			}
			checked++;
			inside += expected ? 1 : 0;
		}
		assertThat(checked).isGreaterThan(1000);
		assertThat(inside).isGreaterThan(250);
		assertThat(disagreements).isEmpty();
	}

	@Test
	void theGeoJsonAndThePoliceApiBoundaryAreTheSameShape() throws IOException {
		Geometry fromGeoJson = Boundaries.parse(TestFiles.text(GEOJSON));
		Geometry fromPoliceApi = Boundaries.parse(TestFiles.text(POLICE_API));
		assertThat(fromGeoJson.symDifference(fromPoliceApi).getArea()).isLessThan(1e-12);
	}

	@Test
	void readsFeaturesMultiPolygonsAndWritesThemBack() {
		String multi = """
				{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[
				  [[[0,0],[1,0],[1,1],[0,1],[0,0]]],
				  [[[2,2],[3,2],[3,3],[2,3],[2,2]]]]}}""";
		Geometry geometry = Boundaries.parse(multi);
		assertThat(geometry.getNumGeometries()).isEqualTo(2);
		assertThat(geometry.getArea()).isEqualTo(2.0);
		assertThat(Boundaries.parse(Boundaries.toGeoJson(geometry)).equalsExact(geometry)).isTrue();
	}

	@Test
	void closesAnOpenRing() {
		Geometry triangle = Boundaries.parse("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[0,4]]]}");
		assertThat(triangle.getArea()).isEqualTo(8.0);
	}

	@Test
	void refusesWhatIsNotABoundaryInTheWordsOfTheBundle() {
		ResourceBundleMessageSource staff = new ResourceBundleMessageSource();
		staff.setBasename("staff");
		staff.setDefaultEncoding("UTF-8");
		assertThatExceptionOfType(FileProblem.class)
			.isThrownBy(() -> Boundaries.parse("{\"type\":\"Point\",\"coordinates\":[0,0]}"))
			.satisfies((ex) -> assertThat(staff.getMessage(ex, Locale.UK))
				.isEqualTo("Expected a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection, not \"Point\""));
		assertThatExceptionOfType(FileProblem.class)
			.isThrownBy(() -> Boundaries.parse("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1]]]}"))
			.satisfies((ex) -> assertThat(staff.getMessage(ex, Locale.UK))
				.isEqualTo("A boundary ring needs at least three points"));
		assertThatExceptionOfType(FileProblem.class)
			.isThrownBy(() -> Boundaries.parse("[{\"latitude\":\"52.6\",\"longitude\":\"abc\"}]"))
			.satisfies((ex) -> assertThat(staff.getMessage(ex, Locale.UK))
				.isEqualTo("A boundary coordinate is not a number: \"abc\""));
	}

}
