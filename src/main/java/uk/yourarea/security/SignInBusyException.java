package uk.yourarea.security;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

/**
 * No turn to hash the password came in time ({@link PasswordHashingTurns}): the attempt
 * was not checked and does not count. The sign-in page says the service is busy, with a
 * 503 and {@code Retry-After}.
 */
class SignInBusyException extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	SignInBusyException() {
		super("Every turn to hash a password is taken");
	}

}
