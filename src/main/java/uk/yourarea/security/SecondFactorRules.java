package uk.yourarea.security;

import java.util.function.Supplier;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AllRequiredFactorsAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;

import uk.yourarea.security.StaffSecurityProperties.SecondFactorPolicy;

/**
 * When a staff request needs a second factor: the password and then a passkey, a code
 * from an authenticator app or a recovery code, checked with Spring Security's
 * multi-factor authorisation.
 */
final class SecondFactorRules {

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	private final SecondFactorPolicy policy;

	private final AuthorizationManager<Object> passwordAndSecondFactor;

	SecondFactorRules(SecondFactorPolicy policy) {
		this.policy = policy;
		this.passwordAndSecondFactor = AllRequiredFactorsAuthorizationManager.anyOf(passwordAnd(SecondFactor.PASSKEY),
				passwordAnd(SecondFactor.AUTHENTICATOR_APP), passwordAnd(SecondFactor.RECOVERY_CODE));
	}

	private static AllRequiredFactorsAuthorizationManager<Object> passwordAnd(SecondFactor second) {
		return AllRequiredFactorsAuthorizationManager.builder()
			.requireFactor((factor) -> factor.authority(FactorGrantedAuthority.PASSWORD_AUTHORITY))
			.requireFactor((factor) -> factor.authority(second.authority()))
			.build();
	}

	/** Added to every staff rule: both factors, wherever a second one is needed. */
	AuthorizationManager<Object> everyRule() {
		return this::bothFactorsWhereNeeded;
	}

	/**
	 * For the pages that set up a second factor: the password alone while the account has
	 * none, so that its owner can set one up; both factors once it has one, so that a
	 * stolen password cannot add the thief's own.
	 */
	<T> AuthorizationManager<T> setUp() {
		return (authentication, object) -> {
			Authentication signedIn = authentication.get();
			if (signedIn == null || TRUST.isAnonymous(signedIn) || !signedIn.isAuthenticated()) {
				return new AuthorizationDecision(false);
			}
			if (!SecondFactor.enrolled(signedIn.getAuthorities())) {
				return new AuthorizationDecision(true);
			}
			return this.passwordAndSecondFactor.authorize(authentication, object);
		};
	}

	boolean needed(Authentication signedIn) {
		return this.policy == SecondFactorPolicy.REQUIRED || SecondFactor.enrolled(signedIn.getAuthorities());
	}

	private AuthorizationResult bothFactorsWhereNeeded(Supplier<? extends Authentication> authentication,
			Object object) {
		Authentication signedIn = authentication.get();
		if (signedIn == null || TRUST.isAnonymous(signedIn) || !needed(signedIn)) {
			return new AuthorizationDecision(true);
		}
		return this.passwordAndSecondFactor.authorize(authentication, object);
	}

}
