package uk.yourarea.security;

import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator on start, when there is no administrator yet and
 * {@code YOURAREA_ADMIN_EMAIL} and {@code YOURAREA_ADMIN_PASSWORD} are set. Does nothing
 * otherwise, so the variables can stay set (or, better, be removed) once the site has an
 * administrator. The password must meet the password policy; it need not be changed at
 * first sign-in.
 */
@Component
class AdministratorBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final AdministratorProperties administrator;

	private final StaffAccounts accounts;

	private final SecurityEvents events;

	AdministratorBootstrap(AdministratorProperties administrator, StaffAccounts accounts, SecurityEvents events) {
		this.administrator = administrator;
		this.accounts = accounts;
		this.events = events;
	}

	@Override
	public void run(ApplicationArguments args) {
		createFirstAdministrator();
	}

	/**
	 * Creates the first administrator if there is none and the variables are set; says
	 * whether it did.
	 */
	boolean createFirstAdministrator() {
		if (!this.administrator.isSet() || this.accounts.anyAdministrator()) {
			return false;
		}
		String email = StaffAccount.normaliseEmail(Objects.requireNonNull(this.administrator.email()));
		String password = Objects.requireNonNull(this.administrator.password());
		if (!email.matches("[^\\s@]+@[^\\s@]+") || email.length() > 254) {
			throw new IllegalStateException("YOURAREA_ADMIN_EMAIL is not an email address");
		}
		this.accounts.passwordProblem(password, "", email).ifPresent((problem) -> {
			throw new IllegalStateException("YOURAREA_ADMIN_PASSWORD cannot be used: " + problem);
		});
		if (this.accounts.exists(email)) {
			throw new IllegalStateException("There is no administrator, but an account with YOURAREA_ADMIN_EMAIL "
					+ "exists: give it the administrator role in the database, or choose another email address");
		}
		StaffAccounts.Account account = this.accounts.createAccount(
				new StaffAccounts.Details("Administrator", email, Set.of(StaffRole.ADMIN), Set.of(), Set.of()),
				password, false);
		this.events.accountChanged("created as the first administrator", account.id(), null);
		log.info("Created the first administrator, {}, from YOURAREA_ADMIN_EMAIL and YOURAREA_ADMIN_PASSWORD",
				account.email());
		return true;
	}

}
