package uk.yourarea.security;

import java.util.Set;
import java.util.UUID;

/**
 * Staff accounts of their own for tests that change them (lock them out, disable them),
 * so that the demo accounts other tests sign in with are never affected. Email addresses
 * are unique per call: the test database is shared by every test in the run.
 */
public final class TestAccounts {

	/** A password every test account gets, unless a test chooses another. */
	public static final String PASSWORD = "correct horse battery staple";

	private TestAccounts() {
	}

	public static StaffAccounts.Account create(StaffAccounts accounts, String name, Set<StaffRole> roles,
			Set<Long> neighbourhoodIds, Set<Long> localPolicingAreaIds) {
		String email = "test-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		return accounts.createAccount(
				new StaffAccounts.Details(name, email, roles, neighbourhoodIds, localPolicingAreaIds), PASSWORD, false);
	}

	/** The member of staff an account signs in as. */
	public static StaffUser userOf(StaffAccounts.Account account) {
		return new StaffUser(account.id(), account.name(), account.email(), account.roles(), account.neighbourhoodIds(),
				account.localPolicingAreaIds());
	}

}
