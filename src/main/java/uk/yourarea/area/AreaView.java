package uk.yourarea.area;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.team.TeamMember;

/** Everything the Your Area page of one neighbourhood shows, read in one go. */
public record AreaView(Neighbourhood neighbourhood, @Nullable TeamMember namedOfficer, List<TeamMember> team,
		List<PriorityView> priorities, List<PriorityView> done, List<EventView> events, List<StationView> stations,
		LocalDate today) {

	/**
	 * A priority: open ones with their updates, newest first; closed ones (under "What we
	 * have done") with their outcome.
	 */
	public record PriorityView(String issue, LocalDate raisedOn, LocalDate updatedOn, List<UpdateView> updates,
			@Nullable String outcome, @Nullable LocalDate closedOn) {
	}

	public record UpdateView(LocalDate writtenOn, String text) {
	}

	public record EventView(String title, String type, @Nullable String description, String address, String when,
			String startsAt, boolean cancelled, @Nullable String cancellationReason) {
	}

	public record StationView(String name, String kind, String address, String postcode, boolean frontCounter,
			String hoursToday, List<DayHours> week) {
	}

	public record DayHours(String day, String hours, boolean today) {
	}

}
