package uk.yourarea.inbox;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.priority.PriorityQueries;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;

/**
 * The open priorities of someone's neighbourhoods that have had no update for three
 * months, oldest first, for the top of their inbox: the Guarantee's view counts them as
 * stale, and residents see how long ago the page last said anything.
 */
@Service
class StalePriorities {

	static final int SHOWN = 20;

	record Stale(long priorityId, long neighbourhoodId, String neighbourhood, String issue, LocalDate updatedOn) {
	}

	record Found(List<Stale> shown, int total) {
	}

	private final PriorityQueries priorities;

	private final NeighbourhoodDirectory neighbourhoods;

	private final StaffScope scope;

	StalePriorities(PriorityQueries priorities, NeighbourhoodDirectory neighbourhoods, StaffScope scope) {
		this.priorities = priorities;
		this.neighbourhoods = neighbourhoods;
		this.scope = scope;
	}

	@Transactional(readOnly = true)
	Found of(StaffUser user) {
		Set<Long> visible = this.scope.neighbourhoodIdsVisibleTo(user);
		if (visible.isEmpty()) {
			return new Found(List.of(), 0);
		}
		Map<Long, NeighbourhoodSummary> live = this.neighbourhoods.byIds(visible)
			.stream()
			.filter((neighbourhood) -> !neighbourhood.retired())
			.collect(Collectors.toMap(NeighbourhoodSummary::id, Function.identity()));
		List<Stale> stale = this.priorities.staleIn(live.keySet())
			.stream()
			.map((priority) -> new Stale(priority.id(), priority.neighbourhoodId(),
					live.get(priority.neighbourhoodId()).name(), priority.issue(), priority.updatedOn()))
			.sorted(Comparator.comparing(Stale::updatedOn)
				.thenComparing(Stale::neighbourhood)
				.thenComparingLong(Stale::priorityId))
			.toList();
		return new Found(stale.stream().limit(SHOWN).toList(), stale.size());
	}

}
