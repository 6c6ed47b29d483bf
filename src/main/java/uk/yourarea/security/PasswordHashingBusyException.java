package uk.yourarea.security;

import java.io.Serial;

/**
 * Every turn to hash a password was taken for longer than a request waits
 * ({@link PasswordHashingTurns}): the site is busy, and the request is answered 503 with
 * {@code Retry-After}. Nothing was checked or changed.
 */
class PasswordHashingBusyException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** Seconds a client is asked to wait before trying again. */
	static final int RETRY_AFTER_SECONDS = 5;

	PasswordHashingBusyException() {
		super("Every turn to hash a password is taken", null, false, false);
	}

}
