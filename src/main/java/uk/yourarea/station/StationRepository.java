package uk.yourarea.station;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StationRepository extends JpaRepository<Station, Long> {

	@Query("""
			select distinct s from Station s left join fetch s.openingHours
			where :neighbourhoodId member of s.neighbourhoodIds
			order by s.name""")
	List<Station> findServing(Long neighbourhoodId);

	/** Every station and hub with the neighbourhoods it serves, in one statement. */
	@Query("select distinct s from Station s left join fetch s.neighbourhoodIds order by s.name")
	List<Station> findAllWithNeighbourhoods();

}
