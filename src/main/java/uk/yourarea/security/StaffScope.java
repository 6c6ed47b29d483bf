package uk.yourarea.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.web.NotFoundException;

/**
 * Which neighbourhoods' messages a member of staff may see: the one rule every feature
 * uses for access checks.
 * <ul>
 * <li>OFFICER: the neighbourhoods they belong to;</li>
 * <li>SUPERVISOR: every neighbourhood of their local policing areas, and any
 * neighbourhood they belong to directly;</li>
 * <li>ADMIN: every neighbourhood;</li>
 * <li>WEB_EDITOR: none (a web editor cannot read residents' messages).</li>
 * </ul>
 * Roles add up. The answer comes from the database at the time of asking, so it holds
 * even if the account was changed since the {@link StaffUser} was made; a disabled
 * account sees nothing.
 */
@Service
public class StaffScope {

	/** What one enabled account may do, and where. */
	private record Assignments(long id, String name, String email, Set<StaffRole> roles, Set<Long> neighbourhoodIds,
			Set<Long> areaIds) {

		/**
		 * The rule for officers and supervisors, in one place: officers and supervisors
		 * work in the neighbourhoods they belong to, and supervisors in every
		 * neighbourhood of their local policing areas too.
		 */
		boolean worksIn(long neighbourhoodId, @Nullable Long areaId) {
			boolean answers = this.roles.contains(StaffRole.OFFICER) || this.roles.contains(StaffRole.SUPERVISOR);
			return (answers && this.neighbourhoodIds.contains(neighbourhoodId))
					|| (this.roles.contains(StaffRole.SUPERVISOR) && areaId != null && this.areaIds.contains(areaId));
		}

		StaffAccounts.Colleague asColleague() {
			return new StaffAccounts.Colleague(this.id, this.name, this.email);
		}

	}

	private static final String ASSIGNMENTS = """
			select a.id, a.name, a.email,
			       array(select r.role from staff_role r where r.staff_account_id = a.id) as roles,
			       array(select s.neighbourhood_id from staff_neighbourhood s where s.staff_account_id = a.id)
			           as neighbourhoods,
			       array(select s.local_policing_area_id from staff_local_policing_area s where s.staff_account_id = a.id)
			           as areas
			from staff_account a
			where a.enabled
			""";

	private final JdbcTemplate jdbc;

	private final PlacesOfWork places;

	StaffScope(JdbcTemplate jdbc, PlacesOfWork places) {
		this.jdbc = jdbc;
		this.places = places;
	}

	/**
	 * The ids of the neighbourhoods whose messages this member of staff may see, in id
	 * order; empty for a web editor or a disabled account.
	 */
	@Transactional(readOnly = true)
	public Set<Long> neighbourhoodIdsVisibleTo(StaffUser user) {
		Optional<Assignments> found = assignmentsOf(user.id());
		if (found.isEmpty()) {
			return Set.of();
		}
		Assignments assignments = found.get();
		if (assignments.roles().contains(StaffRole.ADMIN)) {
			return Collections.unmodifiableSet(this.places.allNeighbourhoods());
		}
		Set<Long> visible = new TreeSet<>();
		if (assignments.roles().contains(StaffRole.OFFICER) || assignments.roles().contains(StaffRole.SUPERVISOR)) {
			visible.addAll(this.places.localPolicingAreasOf(assignments.neighbourhoodIds()).keySet());
		}
		if (assignments.roles().contains(StaffRole.SUPERVISOR)) {
			visible.addAll(this.places.neighbourhoodsIn(assignments.areaIds()));
		}
		return Collections.unmodifiableSet(new LinkedHashSet<>(visible));
	}

	/**
	 * The names of the live neighbourhoods whose messages this member of staff may see, A
	 * to Z.
	 */
	@Transactional(readOnly = true)
	public List<String> neighbourhoodNamesVisibleTo(StaffUser user) {
		return this.places.liveNamesOf(neighbourhoodIdsVisibleTo(user));
	}

	/**
	 * Who works on one neighbourhood's messages (see {@link #workingInEach}), A to Z by
	 * name.
	 */
	@Transactional(readOnly = true)
	public List<StaffAccounts.Colleague> workingIn(long neighbourhoodId) {
		return workingInEach(List.of(neighbourhoodId)).getOrDefault(neighbourhoodId, List.of());
	}

