package uk.yourarea.security;

import java.time.Clock;

/**
 * The codes an authenticator app set up with a key would show, for tests that sign in as
 * a person with their phone would.
 */
public final class SecondFactorCodes {

	private SecondFactorCodes() {
	}

	/** The code the app shows now. */
	public static String now(String key, Clock clock) {
		return new AuthenticatorAppCodes().codeAt(key, clock.instant());
	}

	/**
	 * The code of the next 30 seconds, which the site accepts too (a phone's clock may be
	 * ahead), and which a code used at set-up cannot be.
	 */
	public static String next(String key, Clock clock) {
		return new AuthenticatorAppCodes().codeAt(key, clock.instant().plus(AuthenticatorAppCodes.STEP));
	}

}
