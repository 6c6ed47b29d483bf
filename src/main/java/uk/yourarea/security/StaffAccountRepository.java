package uk.yourarea.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffAccountRepository extends JpaRepository<StaffAccount, Long> {

	@EntityGraph(attributePaths = { "roles", "neighbourhoodIds", "localPolicingAreaIds" })
	Optional<StaffAccount> findByEmail(String email);

	@EntityGraph(attributePaths = { "roles", "neighbourhoodIds", "localPolicingAreaIds" })
	@Query("select a from StaffAccount a where a.id = :id")
	Optional<StaffAccount> findWithAssignmentsById(long id);

	@EntityGraph(attributePaths = { "roles", "neighbourhoodIds", "localPolicingAreaIds" })
	@Query("select a from StaffAccount a order by lower(a.name), a.email")
	List<StaffAccount> findAllWithAssignments();

	boolean existsByEmail(String email);

	@Query("select count(a) > 0 from StaffAccount a join a.roles r where r = uk.yourarea.security.StaffRole.ADMIN")
	boolean anyAdministrator();

}
