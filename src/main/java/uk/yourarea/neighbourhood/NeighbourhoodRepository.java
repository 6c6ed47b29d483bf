package uk.yourarea.neighbourhood;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NeighbourhoodRepository extends JpaRepository<Neighbourhood, Long> {

	/**
	 * The live neighbourhood at this slug, with its local policing area: what the public
	 * pages show. Empty for a retired neighbourhood (see {@link NeighbourhoodAddresses}
	 * for what to say instead).
	 */
	@Query("select n from Neighbourhood n join fetch n.localPolicingArea where n.slug = :slug and n.retiredOn is null")
	Optional<Neighbourhood> findBySlug(String slug);

	/** The neighbourhood at this slug, live or retired. */
	@Query("select n from Neighbourhood n join fetch n.localPolicingArea where n.slug = :slug")
	Optional<Neighbourhood> findIncludingRetiredBySlug(String slug);

	Optional<Neighbourhood> findByCode(String code);

	@Query("select n from Neighbourhood n join fetch n.localPolicingArea where n.code = :code")
	Optional<Neighbourhood> findWithAreaByCode(String code);

	Optional<Neighbourhood> findFirstByCodeIgnoreCase(String code);

	@Query("select n from Neighbourhood n join fetch n.localPolicingArea where n.id = :id")
	Optional<Neighbourhood> findWithAreaById(long id);

	/** Every neighbourhood, live or retired, with its area. */
	@Query("select n from Neighbourhood n join fetch n.localPolicingArea a order by a.name, n.name")
	List<Neighbourhood> findAllWithArea();

	/** The neighbourhoods the public site shows, with their areas. */
	@Query("select n from Neighbourhood n join fetch n.localPolicingArea a where n.retiredOn is null order by a.name, n.name")
	List<Neighbourhood> findAllLiveWithArea();

	@Query("select n from Neighbourhood n join fetch n.localPolicingArea a where n.id in :ids order by a.name, n.name")
	List<Neighbourhood> findAllWithAreaByIdIn(Collection<Long> ids);

	/** The live neighbourhoods of one local policing area, A to Z. */
	@Query("select n from Neighbourhood n where n.localPolicingArea.id = :areaId and n.retiredOn is null order by n.name")
	List<Neighbourhood> findLiveInArea(long areaId);

	/** How many live neighbourhoods each local policing area has: area id, count. */
	@Query("select n.localPolicingArea.id, count(n) from Neighbourhood n where n.retiredOn is null group by n.localPolicingArea.id")
	List<Object[]> countLiveByArea();

	/** The live neighbourhoods among these, with their areas. */
	@Query("select n from Neighbourhood n join fetch n.localPolicingArea where n.id in :ids and n.retiredOn is null order by n.name")
	List<Neighbourhood> findAllLiveWithAreaByIdIn(Collection<Long> ids);

}
