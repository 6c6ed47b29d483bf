package uk.yourarea.neighbourhood;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NeighbourhoodRepository extends JpaRepository<Neighbourhood, Long> {

	@Query("select n from Neighbourhood n join fetch n.localPolicingArea where n.slug = :slug")
	Optional<Neighbourhood> findBySlug(String slug);

	Optional<Neighbourhood> findByCode(String code);

	@Query("select n from Neighbourhood n join fetch n.localPolicingArea a order by a.name, n.name")
	List<Neighbourhood> findAllWithArea();

	/** The neighbourhoods that cover at least one live postcode in the outward code. */
	@Query("""
			select n from Neighbourhood n join fetch n.localPolicingArea
			where n.id in (select p.neighbourhoodId from PostcodeRecord p
			               where p.outwardCode = :outwardCode and p.terminatedOn is null and p.neighbourhoodId is not null)
			order by n.name""")
	List<Neighbourhood> findCoveringOutwardCode(String outwardCode);

}
