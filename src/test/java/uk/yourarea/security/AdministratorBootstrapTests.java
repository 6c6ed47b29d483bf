package uk.yourarea.security;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The first administrator comes from YOURAREA_ADMIN_EMAIL and YOURAREA_ADMIN_PASSWORD.
 */
class AdministratorBootstrapTests {

	private final StaffAccounts accounts = mock(StaffAccounts.class);

	@Test
	void createsTheFirstAdministratorWhenThereIsNone() {
		given(this.accounts.anyAdministrator()).willReturn(false);
		given(this.accounts.passwordProblem(anyString(), anyString(), anyString())).willReturn(Optional.empty());
		given(this.accounts.createAccount(any(), anyString(), anyBoolean()))
			.willReturn(new StaffAccounts.Account(1, "Administrator", "chief@example.org", Set.of(StaffRole.ADMIN),
					Set.of(), Set.of(), true, false, Instant.EPOCH, 0));

		boolean created = bootstrap(" Chief@Example.org ", "a long and private passphrase").createFirstAdministrator();

		assertThat(created).isTrue();
		ArgumentCaptor<StaffAccounts.Details> details = ArgumentCaptor.forClass(StaffAccounts.Details.class);
		verify(this.accounts).createAccount(details.capture(), eq("a long and private passphrase"), eq(false));
		assertThat(details.getValue().email()).isEqualTo("chief@example.org");
		assertThat(details.getValue().roles()).containsExactly(StaffRole.ADMIN);
	}

	@Test
	void doesNothingWhenThereIsAnAdministratorAlready() {
		given(this.accounts.anyAdministrator()).willReturn(true);

		assertThat(bootstrap("chief@example.org", "a long and private passphrase").createFirstAdministrator())
			.isFalse();
		verify(this.accounts, never()).createAccount(any(), anyString(), anyBoolean());
	}

	@Test
	void doesNothingWhenTheVariablesAreNotSet() {
		assertThat(bootstrap("", "").createFirstAdministrator()).isFalse();
		assertThat(bootstrap(null, null).createFirstAdministrator()).isFalse();
		verify(this.accounts, never()).anyAdministrator();
	}

	@Test
	void refusesAWeakPassword() {
		given(this.accounts.anyAdministrator()).willReturn(false);
		given(this.accounts.passwordProblem(anyString(), anyString(), anyString()))
			.willReturn(Optional.of("Choose a password that is harder to guess"));

		assertThatIllegalStateException()
			.isThrownBy(() -> bootstrap("chief@example.org", "Leicestershire1").createFirstAdministrator())
			.withMessage("YOURAREA_ADMIN_PASSWORD cannot be used: Choose a password that is harder to guess");
	}

	private AdministratorBootstrap bootstrap(String email, String password) {
		return new AdministratorBootstrap(new AdministratorProperties(email, password), this.accounts,
				mock(SecurityEvents.class));
	}

}
