package uk.yourarea.security;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

	private static final String VISIBLE = """
			select n.id from neighbourhood n
			join staff_account a on a.id = ? and a.enabled
			where (exists (select 1 from staff_role r where r.staff_account_id = a.id and r.role = 'ADMIN')
			   or (exists (select 1 from staff_role r where r.staff_account_id = a.id
			               and r.role in ('OFFICER', 'SUPERVISOR'))
			       and n.id in (select s.neighbourhood_id from staff_neighbourhood s where s.staff_account_id = a.id))
			   or (exists (select 1 from staff_role r where r.staff_account_id = a.id and r.role = 'SUPERVISOR')
			       and n.local_policing_area_id in (select s.local_policing_area_id from staff_local_policing_area s
			                                        where s.staff_account_id = a.id)))
			""";

	private final JdbcTemplate jdbc;

	StaffScope(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The ids of the neighbourhoods whose messages this member of staff may see, in id
	 * order; empty for a web editor or a disabled account.
	 */
	@Transactional(readOnly = true)
	public Set<Long> neighbourhoodIdsVisibleTo(StaffUser user) {
		return Collections.unmodifiableSet(
				new LinkedHashSet<>(this.jdbc.queryForList(VISIBLE + " order by n.id", Long.class, user.id())));
	}

	/**
	 * The names of the neighbourhoods whose messages this member of staff may see, A to
	 * Z.
	 */
	@Transactional(readOnly = true)
	public List<String> neighbourhoodNamesVisibleTo(StaffUser user) {
		return this.jdbc.queryForList(
				"select name from neighbourhood where retired_on is null and id in (" + VISIBLE + ") order by name",
				String.class, user.id());
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
		Boolean visible = this.jdbc.queryForObject("select exists (" + VISIBLE + " and n.id = ?)", Boolean.class,
				user.id(), neighbourhoodId);
		return Boolean.TRUE.equals(visible);
	}

}
