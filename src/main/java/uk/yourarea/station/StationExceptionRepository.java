package uk.yourarea.station;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StationExceptionRepository extends JpaRepository<StationException, Long> {

	/**
	 * The exceptions of all the given stations from one date to another (inclusive), with
	 * their hours, in one statement.
	 */
	@Query("""
			select distinct e from StationException e left join fetch e.hours
			where e.stationId in :stationIds and e.date between :from and :to
			order by e.date""")
	List<StationException> findForStations(Collection<Long> stationIds, LocalDate from, LocalDate to);

	/** One station's exceptions from a date on, with their hours. */
	@Query("""
			select distinct e from StationException e left join fetch e.hours
			where e.stationId = :stationId and e.date >= :from
			order by e.date""")
	List<StationException> findUpcoming(long stationId, LocalDate from);

	boolean existsByStationIdAndDate(long stationId, LocalDate date);

}
