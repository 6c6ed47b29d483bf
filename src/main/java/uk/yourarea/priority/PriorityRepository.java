package uk.yourarea.priority;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PriorityRepository extends JpaRepository<Priority, Long> {

	List<Priority> findByNeighbourhoodIdAndStatusOrderByUpdatedOnDesc(Long neighbourhoodId, Priority.Status status);

	/**
	 * What a Your Area page shows, in one query: the open priorities, most recently
	 * updated first, then those closed on or after {@code closedSince}, most recently
	 * closed first.
	 */
	@Query("""
			select p from Priority p
			where p.neighbourhoodId = :neighbourhoodId
			  and (p.status = uk.yourarea.priority.Priority.Status.OPEN or p.closedOn >= :closedSince)
			order by p.status desc, p.updatedOn desc, p.id desc""")
	List<Priority> findForPage(Long neighbourhoodId, LocalDate closedSince);

	/** Every priority of a neighbourhood, for its staff page. */
	List<Priority> findByNeighbourhoodIdOrderByStatusDescUpdatedOnDescIdDesc(Long neighbourhoodId);

}
