package uk.yourarea.alert;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AlertRepository extends JpaRepository<Alert, Long> {

	/** Every alert with its neighbourhoods, the latest changed first. */
	@EntityGraph(attributePaths = "neighbourhoodIds")
	@Query("select a from Alert a order by a.updatedAt desc")
	List<Alert> findAllLatestFirst();

	/**
	 * The alert, locked until the transaction ends: a change of status waits for any
	 * other (a second click, the sender picking it up) and then sees where it is.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Alert a where a.id = :id")
	Optional<Alert> findLockedById(long id);

}
