package uk.yourarea.security;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The security log: sign-ins, failures, lockouts, sign-outs, denied access and changes to
 * staff accounts, each with who, from where and when (UTC). Never a password, a token or
 * a session id. Everything goes to the logger
 * {@code uk.yourarea.security.SecurityEvents}, so it can be routed to its own file or
 * system.
 */
@Component
class SecurityEvents {

	private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);

	/**
	 * What looks like an email address: anything else typed into the box is not logged.
	 */
	private static final Pattern PLAUSIBLE_EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,190}");

	private final Clock clock;

	SecurityEvents(Clock clock) {
		this.clock = clock;
	}

	void signedIn(StaffUser user, String address) {
		log.info("Sign-in succeeded: staff={} email={} address={} at={}", user.id(), user.email(), address, now());
	}

	void signInFailed(String typedEmail, String address, String reason) {
		log.warn("Sign-in failed: email={} address={} reason={} at={}", loggable(typedEmail), address, reason, now());
	}

	void signInRefused(String typedEmail, String address) {
		log.warn("Sign-in refused, too many failures: email={} address={} at={}", loggable(typedEmail), address, now());
	}

	/**
	 * Many failures for one email address from many client addresses: someone may be
	 * guessing from many machines. Nothing is refused for it.
	 */
	void manySignInFailures(String email, long failures, Duration window) {
		log.warn("Many failed sign-ins for one account from anywhere: email={} failures={} within={} at={}",
				loggable(email), failures, window, now());
	}

	void signInBusy(String typedEmail, String address) {
		log.warn("Sign-in not checked, every turn to hash a password taken: email={} address={} at={}",
				loggable(typedEmail), address, now());
	}

	void signedOut(@Nullable StaffUser user, String address) {
		log.info("Signed out: staff={} address={} at={}", (user != null) ? user.id() : "-", address, now());
	}

	void sessionEnded(long staffId, String address, String reason) {
		log.info("Session ended: staff={} address={} reason={} at={}", staffId, address, reason, now());
	}

	void accessDenied(@Nullable StaffUser user, String method, String path, String address) {
		log.warn("Access denied: staff={} request={} {} address={} at={}", (user != null) ? user.id() : "anonymous",
				method, path, address, now());
	}

	void secondFactorPassed(StaffUser user, String how, String address) {
		log.info("Second step passed: staff={} with={} address={} at={}", user.id(), how, address, now());
	}

	void secondFactorFailed(StaffUser user, String address) {
		log.warn("Second step failed, wrong code: staff={} address={} at={}", user.id(), address, now());
	}

	void secondFactorRefused(StaffUser user, String address) {
		log.warn("Second step refused, too many wrong codes: staff={} address={} at={}", user.id(), address, now());
	}

	void secondFactorChanged(StaffUser user, String what, String address) {
		log.info("Second factor {}: staff={} address={} at={}", what, user.id(), address, now());
	}

	void currentPasswordWrong(StaffUser user, String address) {
		log.warn("Change of password refused, wrong current password: staff={} address={} at={}", user.id(), address,
				now());
	}

	void currentPasswordRefused(StaffUser user, String address) {
		log.warn("Change of password refused, too many wrong current passwords: staff={} address={} at={}", user.id(),
				address, now());
	}

	void passwordChanged(StaffUser user, String address) {
		log.info("Password changed: staff={} address={} at={}", user.id(), address, now());
	}

	void accountChanged(String what, long accountId, @Nullable StaffUser by) {
		log.info("Staff account {}: staff={} by={} at={}", what, accountId, (by != null) ? by.id() : "system", now());
	}

	private String now() {
		return this.clock.instant().toString();
	}

	static String loggable(String typedEmail) {
		String email = typedEmail.strip();
		return PLAUSIBLE_EMAIL.matcher(email).matches() ? StaffAccount.normaliseEmail(email) : "(not an email address)";
	}

}
