package uk.yourarea.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/** The order of the checks at sign-in, and the one answer every failure gets. */
class StaffAuthenticationProviderTests {

	private static final String ADDRESS = "192.0.2.10";

	private final PasswordEncoder encoder = PasswordHashing.encoder();

	private final StaffAccountRepository accounts = mock(StaffAccountRepository.class);

	private final SignInThrottle throttle = mock(SignInThrottle.class);

	private final SecurityEvents events = mock(SecurityEvents.class);

	private final SignInThrottle.Attempt attempt = mock(SignInThrottle.Attempt.class);

	@BeforeEach
	void everyAttemptIsAllowed() {
		given(this.throttle.tryAttempt(anyString(), anyString())).willReturn(Optional.of(this.attempt));
	}

	@Test
	void signsInWithTheRightPassword() {
		account("sam@example.org", "tangerine dream", true);

		Authentication result = provider(false).authenticate(attempt(" Sam@Example.org ", "tangerine dream"));

		assertThat(result.isAuthenticated()).isTrue();
		assertThat(result.getPrincipal()).isInstanceOfSatisfying(StaffUser.class, (user) -> {
			assertThat(user.id()).isEqualTo(7L);
			assertThat(user.email()).isEqualTo("sam@example.org");
		});
		assertThat(result.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_OFFICER", FactorGrantedAuthority.PASSWORD_AUTHORITY);
		assertThat(result.getCredentials()).isNull();
		verify(this.throttle).tryAttempt("sam@example.org", ADDRESS);
		verify(this.attempt).succeeded();
		verify(this.attempt, never()).failed();
	}

	@Test
	void refusesBeforeCheckingThePasswordWhenThereHaveBeenTooManyFailures() {
		account("sam@example.org", "tangerine dream", true);
		given(this.throttle.tryAttempt("sam@example.org", ADDRESS)).willReturn(Optional.empty());

		assertThatExceptionOfType(SignInThrottledException.class)
			.isThrownBy(() -> provider(false).authenticate(attempt("sam@example.org", "tangerine dream")));
		verifyNoInteractions(this.accounts, this.attempt);
		verify(this.events).signInRefused("sam@example.org", ADDRESS);
	}

	@Test
	void givesTheSameAnswerForEveryFailureAndCountsIt() {
		account("sam@example.org", "tangerine dream", true);
		account("gone@example.org", "tangerine dream", false);
		StaffAuthenticationProvider provider = provider(false);

		for (Authentication attempt : new Authentication[] { attempt("sam@example.org", "wrong"),
				attempt("nobody@example.org", "tangerine dream"), attempt("gone@example.org", "tangerine dream") }) {
			assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> provider.authenticate(attempt))
				.withMessage("Enter a correct email address and password");
		}
		verify(this.throttle).tryAttempt("sam@example.org", ADDRESS);
		verify(this.throttle).tryAttempt("nobody@example.org", ADDRESS);
		verify(this.throttle).tryAttempt("gone@example.org", ADDRESS);
		verify(this.attempt, times(3)).failed();
		verify(this.attempt, never()).succeeded();
		verify(this.events).signInFailed("gone@example.org", ADDRESS, "account disabled");
	}

	@Test
	void anAttemptThatFindsEveryTurnToHashTakenIsNotCheckedAndDoesNotCount() {
		account("sam@example.org", "tangerine dream", true);
		PasswordHashingTurns turns = new PasswordHashingTurns(1, Duration.ofMillis(50));
		StaffAuthenticationProvider provider = new StaffAuthenticationProvider(this.accounts,
				PasswordHashing.encoder(turns, new PasswordHashingMemory(turns.atOnce(), Clock.systemUTC())),
				this.throttle, this.events, mock(TransactionTemplate.class), mock(SecondFactors.class),
				Clock.systemUTC(), false);
		turns.take();
		try {
			assertThatExceptionOfType(SignInBusyException.class)
				.isThrownBy(() -> provider.authenticate(attempt("sam@example.org", "tangerine dream")));
		}
		finally {
			turns.giveBack();
		}
		verify(this.attempt).notChecked();
		verify(this.attempt, never()).failed();
		verify(this.attempt, never()).succeeded();
		verify(this.events).signInBusy("sam@example.org", ADDRESS);

		assertThat(provider.authenticate(attempt("sam@example.org", "tangerine dream")).isAuthenticated())
			.as("once a turn is free")
			.isTrue();
	}

	@Test
	void aRightPasswordGivesThePasswordFactorAndNothingMore() {
		account("officer@example.org", "a long enough password", true);

		Authentication signedIn = provider(false)
			.authenticate(attempt("officer@example.org", "a long enough password"));

		assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.contains(FactorGrantedAuthority.PASSWORD_AUTHORITY, "ROLE_OFFICER")
			.doesNotContain(FactorGrantedAuthority.WEBAUTHN_AUTHORITY, SecondFactor.AUTHENTICATOR_APP.authority(),
					SecondFactor.ENROLLED);
	}

	@Test
	void refusesTheDemoPasswordOutsideTheDemoProfile() {
		account("admin@example.org", DemoPasswords.DEMO_PASSWORD, true);

		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> provider(false).authenticate(attempt("admin@example.org", DemoPasswords.DEMO_PASSWORD)));
		assertThat(provider(true).authenticate(attempt("admin@example.org", DemoPasswords.DEMO_PASSWORD))
			.isAuthenticated()).as("in the demo profile").isTrue();
	}

	private StaffAuthenticationProvider provider(boolean demo) {
		return new StaffAuthenticationProvider(this.accounts, this.encoder, this.throttle, this.events,
				mock(TransactionTemplate.class), mock(SecondFactors.class), Clock.systemUTC(), demo);
	}

	private void account(String email, String password, boolean enabled) {
		StaffAccount account = new StaffAccount(email, "Sam Example", this.encoder.encode(password), false,
				Instant.parse("2026-11-23T10:00:00Z"));
		account.describe(email, "Sam Example", Set.of(StaffRole.OFFICER), Set.of(1L), Set.of(), null);
		ReflectionTestUtils.setField(account, "id", 7L);
		if (!enabled) {
			account.disable();
		}
		given(this.accounts.findByEmail(email)).willReturn(Optional.of(account));
	}

	private static Authentication attempt(String email, String password) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(email,
				password);
		attempt.setDetails(new WebAuthenticationDetails(ADDRESS, null));
		return attempt;
	}

}
