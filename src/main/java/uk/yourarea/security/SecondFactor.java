package uk.yourarea.security;

import java.time.Instant;
import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The ways a member of staff proves, after their password, that it is really them. Each
 * is a factor authority of Spring Security's multi-factor support: a sign-in holds the
 * password's authority and, after the second step, one of these.
 */
enum SecondFactor {

	/** A passkey (WebAuthn), the preferred factor. */
	PASSKEY(FactorGrantedAuthority.WEBAUTHN_AUTHORITY),

	/** A code from an authenticator app (TOTP, RFC 6238). */
	AUTHENTICATOR_APP("FACTOR_TOTP"),

	/** One of the ten one-time recovery codes, for when the app is lost. */
	RECOVERY_CODE("FACTOR_RECOVERY_CODE");

	/**
	 * The authority a staff sign-in carries while its account has a second factor set up,
	 * so that the authorisation rules know to ask for it where it is optional.
	 */
	static final String ENROLLED = "SECOND_FACTOR_ENROLLED";

	private final String authority;

	SecondFactor(String authority) {
		this.authority = authority;
	}

	String authority() {
		return this.authority;
	}

	FactorGrantedAuthority grantedAt(Instant at) {
		return FactorGrantedAuthority.withAuthority(this.authority).issuedAt(at).build();
	}

	/** Whether a sign-in with these authorities has passed the second step. */
	static boolean provided(Collection<? extends GrantedAuthority> authorities) {
		for (GrantedAuthority granted : authorities) {
			for (SecondFactor factor : values()) {
				if (factor.authority.equals(granted.getAuthority())) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean enrolled(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().anyMatch((granted) -> ENROLLED.equals(granted.getAuthority()));
	}

}
