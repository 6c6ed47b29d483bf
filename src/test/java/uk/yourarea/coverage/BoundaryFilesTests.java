package uk.yourarea.coverage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading uploaded boundary files: GeoJSON, KML, zips, and what is wrong with them, in
 * the words of staff.properties.
 */
class BoundaryFilesTests {

	private static final ResourceBundleMessageSource STAFF = new ResourceBundleMessageSource();

	static {
		STAFF.setBasename("staff");
		STAFF.setDefaultEncoding("UTF-8");
	}

	private static final String SQUARE = "[[[0,50],[1,50],[1,51],[0,51],[0,50]]]";

	@Test
	void readsKmlPlacemarksWithSeveralPolygonsAndTheirData() {
		String kml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Force</name>
				<Placemark><name>Harbour and Docks</name>
				  <ExtendedData><Data name="code"><value>NX01</value></Data></ExtendedData>
				  <MultiGeometry>
				    <Polygon><outerBoundaryIs><LinearRing><coordinates>0,50,0 1,50,0 1,51,0 0,51,0 0,50,0</coordinates></LinearRing></outerBoundaryIs>
				      <innerBoundaryIs><LinearRing><coordinates>0.2,50.2 0.4,50.2 0.4,50.4 0.2,50.2</coordinates></LinearRing></innerBoundaryIs></Polygon>
				    <Polygon><outerBoundaryIs><LinearRing><coordinates>2,50 3,50 3,51 2,51</coordinates></LinearRing></outerBoundaryIs></Polygon>
				  </MultiGeometry>
				</Placemark></Document></kml>""";

		List<BoundaryFiles.Feature> features = BoundaryFiles.read("force.kml", kml.getBytes(StandardCharsets.UTF_8));

		assertThat(features).singleElement().satisfies((feature) -> {
			assertThat(feature.names()).containsExactly("NX01", "Harbour and Docks");
			assertThat(feature.geometry().getNumGeometries()).isEqualTo(2);
			assertThat(feature.geometry().getArea()).isCloseTo(2.0 - 0.02, org.assertj.core.data.Offset.offset(1e-9));
		});
	}

	@Test
	void namesFeaturesOfAZipByTheirFilesWhenTheyNameNothingThemselves() throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("leicestershire/NA54.geojson"));
			out.write(("{\"type\":\"Polygon\",\"coordinates\":" + SQUARE + "}").getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("leicestershire/NA55-boundary.json"));
			out.write(
					"[{\"latitude\":\"50\",\"longitude\":\"0\"},{\"latitude\":\"50\",\"longitude\":\"1\"},{\"latitude\":\"51\",\"longitude\":\"1\"}]"
						.getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("README.txt"));
			out.write("not a boundary".getBytes(StandardCharsets.UTF_8));
		}

		List<BoundaryFiles.Feature> features = BoundaryFiles.read("boundaries.zip", zip.toByteArray());

		assertThat(features).extracting(BoundaryFiles.Feature::names)
			.containsExactly(List.of("NA54"), List.of("NA55-boundary", "NA55"));
	}

	@Test
	void saysWhatIsWrongWithEachFeature() {
		String file = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","properties":{"code":"NA54"},"geometry":null},
				 {"type":"Feature","properties":{"code":"NA55"},"geometry":{"type":"Point","coordinates":[0,50]}},
				 {"type":"Feature","properties":{"code":"NA56"},"geometry":{"type":"Polygon","coordinates":[[[0,50],[1,51],[1,50],[0,51],[0,50]]]}},
				 {"type":"Feature","properties":{"code":"NA57"},"geometry":{"type":"Polygon","coordinates":[[[0,95],[1,95],[1,96],[0,95]]]}},
				 {"type":"Feature","properties":{"code":"NA58"},"geometry":{"type":"Polygon","coordinates":%s}}]}"""
			.formatted(SQUARE);

		assertThatExceptionOfType(BoundaryFiles.Problems.class)
			.isThrownBy(() -> BoundaryFiles.read("mixed.geojson", file.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(words(ex.problems())).containsExactly(
					"mixed.geojson, feature 1 (\"NA54\") has no geometry",
					"mixed.geojson, feature 2 (\"NA55\"): Expected a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection, not \"Point\"",
					"mixed.geojson, feature 3 (\"NA56\"): the boundary is not a valid polygon (self-intersection near longitude 0.50000, latitude 50.50000)",
					"mixed.geojson, feature 4 (\"NA57\"): the coordinates are not longitude and latitude (WGS84)"));
	}

	@Test
	void repairsARingThatOnlyTouchesItselfOrLoopsATinyBit() {
		// A figure with a ring touching itself at one point: valid in shape, not in form.
		String touching = "{\"type\":\"Polygon\",\"coordinates\":[[[0,50],[2,50],[2,52],[1,50],[0,52],[0,50]]]}";
		assertThat(BoundaryFiles.read("NA54.geojson", touching.getBytes(StandardCharsets.UTF_8))).singleElement()
			.satisfies((feature) -> assertThat(feature.geometry().isValid()).isTrue());
		// A spike that crosses back over itself by a hair.
		String loop = "{\"type\":\"Polygon\",\"coordinates\":[[[0,50],[1,50],[1,51],[0.5,51],[0.5001,50.9999],[0.4999,50.9999],[0.5,51],[0,51],[0,50]]]}";
		assertThat(BoundaryFiles.read("NA54.geojson", loop.getBytes(StandardCharsets.UTF_8))).singleElement()
			.satisfies((feature) -> assertThat(feature.geometry().getArea()).isCloseTo(1.0,
					org.assertj.core.data.Offset.offset(0.001)));
	}

	@Test
	void refusesKmlThatReachesForOtherFiles() {
		String kml = """
				<?xml version="1.0"?>
				<!DOCTYPE kml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<kml><Document><Placemark><name>&secret;</name></Placemark></Document></kml>""";
		assertThatExceptionOfType(BoundaryFiles.Problems.class)
			.isThrownBy(() -> BoundaryFiles.read("evil.kml", kml.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(String.join(" ", words(ex.problems()))).isNotBlank().doesNotContain("root:"));
	}

	@Test
	void refusesWhatIsNotABoundaryFile() {
		assertThatExceptionOfType(BoundaryFiles.Problems.class)
			.isThrownBy(() -> BoundaryFiles.read("a.geojson",
					"{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(words(ex.problems())).containsExactly("a.geojson has no boundaries in it"));
		assertThatExceptionOfType(BoundaryFiles.Problems.class)
			.isThrownBy(() -> BoundaryFiles.read("a.zip", "PK not really".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(words(ex.problems()))
				.containsExactly("a.zip has no GeoJSON or KML files in it"));
		assertThatExceptionOfType(BoundaryFiles.Problems.class)
			.isThrownBy(() -> BoundaryFiles.read("a.kml",
					"<kml><Placemark><name>NA54</name><Point><coordinates>0,50</coordinates></Point></Placemark></kml>"
						.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(words(ex.problems()))
				.containsExactly("a.kml, placemark 1 (\"NA54\") has no polygon"));
	}

	@Test
	void saysWhatIsWrongWithAPointAndAShortRing() {
		String kml = """
				<kml><Placemark><name>NA54</name><Polygon><outerBoundaryIs><LinearRing>
				<coordinates>0,50 north,51 1,51 0,50</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
				<Placemark><Polygon><outerBoundaryIs><LinearRing>
				<coordinates>0,50 1,51 0,50</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>""";

		assertThatExceptionOfType(BoundaryFiles.Problems.class)
			.isThrownBy(() -> BoundaryFiles.read("two.kml", kml.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(words(ex.problems())).containsExactly(
					"two.kml, placemark 1: \"north,51\" is not a longitude,latitude point",
					"two.kml, placemark 2: A boundary ring needs at least three points"));
	}

	@Test
	void matchesNeighbourhoodsByCodeThenName() {
		List<CoverageNeighbourhoods.Choice> all = List.of(new CoverageNeighbourhoods.Choice(1, "NA54", "Wigston"),
				new CoverageNeighbourhoods.Choice(2, "NX02", "Leake & Keyworth"),
				new CoverageNeighbourhoods.Choice(3, "NX03", "Café Quarter"));
		assertThat(CoverageNeighbourhoods.match(List.of("na54"), all))
			.hasValueSatisfying((n) -> assertThat(n.id()).isEqualTo(1));
		assertThat(CoverageNeighbourhoods.match(List.of("Nowhere", "Leake &amp;  Keyworth"), all))
			.hasValueSatisfying((n) -> assertThat(n.id()).isEqualTo(2));
		assertThat(CoverageNeighbourhoods.match(List.of("cafe quarter"), all))
			.hasValueSatisfying((n) -> assertThat(n.id()).isEqualTo(3));
		assertThat(CoverageNeighbourhoods.match(List.of("Wigston Magna"), all)).isEmpty();
	}

	private static List<String> words(List<MessageSourceResolvable> problems) {
		return problems.stream().map((problem) -> STAFF.getMessage(problem, Locale.UK)).toList();
	}

}
