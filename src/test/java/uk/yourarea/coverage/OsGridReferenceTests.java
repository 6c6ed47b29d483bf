package uk.yourarea.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import uk.yourarea.testing.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

class OsGridReferenceTests {

	@Test
	void agreesWithThePublishedCoordinatesOfEveryLePostcodeToWithinAFewMetres() throws IOException {
		List<String> lines = TestFiles.lines("demo/codepoint-open-2014-08-LE.csv.gz");
		double worst = 0;
		for (String line : lines.subList(1, lines.size())) {
			String[] field = line.split(",");
			OsGridReference.LatLong converted = OsGridReference.toWgs84(Double.parseDouble(field[2]),
					Double.parseDouble(field[3]));
			worst = Math.max(worst,
					metresBetween(converted, Double.parseDouble(field[11]), Double.parseDouble(field[12])));
		}
		assertThat(lines).hasSize(21622);
		assertThat(worst).isLessThan(2.0);
	}

	@Test
	void convertsTheGridOriginRegionSensibly() {
		// Leicester's clock tower is near SK 5858 0458.
		OsGridReference.LatLong leicester = OsGridReference.toWgs84(458580, 304580);
		assertThat(leicester.latitude()).isBetween(52.63, 52.64);
		assertThat(leicester.longitude()).isBetween(-1.14, -1.12);
	}

	private static double metresBetween(OsGridReference.LatLong a, double latitude, double longitude) {
		double dLat = Math.toRadians(latitude - a.latitude()) * 6371000;
		double dLon = Math.toRadians(longitude - a.longitude()) * 6371000 * Math.cos(Math.toRadians(latitude));
		return Math.hypot(dLat, dLon);
	}

}
