package uk.yourarea.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small typed client model for data.police.uk's neighbourhood API, written as a program
 * that uses it would be: records bound by Jackson, numbers and dates parsed from the
 * strings the API sends. It ignores fields it does not know, as such programs do, so
 * extensions do not break it. The tests read data.police.uk's captured answers and ours
 * with it.
 */
final class PoliceUkClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PoliceUkClient() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ForceReference(String id, String name) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record EngagementMethod(String title, String url, String description) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Force(String id, String name, String url, String telephone, String description,
			@JsonProperty("engagement_methods") List<EngagementMethod> engagementMethods) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record NeighbourhoodReference(String id, String name) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Coordinate(String latitude, String longitude) {

		double lat() {
			return Double.parseDouble(this.latitude);
		}

		double lng() {
			return Double.parseDouble(this.longitude);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Link(String title, String description, String url) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Location(String name, String latitude, String longitude, String postcode, String address, String type,
			String description) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Neighbourhood(String id, String name, @JsonProperty("url_force") String urlForce, Coordinate centre,
			String population, @JsonProperty("contact_details") Map<String, String> contactDetails, List<Link> links,
			List<Location> locations, String description) {

		long populationCount() {
			return Long.parseLong(this.population);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Officer(String name, String rank, String bio,
			@JsonProperty("contact_details") Map<String, String> contactDetails) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Priority(String issue, @JsonProperty("issue-date") String issueDate, String action,
			@JsonProperty("action-date") String actionDate) {

		LocalDateTime issued() {
			return LocalDateTime.parse(this.issueDate);
		}

		LocalDateTime actioned() {
			return (this.actionDate != null) ? LocalDateTime.parse(this.actionDate) : null;
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Event(String title, String description, String address, String type,
			@JsonProperty("start_date") String startDate, @JsonProperty("end_date") String endDate,
			@JsonProperty("contact_details") Map<String, String> contactDetails) {

		LocalDateTime starts() {
			return LocalDateTime.parse(this.startDate);
		}

		LocalDateTime ends() {
			return LocalDateTime.parse(this.endDate);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Team(String force, String neighbourhood) {
	}

	static <T> T read(String json, Class<T> type) {
		return JSON.readValue(json, type);
	}

	static <T> List<T> readList(String json, Class<T> type) {
		return JSON.readValue(json, JSON.getTypeFactory().constructCollectionType(List.class, type));
	}

	static <T> T read(String json, TypeReference<T> type) {
		return JSON.readValue(json, type);
	}

	/** A copied data.police.uk response, from src/test/resources/police-api. */
	static String captured(String name) {
		try (InputStream in = PoliceUkClient.class.getResourceAsStream("/police-api/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No captured response " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