	/**
	 * Who works on each neighbourhood's messages: the enabled officers and supervisors
	 * who belong to it, and the enabled supervisors of its local policing area, A to Z by
	 * name. Administrators see every neighbourhood's messages but work in none of them.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<StaffAccounts.Colleague>> workingInEach(Collection<Long> neighbourhoodIds) {
		Map<Long, Long> areas = this.places.localPolicingAreasOf(neighbourhoodIds);
		List<Assignments> everyone = this.jdbc.query(ASSIGNMENTS + " order by a.name, a.email",
				(row, n) -> assignments(row));
		Map<Long, List<StaffAccounts.Colleague>> teams = new HashMap<>();
		for (long neighbourhoodId : neighbourhoodIds) {
			Long areaId = areas.get(neighbourhoodId);
			List<StaffAccounts.Colleague> team = new ArrayList<>();
			if (areaId != null) {
				for (Assignments assignments : everyone) {
					if (assignments.worksIn(neighbourhoodId, areaId)) {
						team.add(assignments.asColleague());
					}
				}
			}
			teams.put(neighbourhoodId, List.copyOf(team));
		}
		return teams;
	}

	/**
	 * Whether this member of staff may edit every public page: neighbourhoods, teams,
	 * stations and coverage as well as priorities and events. Web editors and
	 * administrators may.
	 */
	public boolean canEditEverything(StaffUser user) {
		return user.hasAnyRole(StaffRole.WEB_EDITOR, StaffRole.ADMIN);
	}

	/**
	 * Whether this member of staff may edit one neighbourhood's priorities and events:
	 * web editors and administrators for every neighbourhood, officers and supervisors
	 * for the neighbourhoods whose messages they see.
	 */
	@Transactional(readOnly = true)
	public boolean canEditPrioritiesAndEventsOf(StaffUser user, long neighbourhoodId) {
		return canEditEverything(user) || canSee(user, neighbourhoodId);
	}

	/**
	 * Throws {@link NotFoundException} (the 404 page, as if the neighbourhood did not
	 * exist) unless {@link #canEditPrioritiesAndEventsOf} allows it.
	 */
	public void requireCanEditPrioritiesAndEventsOf(StaffUser user, long neighbourhoodId) {
		if (!canEditPrioritiesAndEventsOf(user, neighbourhoodId)) {
			throw new NotFoundException("Not one of " + user.email() + "'s neighbourhoods: " + neighbourhoodId);
		}
	}

	/**
	 * For {@link WithinStaffScope}: whether the signed-in member of staff may work on one
	 * neighbourhood's priorities, events, consultations and page history. No one who is
	 * not signed in as staff may.
	 */
	@Transactional(readOnly = true)
	public boolean mayWorkIn(@Nullable Authentication authentication, @Nullable Long neighbourhoodId) {
		return authentication != null && neighbourhoodId != null
				&& authentication.getPrincipal() instanceof StaffUser user
				&& canEditPrioritiesAndEventsOf(user, neighbourhoodId);
	}

	/** Whether this member of staff may see the messages of one neighbourhood. */
	@Transactional(readOnly = true)
	public boolean canSee(StaffUser user, long neighbourhoodId) {
		Optional<Assignments> found = assignmentsOf(user.id());
		if (found.isEmpty()) {
			return false;
		}
		Long areaId = this.places.localPolicingAreasOf(List.of(neighbourhoodId)).get(neighbourhoodId);
		if (areaId == null) {
			return false;
		}
		return found.get().roles().contains(StaffRole.ADMIN) || found.get().worksIn(neighbourhoodId, areaId);
	}

	private Optional<Assignments> assignmentsOf(long staffId) {
		return this.jdbc.query(ASSIGNMENTS + " and a.id = ?", (row, n) -> assignments(row), staffId)
			.stream()
			.findFirst();
	}

	private static Assignments assignments(ResultSet row) throws SQLException {
		Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
		for (Object role : (Object[]) row.getArray("roles").getArray()) {
			roles.add(StaffRole.valueOf((String) role));
		}
		return new Assignments(row.getLong("id"), row.getString("name"), row.getString("email"), roles,
				ids(row.getArray("neighbourhoods")), ids(row.getArray("areas")));
	}

	private static Set<Long> ids(Array array) throws SQLException {
		Set<Long> ids = new HashSet<>();
		for (Object id : (Object[]) array.getArray()) {
			ids.add(((Number) id).longValue());
		}
		return ids;
	}

}
