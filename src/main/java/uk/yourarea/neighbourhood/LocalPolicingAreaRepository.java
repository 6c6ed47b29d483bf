package uk.yourarea.neighbourhood;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface LocalPolicingAreaRepository extends JpaRepository<LocalPolicingArea, Long> {

	Optional<LocalPolicingArea> findByCode(String code);

	Optional<LocalPolicingArea> findFirstByCodeIgnoreCase(String code);

	Optional<LocalPolicingArea> findFirstByNameIgnoreCase(String name);

	List<LocalPolicingArea> findAllByOrderByNameAsc();

	/**
	 * Locks the area's row against retiring while a neighbourhood is put in it (retiring
	 * takes {@link #findForUpdateById}): one of the two waits for the other and then sees
	 * its result.
	 */
	@Lock(LockModeType.PESSIMISTIC_READ)
	@Query("select a from LocalPolicingArea a where a.id = :id")
	Optional<LocalPolicingArea> findForShareById(long id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from LocalPolicingArea a where a.id = :id")
	Optional<LocalPolicingArea> findForUpdateById(long id);

	List<LocalPolicingArea> findByRetiredOnIsNullOrderByNameAsc();

}
