package uk.yourarea.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who a passkey belongs to, for Spring Security's WebAuthn sign-in: the passkey's user
 * entity is named by the staff member's email address. Given only to the staff filter
 * chain, never as a bean, so that nothing else signs anyone in with it.
 * {@link StaffSessionFilter} turns the result into the usual {@link StaffUser} on the
 * next request.
 */
final class PasskeyUsers implements UserDetailsService {

	private final StaffAccountRepository accounts;

	PasskeyUsers(StaffAccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffAccount account = this.accounts.findByEmail(StaffAccount.normaliseEmail(username))
			.orElseThrow(() -> new UsernameNotFoundException("No staff account for that passkey"));
		return User.withUsername(account.getEmail())
			.password("")
			.disabled(!account.isEnabled())
			.authorities(account.toStaffUser().authorities())
			.build();
	}

}
