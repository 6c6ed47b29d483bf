package uk.yourarea.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * For tests that call a service directly: the services check who is calling with method
 * security, so the test thread acts as a signed-in member of staff (password and second
 * factor) until {@link #close()}.
 */
public final class ActingAs implements AutoCloseable {

	private ActingAs() {
	}

	public static ActingAs staff(StaffUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>(user.authorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.issuedAt(Instant.now())
			.build());
		authorities.add(SecondFactor.AUTHENTICATOR_APP.grantedAt(Instant.now()));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		SecurityContextHolder.setContext(context);
		return new ActingAs();
	}

	/** The demo account with this email address, as a member of staff to act as. */
	public static StaffUser demo(JdbcTemplate jdbc, String email) {
		long id = jdbc.queryForObject("select id from staff_account where email = ?", Long.class, email);
		Set<StaffRole> roles = jdbc
			.queryForList("select role from staff_role where staff_account_id = ?", String.class, id)
			.stream()
			.map(StaffRole::valueOf)
			.collect(Collectors.toSet());
		return new StaffUser(id, email, email, roles, Set.of(), Set.of());
	}

	@Override
	public void close() {
		SecurityContextHolder.clearContext();
	}

}
