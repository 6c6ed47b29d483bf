package uk.yourarea.security;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * At start-up, brings every stored authenticator-app key to the form the settings ask
 * for: sealed with the configured key, or in clear when none is configured (see
 * {@link SecondFactors#storeAsConfigured()}). It refuses to start while any key is sealed
 * with a key that is not configured, since its owner could not sign in with their app;
 * and outside the demo profile it warns while keys are kept in clear.
 */
@Component
class AuthenticatorKeysAtRest implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(AuthenticatorKeysAtRest.class);

	static final String IN_CLEAR = "Authenticator-app keys are stored in clear: anyone who can read the database "
			+ "or a backup can make the codes of every app. Set YOURAREA_SECURITY_TOTP_SECRET to at least 32 random "
			+ "characters, the same on every instance, to seal them.";

	private final SecondFactors secondFactors;

	private final AuthenticatorKeySeal seal;

	private final Environment environment;

	AuthenticatorKeysAtRest(SecondFactors secondFactors, AuthenticatorKeySeal seal, Environment environment) {
		this.secondFactors = secondFactors;
		this.seal = seal;
		this.environment = environment;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.seal.sealing() && !this.environment.acceptsProfiles(Profiles.of("demo"))) {
			log.warn(IN_CLEAR);
		}
		SecondFactors.AtRest outcome;
		try {
			outcome = this.secondFactors.storeAsConfigured();
		}
		catch (DataAccessException | TransactionException ex) {
			// The site starts without its database and answers "unavailable" until it is
			// back (web.DatabaseOutageMode). Nothing is weakened meanwhile: a key no
			// configured key opens never accepts a code, and each key is stored as
			// configured when next used.
			log.warn("Could not check how authenticator-app keys are stored: {}", ex.getMessage());
			return;
		}
		if (!outcome.notOpened().isEmpty()) {
			List<Long> accounts = new ArrayList<>(outcome.notOpened());
			throw new IllegalStateException("Refusing to start: the authenticator-app keys of " + accounts.size()
					+ " staff account(s) " + accounts + " are sealed with a key that is not configured. Set "
					+ "YOURAREA_SECURITY_TOTP_SECRET to the key they were sealed with, or list it in "
					+ "YOURAREA_SECURITY_TOTP_PREVIOUS, so that their owners can still sign in.");
		}
		if (outcome.changed() > 0) {
			log.info("{} authenticator-app key(s) stored again {}", outcome.changed(),
					this.seal.sealing() ? "sealed with the configured key" : "in clear");
		}
	}

}
