package uk.yourarea.opendata;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import uk.yourarea.event.EventType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The values written as data.police.uk writes them, and the client model and shape
 * comparison the API tests rely on, checked against the captured data.police.uk answers.
 */
class PoliceUkFormTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void writesCoordinatesAsStringsOfAtMostTenDecimalPlaces() {
		assertThat(OpenData.coordinate(52.6394052587)).isEqualTo("52.6394052587");
		assertThat(OpenData.coordinate(-1.13619)).isEqualTo("-1.13619");
		assertThat(OpenData.coordinate(52.63940525871234)).isEqualTo("52.6394052587");
		assertThat(OpenData.coordinate(52.0)).isEqualTo("52");
	}

	@Test
	void writesDatesAsDataPoliceUkDoes() {
		assertThat(OpenData.DATE_TIME.format(LocalDate.of(2015, 10, 8).atStartOfDay()))
			.isEqualTo("2015-10-08T00:00:00");
	}

	@Test
	void writesTextAsEscapedHtmlParagraphs() {
		assertThat(OpenData.html("Fish & chips <b>\nnext line\n\nSecond"))
			.isEqualTo("<p>Fish &amp; chips &lt;b&gt;<br>next line</p>\n<p>Second</p>");
	}

	@Test
	void namesEventTypesWithHyphensAsTheApiAlwaysHas() {
		assertThat(OpenData.type(EventType.BEAT_SURGERY)).isEqualTo("beat-surgery");
		assertThat(OpenData.type(EventType.PUBLIC_MEETING)).isEqualTo("public-meeting");
		assertThat(OpenData.type(EventType.PATCH_WALK)).isEqualTo("patch-walk");
		assertThat(OpenData.type(EventType.OTHER)).isEqualTo("event");
		assertThat(OpenData.identifier("Neighbourhood Watch")).isEqualTo("neighbourhood-watch");
	}

	@Test
	void writesPriorityDatesUnderHyphenatedKeysAndNullsOut() {
		String json = JSON
			.writeValueAsString(List.of(new PoliceUkJson.Priority("<p>Issue</p>", "2026-01-02T00:00:00", null, null)));

		assertThat(json).isEqualTo(
				"[{\"issue\":\"<p>Issue</p>\",\"issue-date\":\"2026-01-02T00:00:00\",\"action\":null,\"action-date\":null}]");
		JsonShapes.assertSameShape(json,
				"[" + PoliceUkClient.captured("police-data-kit-fixtures/neighbourhood-priority.json") + "]", Set.of(),
				Set.of());
	}

	@Test
	void theClientModelReadsDataPoliceUksCapturedAnswers() {
		List<PoliceUkClient.NeighbourhoodReference> neighbourhoods = PoliceUkClient.readList(
				PoliceUkClient.captured("leicestershire/neighbourhoods.json"),
				PoliceUkClient.NeighbourhoodReference.class);
		PoliceUkClient.Neighbourhood nc04 = PoliceUkClient.read(PoliceUkClient.captured("leicestershire/NC04.json"),
				PoliceUkClient.Neighbourhood.class);
		List<PoliceUkClient.Coordinate> boundary = PoliceUkClient
			.readList(PoliceUkClient.captured("leicestershire/NC04-boundary.json"), PoliceUkClient.Coordinate.class);
		PoliceUkClient.Priority priority = PoliceUkClient.read(
				PoliceUkClient.captured("police-data-kit-fixtures/neighbourhood-priority.json"),
				PoliceUkClient.Priority.class);
		PoliceUkClient.Force force = PoliceUkClient
			.read(PoliceUkClient.captured("police-data-kit-fixtures/police-force.json"), PoliceUkClient.Force.class);

		assertThat(neighbourhoods).hasSize(66)
			.contains(new PoliceUkClient.NeighbourhoodReference("NC04", "City Centre"));
		assertThat(nc04.centre().lat()).isEqualTo(52.6389);
		assertThat(nc04.populationCount()).isZero();
		assertThat(nc04.contactDetails()).isEqualTo(Map.of());
		assertThat(boundary).hasSize(85);
		assertThat(priority.issued()).isEqualTo(LocalDate.of(2015, 10, 8).atStartOfDay());
		assertThat(force.engagementMethods()).hasSize(5);
	}

	@Test
	void shapesDifferWhenAFieldIsMissingOrOfAnotherType() {
		String theirs = PoliceUkClient.captured("leicestershire/NC04.json");
		String numericPopulation = theirs.replace("\"population\": \"0\"", "\"population\": 0");
		String renamed = theirs.replace("\"url_force\"", "\"urlForce\"");

		assertThat(numericPopulation).isNotEqualTo(theirs);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JsonShapes.assertSameShape(numericPopulation, theirs, Set.of(), Set.of()))
			.withMessageContaining("$.population");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JsonShapes.assertSameShape(renamed, theirs, Set.of(), Set.of()));
		JsonShapes.assertSameShape(theirs, theirs, Set.of(), Set.of());
	}

}
