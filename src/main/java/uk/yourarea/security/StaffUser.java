package uk.yourarea.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in member of staff: the principal of every authenticated request under
 * {@code /staff}. A controller gets it with
 * {@code @AuthenticationPrincipal StaffUser user}.
 * <p>
 * It is reloaded from the database on every staff request, so roles and assignments
 * changed by an administrator take effect at once. Decide what someone may see with
 * {@link StaffScope#neighbourhoodIdsVisibleTo(StaffUser)}, not with the sets held here.
 *
 * @param id the staff account's id (the {@code staff_account.id} other tables refer to)
 * @param name the name shown to colleagues, like "PC Sam Example"
 * @param email the email address they sign in with, in lower case
 * @param roles what they may do
 * @param neighbourhoodIds the neighbourhoods assigned to them directly
 * @param localPolicingAreaIds the local policing areas assigned to them (for supervisors)
 */
public record StaffUser(long id, String name, String email, Set<StaffRole> roles, Set<Long> neighbourhoodIds,
		Set<Long> localPolicingAreaIds) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public StaffUser {
		roles = roles.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(StaffRole.class))
				: Collections.unmodifiableSet(EnumSet.copyOf(roles));
		neighbourhoodIds = Set.copyOf(neighbourhoodIds);
		localPolicingAreaIds = Set.copyOf(localPolicingAreaIds);
	}

	public boolean hasRole(StaffRole role) {
		return this.roles.contains(role);
	}

	public boolean hasAnyRole(StaffRole... wanted) {
		for (StaffRole role : wanted) {
			if (this.roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	/** The roles in their natural order, for display. */
	public List<StaffRole> sortedRoles() {
		return List.copyOf(this.roles);
	}

	Collection<GrantedAuthority> authorities() {
		return this.roles.stream()
			.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
			.toList();
	}

	/**
	 * The sign-in email address, which is also what {@code Authentication.getName()}
	 * gives: never the whole record, so nothing else ends up in logs by accident.
	 */
	@Override
	public String toString() {
		return this.email;
	}

}
