package uk.yourarea.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a staff member's email address and password. In order: counts the attempt, or
 * refuses it at once when there have been too many failures (before any password is
 * checked, {@link SignInThrottle}); checks the password against the Argon2id hash (and,
 * for an unknown email address, against a dummy hash, so both take as long) in a turn to
 * hash ({@link PasswordHashingTurns}: when none comes in time the attempt is not counted
 * and is answered "busy"); then refuses disabled accounts and, outside the demo profile,
 * the published demo password. Every failure gets the same answer, whatever its reason,
 * and is counted.
 */
class StaffAuthenticationProvider implements AuthenticationProvider {

	static final String FAILED = "Enter a correct email address and password";

	private final StaffAccountRepository accounts;

	private final PasswordEncoder encoder;

	private final SignInThrottle throttle;

	private final SecurityEvents events;

	private final TransactionTemplate transaction;

	private final SecondFactors secondFactors;

	private final Clock clock;

	private final boolean demo;

	private volatile @Nullable String dummyHash;

	StaffAuthenticationProvider(StaffAccountRepository accounts, PasswordEncoder encoder, SignInThrottle throttle,
			SecurityEvents events, TransactionTemplate transaction, SecondFactors secondFactors, Clock clock,
			boolean demo) {
		this.secondFactors = secondFactors;
		this.clock = clock;
		this.accounts = accounts;
		this.encoder = encoder;
		this.throttle = throttle;
		this.events = events;
		this.transaction = transaction;
		this.demo = demo;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String typed = (authentication.getName() != null) ? authentication.getName() : "";
		String email = StaffAccount.normaliseEmail(typed);
		String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : "";
		String address = addressOf(authentication);
		Optional<SignInThrottle.Attempt> allowed = this.throttle.tryAttempt(email, address);
		if (allowed.isEmpty()) {
			this.events.signInRefused(typed, address);
			throw new SignInThrottledException();
		}
		SignInThrottle.Attempt attempt = allowed.get();
		StaffAccount account;
		try {
			account = check(attempt, typed, email, password, address);
		}
		catch (PasswordHashingBusyException ex) {
			attempt.notChecked();
			this.events.signInBusy(typed, address);
			throw new SignInBusyException();
		}
		attempt.succeeded();
		if (this.encoder.upgradeEncoding(account.getPasswordHash())) {
			try {
				String rehashed = this.encoder.encode(password);
				this.transaction.executeWithoutResult((status) -> this.accounts.findById(account.getId())
					.ifPresent((stored) -> stored.rehash(rehashed)));
			}
			catch (PasswordHashingBusyException ex) {
				// Signed in all the same; the hash is replaced at a later sign-in.
			}
		}
		StaffUser user = account.toStaffUser();
		List<GrantedAuthority> authorities = new ArrayList<>(user.authorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.issuedAt(this.clock.instant())
			.build());
		if (this.secondFactors.enrolled(account.getId(), account.getEmail())) {
			authorities.add(new SimpleGrantedAuthority(SecondFactor.ENROLLED));
		}
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				authorities);
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * Checks the password (in a turn to hash, which may be refused), then the account.
	 * @return the account, when the password is right and it may sign in
	 */
	private StaffAccount check(SignInThrottle.Attempt attempt, String typed, String email, String password,
			String address) {
		if (password.length() > PasswordPolicy.MAXIMUM_LENGTH * 2) {
			throw failed(attempt, typed, address, "password too long");
		}
		Optional<StaffAccount> found = (email.isEmpty() || email.length() > 254) ? Optional.empty()
				: this.accounts.findByEmail(email);
		if (found.isEmpty()) {
			this.encoder.matches(password, dummyHash());
			throw failed(attempt, typed, address, "no such account");
		}
		StaffAccount account = found.get();
		if (!this.encoder.matches(password, account.getPasswordHash())) {
			throw failed(attempt, typed, address, "wrong password");
		}
		if (!account.isEnabled()) {
			throw failed(attempt, typed, address, "account disabled");
		}
		if (!this.demo && DemoPasswords.DEMO_PASSWORD.equals(password)) {
			throw failed(attempt, typed, address, "the published demo password, outside the demo profile");
		}
		return account;
	}

	private BadCredentialsException failed(SignInThrottle.Attempt attempt, String typed, String address,
			String reason) {
		attempt.failed();
		this.events.signInFailed(typed, address, reason);
		return new BadCredentialsException(FAILED);
	}

	private String dummyHash() {
		String hash = this.dummyHash;
		if (hash == null) {
			hash = this.encoder.encode("not the password of any account");
			this.dummyHash = hash;
		}
		return hash;
	}

	static String addressOf(Authentication authentication) {
		Object details = authentication.getDetails();
		if (details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
			return web.getRemoteAddress();
		}
		return "unknown";
	}

}
