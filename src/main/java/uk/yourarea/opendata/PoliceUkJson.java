package uk.yourarea.opendata;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answers of the API, field for field as data.police.uk writes them: coordinates and
 * population as strings, dates as {@code yyyy-MM-ddTHH:mm:ss}, HTML in descriptions,
 * {@code null} written out rather than left out. Fields data.police.uk does not have are
 * extensions, added and never changed.
 */
final class PoliceUkJson {

	private PoliceUkJson() {
	}

	/** An entry of {@code /forces} and of {@code /{force}/neighbourhoods}. */
	record Reference(String id, String name) {
	}

	record EngagementMethod(String title, String url, @Nullable String description) {
	}

	record Force(String id, String name, String url, String telephone, String description,
			@JsonProperty("engagement_methods") List<EngagementMethod> engagementMethods) {
	}

	record Centre(@Nullable String latitude, @Nullable String longitude) {
	}

	record Link(String title, @Nullable String description, String url) {
	}

	record Location(String name, @Nullable String longitude, @Nullable String postcode, String address,
			@Nullable String latitude, String type, @Nullable String description) {
	}

	record Neighbourhood(String id, String name, @JsonProperty("url_force") String urlForce, Centre centre,
			String population, @JsonProperty("contact_details") Map<String, String> contactDetails, List<Link> links,
			List<Location> locations, @Nullable String description) {
	}

	record Point(String latitude, String longitude) {
	}

	/** An officer; {@code named_officer} is an extension. */
	record Person(String name, String rank, @Nullable String bio,
			@JsonProperty("contact_details") Map<String, String> contactDetails,
			@JsonProperty("named_officer") boolean namedOfficer) {
	}

	record Priority(String issue, @JsonProperty("issue-date") String issueDate, @Nullable String action,
			@JsonProperty("action-date") @Nullable String actionDate) {
	}

	record Event(String title, @Nullable String description, String address, String type,
			@JsonProperty("start_date") String startDate, @JsonProperty("end_date") String endDate,
			@JsonProperty("contact_details") Map<String, String> contactDetails) {
	}

	/**
	 * The answer of {@code /locate-neighbourhood}, and of the {@code /postcode}
	 * extension.
	 */
	record Located(String force, String neighbourhood) {
	}

	/**
	 * The extension {@code /{force}/{id}/response-record}: how the team answered the
	 * messages sent to it over the last {@code period_days} days.
	 *
	 * @param percentOnTime {@code null} when too few messages were decided for a fair
	 * figure
	 * @param medianReplyHours {@code null} when none was answered
	 */
	record ResponseRecord(@JsonProperty("period_days") long periodDays, @JsonProperty("target_hours") long targetHours,
			int received, @JsonProperty("replied_on_time") int repliedOnTime, int waiting,
			@JsonProperty("percent_on_time") @Nullable Integer percentOnTime,
			@JsonProperty("median_reply_hours") @Nullable Long medianReplyHours) {
	}

	/** The body of a 400 or 404. */
	record Error(int status, String error) {
	}

}
