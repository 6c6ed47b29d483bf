package uk.yourarea.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

	@Override
	public void close() {
		SecurityContextHolder.clearContext();
	}

}
