package uk.yourarea.contact;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffAccounts.Colleague;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffScope;

/**
 * Who works a neighbourhood's messages: its officers, and the supervisors of its local
 * policing area. Security knows who works in which neighbourhood and area; the
 * neighbourhood feature knows which area a neighbourhood is in.
 */
@Component
class NeighbourhoodStaff {

	private final StaffAccounts staff;

	private final NeighbourhoodDirectory neighbourhoods;

	private final StaffScope scope;

	NeighbourhoodStaff(StaffAccounts staff, StaffScope scope, NeighbourhoodDirectory neighbourhoods) {
		this.staff = staff;
		this.scope = scope;
		this.neighbourhoods = neighbourhoods;
	}

	/** Everyone a message of this neighbourhood may be assigned to, A to Z. */
	List<Colleague> teamOf(long neighbourhoodId) {
		return this.scope.workingIn(neighbourhoodId);
	}

	/**
	 * The supervisors (sergeants, inspectors) responsible for a neighbourhood, A to Z.
	 */
	List<Colleague> supervisorsOf(long neighbourhoodId) {
		long area = areaOf(neighbourhoodId);
		return this.staff.supervisorsWithTheirAreas()
			.entrySet()
			.stream()
			.filter((supervisor) -> supervisor.getValue().contains(area))
			.map(Map.Entry::getKey)
			.toList();
	}

	/**
	 * Every enabled supervisor, with the neighbourhoods of their areas, for the daily
	 * digest.
	 */
	Map<Colleague, Set<Long>> supervisorsWithNeighbourhoods() {
		Map<Long, Set<Long>> neighbourhoodsByArea = new LinkedHashMap<>();
		for (NeighbourhoodSummary neighbourhood : this.neighbourhoods.all()) {
			neighbourhoodsByArea.computeIfAbsent(neighbourhood.area().id(), (area) -> new HashSet<>())
				.add(neighbourhood.id());
		}
		Map<Colleague, Set<Long>> result = new LinkedHashMap<>();
		this.staff.supervisorsWithTheirAreas().forEach((supervisor, areas) -> {
			Set<Long> theirs = new HashSet<>();
			areas.forEach((area) -> theirs.addAll(neighbourhoodsByArea.getOrDefault(area, Set.of())));
			if (!theirs.isEmpty()) {
				result.put(supervisor, theirs);
			}
		});
		return result;
	}

	private long areaOf(long neighbourhoodId) {
		return this.neighbourhoods.byId(neighbourhoodId).orElseThrow().area().id();
	}

}
