package uk.yourarea.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConsultationRepository extends JpaRepository<Consultation, Long> {

	@EntityGraph(attributePaths = "issues")
	@Query("""
			select c from Consultation c
			where c.neighbourhoodId = :neighbourhoodId and c.opensAt <= :now and c.closesAt > :now""")
	Optional<Consultation> findOpen(long neighbourhoodId, Instant now);

	/** The next consultation to open, if one is scheduled. */
	Optional<Consultation> findFirstByNeighbourhoodIdAndOpensAtAfterOrderByOpensAtAsc(long neighbourhoodId,
			Instant now);

	/** Consultations whose open period overlaps the given one. */
	@Query("""
			select c from Consultation c
			where c.neighbourhoodId = :neighbourhoodId and c.opensAt < :closesAt and c.closesAt > :opensAt
			order by c.opensAt""")
	List<Consultation> findOverlapping(long neighbourhoodId, Instant opensAt, Instant closesAt);

	List<Consultation> findByNeighbourhoodIdOrderByOpensAtDesc(long neighbourhoodId);

	@EntityGraph(attributePaths = "issues")
	Optional<Consultation> findWithIssuesById(long id);

}
