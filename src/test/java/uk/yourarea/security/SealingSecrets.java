package uk.yourarea.security;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The secrets the tests that seal authenticator-app keys configure
 * ({@code yourarea.security.totp.*}), the same in each so that they share one context.
 */
final class SealingSecrets {

	static final String CURRENT = "the-tests-seal-authenticator-app-keys-with-this";

	static final String PREVIOUS = "the-tests-sealed-them-with-this-one-until-yesterday";

	private SealingSecrets() {
	}

	static void removeSealedKeys(JdbcTemplate jdbc) {
		jdbc.update("delete from staff_authenticator_app where secret like ?", AuthenticatorKeySeal.SEALED + "%");
	}

}
