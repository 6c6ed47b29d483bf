package uk.yourarea.priority;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PriorityRepository extends JpaRepository<Priority, Long> {

	List<Priority> findByNeighbourhoodIdAndStatusOrderByUpdatedOnDesc(Long neighbourhoodId, Priority.Status status);

	List<Priority> findByNeighbourhoodIdInAndStatusAndUpdatedOnBefore(Collection<Long> neighbourhoodIds,
			Priority.Status status, LocalDate before);

	/** Every priority of a neighbourhood, for its staff page. */
	List<Priority> findByNeighbourhoodIdOrderByStatusDescUpdatedOnDescIdDesc(Long neighbourhoodId);

}
