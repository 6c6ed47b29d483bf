package uk.yourarea.security;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The one password every demo account has. It is published (in the README and in the demo
 * profile), so outside the {@code demo} profile no account may have it: the site refuses
 * to start when one does, and refuses to sign anyone in with it.
 */
final class DemoPasswords {

	static final String DEMO_PASSWORD = "Demo-only-password-2026";

	private DemoPasswords() {
	}

	/**
	 * The email addresses of the accounts whose password is the demo password.
	 * @param hashesByEmail every account's email address and password hash
	 * @param matches the password encoder's {@code matches(raw, hash)}
	 */
	static List<String> accountsWithDemoPassword(Map<String, String> hashesByEmail,
			BiPredicate<String, String> matches) {
		return hashesByEmail.entrySet()
			.parallelStream()
			.filter((account) -> matches.test(DEMO_PASSWORD, account.getValue()))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

}
