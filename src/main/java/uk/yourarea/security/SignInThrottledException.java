package uk.yourarea.security;

import java.io.Serial;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: this attempt was refused before the password was checked. */
class SignInThrottledException extends AuthenticationException {

	@Serial
	private static final long serialVersionUID = 1L;

	SignInThrottledException() {
		super("Too many failed sign-ins");
	}

}
