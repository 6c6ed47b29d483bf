package uk.yourarea.priority;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PriorityUpdateRepository extends JpaRepository<PriorityUpdate, Long> {

	/**
	 * The updates of several priorities in one query, newest first (by date, then by when
	 * they were written).
	 */
	List<PriorityUpdate> findByPriorityIdInOrderByWrittenOnDescIdDesc(Collection<Long> priorityIds);

	List<PriorityUpdate> findByPriorityIdOrderByWrittenOnDescIdDesc(Long priorityId);

}
