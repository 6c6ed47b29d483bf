package uk.yourarea.security;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

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

	/**
	 * The enabled accounts that belong to the neighbourhood directly or to its local
	 * policing area, A to Z.
	 */
	@Query("""
			select distinct a from StaffAccount a left join a.neighbourhoodIds n left join a.localPolicingAreaIds l
			where a.enabled = true and (n = :neighbourhood or l = :area)
			order by a.name""")
	List<StaffAccount> findEnabledWorkingIn(@Param("neighbourhood") long neighbourhood, @Param("area") long area);

	/**
	 * The enabled account a resident's message is assigned to, or, when it is assigned to
	 * no one, every enabled account that belongs to its neighbourhood directly.
	 */
	@Query(nativeQuery = true, value = """
			select distinct a.email from staff_account a
			left join staff_neighbourhood n on n.staff_account_id = a.id
			where a.enabled and (a.id = cast(:assignedTo as bigint)
			                     or (cast(:assignedTo as bigint) is null and n.neighbourhood_id = :neighbourhood))
			order by a.email""")
	List<String> emailsOfTheTeam(@Param("assignedTo") @Nullable Long assignedTo,
			@Param("neighbourhood") long neighbourhood);

}
