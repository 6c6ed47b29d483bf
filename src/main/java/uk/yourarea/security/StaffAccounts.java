package uk.yourarea.security;

import java.util.Locale;

import org.springframework.context.MessageSource;

import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.web.SiteProperties;

import java.io.Serial;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.web.NotFoundException;

/**
 * Staff accounts as administrators manage them: create (with a temporary password that
 * must be changed at first sign-in), change, disable and enable, and set a new temporary
 * password. Every change is logged with who made it.
 */
@Service
public class StaffAccounts {

	/** A staff account as an administrator sees it. */
	public record Account(long id, String name, String email, Set<StaffRole> roles, Set<Long> neighbourhoodIds,
			Set<Long> localPolicingAreaIds, boolean enabled, boolean mustChangePassword, Instant createdAt,
			long version, @Nullable String collarNumber) {

		public Account {
			roles = roles.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(StaffRole.class))
					: Collections.unmodifiableSet(EnumSet.copyOf(roles));
			neighbourhoodIds = Set.copyOf(neighbourhoodIds);
			localPolicingAreaIds = Set.copyOf(localPolicingAreaIds);
		}

		/** An account without a collar number. */
		public Account(long id, String name, String email, Set<StaffRole> roles, Set<Long> neighbourhoodIds,
				Set<Long> localPolicingAreaIds, boolean enabled, boolean mustChangePassword, Instant createdAt,
				long version) {
			this(id, name, email, roles, neighbourhoodIds, localPolicingAreaIds, enabled, mustChangePassword, createdAt,
					version, null);
		}

