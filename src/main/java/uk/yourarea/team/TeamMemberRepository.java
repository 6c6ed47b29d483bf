package uk.yourarea.team;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamMemberRepository extends JpaRepository<TeamMember, Long> {

	List<TeamMember> findByNeighbourhoodIdOrderByDisplayOrderAscNameAsc(Long neighbourhoodId);

}
