package uk.yourarea.priority;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask about priorities. */
@Service
public class PriorityQueries {

	/**
	 * An open priority that has had no update for {@link Priority#STALE_AFTER_MONTHS}.
	 */
	public record StalePriority(long id, long neighbourhoodId, String issue, LocalDate updatedOn) {
	}

	private final PriorityRepository priorities;

	private final Clock clock;

	PriorityQueries(PriorityRepository priorities, Clock clock) {
		this.priorities = priorities;
		this.clock = clock;
	}

	/** The stale open priorities of these neighbourhoods, in no particular order. */
	@Transactional(readOnly = true)
	public List<StalePriority> staleIn(Collection<Long> neighbourhoodIds) {
		if (neighbourhoodIds.isEmpty()) {
			return List.of();
		}
		LocalDate before = LocalDate.now(this.clock).minusMonths(Priority.STALE_AFTER_MONTHS);
		return this.priorities
			.findByNeighbourhoodIdInAndStatusAndUpdatedOnBefore(neighbourhoodIds, Priority.Status.OPEN, before)
			.stream()
			.map((priority) -> new StalePriority(priority.getId(), priority.getNeighbourhoodId(), priority.getIssue(),
					priority.getUpdatedOn()))
			.toList();
	}

}