		/** The roles in their natural order, for display. */
		public List<StaffRole> sortedRoles() {
			return List.copyOf(this.roles);
		}

	}

	/** A colleague as the message pages and emails name them. */
	public record Colleague(long id, String name, String email) {
	}

	/**
	 * What an administrator can set about an account.
	 *
	 * @param collarNumber the officer's collar number, for the signature of their alerts
	 * (letters and digits, at most 10), or null
	 */
	public record Details(String name, String email, Set<StaffRole> roles, Set<Long> neighbourhoodIds,
			Set<Long> localPolicingAreaIds, @Nullable String collarNumber) {

		/** Letters and digits only, as the database checks too. */
		public static final String COLLAR_NUMBER_PATTERN = "[A-Za-z0-9]{1,10}";

		public Details {
			roles = Set.copyOf(roles);
			neighbourhoodIds = Set.copyOf(neighbourhoodIds);
			localPolicingAreaIds = Set.copyOf(localPolicingAreaIds);
			collarNumber = (collarNumber == null || collarNumber.isBlank()) ? null : collarNumber.strip();
			if (collarNumber != null && !collarNumber.matches(COLLAR_NUMBER_PATTERN)) {
				throw new IllegalArgumentException("A collar number is 1 to 10 letters and digits");
			}
		}

		/** Details without a collar number. */
		public Details(String name, String email, Set<StaffRole> roles, Set<Long> neighbourhoodIds,
				Set<Long> localPolicingAreaIds) {
			this(name, email, roles, neighbourhoodIds, localPolicingAreaIds, null);
		}

	}

	/** Another account already signs in with this email address. */
	public static class EmailInUseException extends RuntimeException {

		@Serial
		private static final long serialVersionUID = 1L;

		EmailInUseException() {
			super("Another account has this email address", null, false, false);
		}

	}

	/** Someone else saved the account after the version the change was based on. */
	public static class ChangedElsewhereException extends RuntimeException {

		@Serial
		private static final long serialVersionUID = 1L;

		ChangedElsewhereException() {
			super("The account was changed by someone else", null, false, false);
		}

	}

	private final StaffAccountRepository accounts;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final SecurityEvents events;

	private final SecondFactors secondFactors;

	private final EmailOutbox outbox;

	private final MessageSource messages;

	private final SiteProperties site;

	private final Clock clock;

	private final SignInThrottle throttle;

	StaffAccounts(StaffAccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy,
			SecurityEvents events, SecondFactors secondFactors, EmailOutbox outbox, MessageSource messages,
			SiteProperties site, Clock clock, SignInThrottle throttle) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.encoder = encoder;
		this.policy = policy;
		this.events = events;
		this.secondFactors = secondFactors;
		this.outbox = outbox;
		this.messages = messages;
		this.site = site;
		this.clock = clock;
	}

	/**
	 * Whether the account has a passkey or an authenticator app (never what they are).
	 */
	@Transactional(readOnly = true)
	public boolean hasSecondFactor(long id) {
		StaffAccount account = load(id);
		return this.secondFactors.enrolled(id, account.getEmail());
	}

	/**
	 * Removes every passkey, authenticator app and recovery code of a colleague's
	 * account, for when they have lost them: they set up a new one when they next sign
	 * in. The change is logged and the colleague is told by email, so that a reset they
	 * did not ask for does not go unnoticed.
	 */
	@ForAdministrators
	@Transactional
	public void resetSecondFactor(long id, StaffUser by) {
		StaffAccount account = load(id);
		this.secondFactors.reset(id, account.getEmail());
		this.events.accountChanged("second factor reset", id, by);
		Locale locale = Locale.UK;
		this.outbox
			.queue("security-second-factor-reset", account.getEmail(),
					this.messages.getMessage("security.reset-email.subject", null, locale),
					this.messages.getMessage("security.reset-email.body",
							new Object[] { account.getName(), by.name(), this.site.link("/staff/sign-in") }, locale),
					null);
	}

	/** Every account, by name. */
	@ForAdministrators
	@Transactional(readOnly = true)
	public List<Account> list() {
		return this.accounts.findAllWithAssignments().stream().map(StaffAccount::toAccount).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(long id) {
		return this.accounts.findWithAssignmentsById(id).map(StaffAccount::toAccount);
	}

	@Transactional(readOnly = true)
	public boolean emailInUse(String email, @Nullable Long exceptAccountId) {
		return this.accounts.findByEmail(StaffAccount.normaliseEmail(email))
			.filter((account) -> exceptAccountId == null || account.getId() != exceptAccountId)
			.isPresent();
	}

	/**
	 * Creates an account whose owner must choose a new password when they first sign in.
	 * @throws EmailInUseException if another account has the email address
	 * @throws IllegalArgumentException if the temporary password does not meet the
	 * {@link PasswordPolicy}
	 */
	@ForAdministrators
	@Transactional
	public Account create(Details details, String temporaryPassword, StaffUser by) {
		Account account = createAccount(details, temporaryPassword, true);
		this.events.accountChanged("created", account.id(), by);
		return account;
	}

	/**
	 * Changes an account's name, email address, roles and assignments.
	 * @param expectedVersion the version the administrator's form was based on
	 * @throws ChangedElsewhereException if someone saved the account in the meantime
	 * @throws EmailInUseException if another account has the email address
	 * @throws IllegalStateException if administrators would take the administrator role
	 * away from themselves
	 */
	@ForAdministrators
	@Transactional
	public void update(long id, long expectedVersion, Details details, StaffUser by) {
		StaffAccount account = load(id);
		if (account.getVersion() != expectedVersion) {
			throw new ChangedElsewhereException();
		}
		if (id == by.id() && !details.roles().contains(StaffRole.ADMIN)) {
			throw new IllegalStateException("Administrators cannot remove their own administrator role");
		}
		if (emailInUse(details.email(), id)) {
			throw new EmailInUseException();
		}
		account.describe(details.email(), details.name(), details.roles(), details.neighbourhoodIds(),
				details.localPolicingAreaIds(), details.collarNumber());
		flush();
		this.events.accountChanged("changed", id, by);
	}

	/**
	 * Disables an account: its owner cannot sign in, and any session they have ends with
	 * their next request.
	 */
	@ForAdministrators
	@Transactional
	public void disable(long id, StaffUser by) {
		if (id == by.id()) {
			throw new IllegalStateException("Administrators cannot disable their own account");
		}
		load(id).disable();
		this.events.accountChanged("disabled", id, by);
	}

	@ForAdministrators
	@Transactional
	public void enable(long id, StaffUser by) {
		load(id).enable();
		this.events.accountChanged("enabled", id, by);
	}

	/**
	 * Replaces the password with one the owner must change when they next sign in; their
	 * sessions end.
	 * @throws IllegalArgumentException if the password does not meet the
	 * {@link PasswordPolicy}
	 */
	@ForAdministrators
	@Transactional
	public void setTemporaryPassword(long id, String password, StaffUser by) {
		StaffAccount account = load(id);
		requireAcceptable(password, account.getName(), account.getEmail());
		account.setTemporaryPassword(this.encoder.encode(password));
		this.events.accountChanged("given a temporary password", id, by);
	}

	/**
	 * The problem with a password for this person, in GOV.UK wording, or empty when it
	 * will do.
	 */
	public Optional<String> passwordProblem(String password, String name, String email) {
		return this.policy.problemWith(password, name, email);
	}

	/** What checking the current password on the change-password page found. */
	enum CurrentPassword {

		RIGHT, WRONG,

		/** Too many wrong passwords: this one was not checked. */
		TOO_MANY

	}

	/**
	 * Checks the current password typed on the change-password page, counted and limited
	 * as a sign-in is ({@link SignInThrottle}): whoever holds a session cannot guess the
	 * password behind it any faster than they could sign in. The hash is checked outside
	 * any transaction, so no database connection waits for a turn to hash.
	 * @throws PasswordHashingBusyException when no turn to hash came in time; the attempt
	 * does not count
	 */
	CurrentPassword checkCurrentPassword(StaffUser user, String password, String address) {
		Optional<SignInThrottle.Attempt> allowed = this.throttle.tryAttempt(user.email(), address);
		if (allowed.isEmpty()) {
			return CurrentPassword.TOO_MANY;
		}
		SignInThrottle.Attempt attempt = allowed.get();
		boolean right;
		try {
			right = this.accounts.findById(user.id())
				.map((account) -> this.encoder.matches(password, account.getPasswordHash()))
				.orElse(false);
		}
		catch (PasswordHashingBusyException ex) {
			attempt.notChecked();
			throw ex;
		}
		if (right) {
			attempt.succeeded();
			return CurrentPassword.RIGHT;
		}
		attempt.failed();
		return CurrentPassword.WRONG;
	}

	/**
	 * The owner's own new password, after they typed their current one.
	 * @return the new hash, to mark the session as belonging to the new password
	 */
	@Transactional
	String changeOwnPassword(long id, String newPassword) {
		StaffAccount account = load(id);
		requireAcceptable(newPassword, account.getName(), account.getEmail());
		account.changePassword(this.encoder.encode(newPassword));
		return account.getPasswordHash();
	}

	/**
	 * For the first administrator and the demo accounts: the password is not checked
	 * against the policy.
	 */
	@Transactional
	Account createAccount(Details details, String password, boolean mustChangePassword) {
		if (this.accounts.existsByEmail(StaffAccount.normaliseEmail(details.email()))) {
			throw new EmailInUseException();
		}
		if (mustChangePassword) {
			requireAcceptable(password, details.name(), details.email());
		}
		StaffAccount account = new StaffAccount(details.email(), details.name(), this.encoder.encode(password),
				mustChangePassword, this.clock.instant());
		account.describe(details.email(), details.name(), details.roles(), details.neighbourhoodIds(),
				details.localPolicingAreaIds(), details.collarNumber());
		StaffAccount saved = this.accounts.save(account);
		flush();
		return saved.toAccount();
	}

	@Transactional(readOnly = true)
	boolean anyAdministrator() {
		return this.accounts.anyAdministrator();
	}

	/**
	 * Whom to email about a resident's message: the member of staff it is assigned to,
	 * or, when it is assigned to no one, everyone who belongs to its neighbourhood. Asked
	 * while a resident writes, when no one is signed in.
	 */
	@Transactional(readOnly = true)
	public List<String> emailsOfTheTeam(@Nullable Long assignedToId, long neighbourhoodId) {
		return this.accounts.emailsOfTheTeam(assignedToId, neighbourhoodId);
	}

	/**
	 * Every enabled supervisor, A to Z, with the ids of the local policing areas they
	 * supervise.
	 */
	@Transactional(readOnly = true)
	public Map<Colleague, Set<Long>> supervisorsWithTheirAreas() {
		Map<Colleague, Set<Long>> supervisors = new LinkedHashMap<>();
		for (StaffAccount account : this.accounts.findAllWithAssignments()) {
			Account details = account.toAccount();
			if (details.enabled() && details.roles().contains(StaffRole.SUPERVISOR)) {
				supervisors.put(colleague(account), details.localPolicingAreaIds());
			}
		}
		return supervisors;
	}

	/** The names of these accounts, enabled or not, by id. */
	@Transactional(readOnly = true)
	public Map<Long, String> namesOf(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		this.accounts.findAllById(ids).forEach((account) -> names.put(account.getId(), account.getName()));
		return names;
	}

	private static Colleague colleague(StaffAccount account) {
		return new Colleague(account.getId(), account.getName(), account.getEmail());
	}

	@Transactional(readOnly = true)
	boolean exists(String email) {
		return this.accounts.existsByEmail(StaffAccount.normaliseEmail(email));
	}

	private void requireAcceptable(String password, String name, String email) {
		this.policy.problemWith(password, name, email).ifPresent((problem) -> {
			throw new IllegalArgumentException(problem);
		});
	}

	private StaffAccount load(long id) {
		return this.accounts.findWithAssignmentsById(id)
			.orElseThrow(() -> new NotFoundException("No staff account " + id));
	}

	private void flush() {
		try {
			this.accounts.flush();
		}
		catch (OptimisticLockingFailureException ex) {
			throw new ChangedElsewhereException();
		}
		catch (DataIntegrityViolationException ex) {
			if (String.valueOf(ex.getMessage()).contains("staff_account_email_idx")) {
				throw new EmailInUseException();
			}
			throw ex;
		}
	}

}
