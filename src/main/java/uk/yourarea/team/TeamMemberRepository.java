package uk.yourarea.team;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TeamMemberRepository extends JpaRepository<TeamMember, Long> {

	List<TeamMember> findByNeighbourhoodIdOrderByDisplayOrderAscNameAsc(Long neighbourhoodId);

	Optional<TeamMember> findByNeighbourhoodIdAndNamedOfficerTrue(Long neighbourhoodId);

	@Query("select distinct m.neighbourhoodId from TeamMember m where m.bio is not null and m.bioCy is null")
	List<Long> neighbourhoodsWithBiosWithoutWelsh();

	@Query("select coalesce(max(m.displayOrder), 0) from TeamMember m where m.neighbourhoodId = :neighbourhoodId")
	int lastPositionIn(Long neighbourhoodId);

}
