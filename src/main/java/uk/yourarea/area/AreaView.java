package uk.yourarea.area;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.yourarea.consultation.ConsultationSummaries.AreaSummary;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.priority.Priority;
import uk.yourarea.team.TeamMember;

/** Everything the Your Area page of one neighbourhood shows, read in one go. */
public record AreaView(Neighbourhood neighbourhood, @Nullable TeamMember namedOfficer, List<TeamMember> team,
		List<Priority> priorities, List<EventView> events, List<StationView> stations, LocalDate today,
		AreaSummary consultation) {

	public record EventView(String title, String type, String description, String address, String when,
			String startsAt) {
	}

	public record StationView(String name, String kind, String address, String postcode, boolean frontCounter,
			String hoursToday, List<DayHours> week) {
	}

	public record DayHours(String day, String hours, boolean today) {
	}

}
