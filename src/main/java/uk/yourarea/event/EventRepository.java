package uk.yourarea.event;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface EventRepository extends JpaRepository<Event, Long> {

	/**
	 * Events that have not finished yet, soonest first, cancelled ones included (they
	 * show as cancelled until they would have ended).
	 */
	List<Event> findByNeighbourhoodIdAndEndsAtAfterOrderByStartsAtAsc(Long neighbourhoodId, Instant now, Limit limit);

	/** Events that have finished, latest first. */
	List<Event> findByNeighbourhoodIdAndEndsAtLessThanEqualOrderByStartsAtDesc(Long neighbourhoodId, Instant now,
			Limit limit);

}
