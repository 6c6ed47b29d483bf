package uk.yourarea.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.web.RateLimits;

/**
 * A member of staff's second factors: the passkeys Spring Security's WebAuthn support
 * keeps (tables {@code user_entities} and {@code user_credentials}, where a user entity's
 * name is the sign-in email address), an authenticator app, and ten one-time recovery
 * codes kept as hashes ({@link RecoveryCodeHashes}). Wrong codes are counted per account:
 * after {@value #WRONG_CODES_ALLOWED} within the sign-in window, codes are refused until
 * the window has passed, so a stolen password cannot be followed by guessing six digits.
 * <p>
 * An authenticator app's key is stored sealed when a key for that is configured
 * ({@link AuthenticatorKeySeal}).
 */
@Service
public class SecondFactors {

	static final int RECOVERY_CODES = 10;

	static final int WRONG_CODES_ALLOWED = 5;

	private static final String RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Logger log = LoggerFactory.getLogger(SecondFactors.class);

	private final JdbcTemplate jdbc;

	private final RateLimits rateLimits;

	private final StaffSecurityProperties properties;

	private final Clock clock;

	private final AuthenticatorKeySeal seal;

	private final RecoveryCodeHashes recoveryCodeHashes;

	private final AuthenticatorAppCodes codes = new AuthenticatorAppCodes();

	SecondFactors(JdbcTemplate jdbc, RateLimits rateLimits, StaffSecurityProperties properties, Clock clock,
			AuthenticatorKeySeal seal, RecoveryCodeHashes recoveryCodeHashes) {
		this.jdbc = jdbc;
		this.rateLimits = rateLimits;
		this.properties = properties;
		this.clock = clock;
		this.seal = seal;
		this.recoveryCodeHashes = recoveryCodeHashes;
	}

	/** A passkey as its owner sees it in the list of their passkeys. */
	public record Passkey(String id, String label, @Nullable Instant created, @Nullable Instant lastUsed) {
	}

	/** The outcome of a code typed at the second step. */
	enum CodeCheck {

		ACCEPTED_APP, ACCEPTED_RECOVERY_CODE, WRONG, TOO_MANY_WRONG,

		/**
		 * The app's key is sealed with a key this instance does not have: the site's
		 * fault, so not counted as a wrong code.
		 */
		APP_KEY_NOT_OPENED

	}

	private enum AppCodeCheck {

		ACCEPTED, WRONG, KEY_NOT_OPENED

	}

	@Transactional(readOnly = true)
	public boolean enrolled(long accountId, String email) {
		return hasAuthenticatorApp(accountId) || !passkeys(email).isEmpty();
	}

	@Transactional(readOnly = true)
	public List<Passkey> passkeys(String email) {
		return this.jdbc.query("""
				select c.credential_id, c.label, c.created, c.last_used
				from user_credentials c join user_entities u on u.id = c.user_entity_user_id
				where u.name = ? order by c.created, c.credential_id""", (row, n) -> new Passkey(row.getString(1),
				row.getString(2), instant(row.getTimestamp(3)), instant(row.getTimestamp(4))), email);
	}

	/** Removes one of their own passkeys; another person's is never touched. */
	@Transactional
	public boolean removePasskey(String email, String credentialId) {
		return this.jdbc.update("""
				delete from user_credentials c using user_entities u
				where u.id = c.user_entity_user_id and u.name = ? and c.credential_id = ?""", email, credentialId) == 1;
	}

	@Transactional(readOnly = true)
	public boolean hasAuthenticatorApp(long accountId) {
		return Boolean.TRUE.equals(this.jdbc.queryForObject(
				"select exists (select 1 from staff_authenticator_app where staff_account_id = ? and confirmed_at is not null)",
				Boolean.class, accountId));
	}

	/** A new key for an authenticator app, not yet in use: it counts once confirmed. */
	String newAuthenticatorAppKey() {
		return AuthenticatorAppCodes.newSecret();
	}

	/**
	 * The key being set up, sealed as it will be stored, for the session that holds it
	 * until it is confirmed: the sessions' table is no place for a key in clear either.
	 */
	String sealedForSetUp(long accountId, String key) {
		return this.seal.seal(accountId, key);
	}

	/**
	 * The key being set up, from the session; empty if no configured key opens it any
	 * more, so set-up starts again with a new one.
	 */
	Optional<String> openedForSetUp(long accountId, String sealed) {
		try {
			return Optional.of(this.seal.open(accountId, sealed).key());
		}
		catch (AuthenticatorKeySeal.KeyNotOpened ex) {
			return Optional.empty();
		}
	}

	/**
	 * Sets up the app with the key shown, if the code typed is the app's current one. Any
	 * earlier app stops working, and a new set of recovery codes replaces the old.
	 * @return the new recovery codes, to show once; empty if the code was wrong
	 */
	@Transactional
	public Optional<List<String>> confirmAuthenticatorApp(long accountId, String secret, String typed) {
		Instant now = this.clock.instant();
		OptionalLong step = this.codes.matchingStep(secret, typed, now);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.update("""
				insert into staff_authenticator_app (staff_account_id, secret, created_at, confirmed_at, last_used_step)
				values (?, ?, ?, ?, ?)
				on conflict (staff_account_id) do update
				set secret = excluded.secret, created_at = excluded.created_at, confirmed_at = excluded.confirmed_at,
				    last_used_step = excluded.last_used_step""", accountId, this.seal.seal(accountId, secret),
				Timestamp.from(now), Timestamp.from(now), step.getAsLong());
		return Optional.of(newRecoveryCodes(accountId));
	}

	@Transactional
	public void removeAuthenticatorApp(long accountId) {
		this.jdbc.update("delete from staff_authenticator_app where staff_account_id = ?", accountId);
	}

	/**
	 * Checks a code typed at the second step: six digits from the app, or a recovery code
	 * (used up by this). A code from the app works once.
	 */
	@Transactional
	CodeCheck check(long accountId, String typed) {
		String bucket = "second-factor:" + accountId;
		if (this.rateLimits.count(bucket, this.properties.signIn().window()) >= WRONG_CODES_ALLOWED) {
			return CodeCheck.TOO_MANY_WRONG;
		}
		String code = typed.strip();
		if (code.replaceAll("[\\s-]", "").matches("[0-9]{6}")) {
			AppCodeCheck app = acceptAppCode(accountId, code);
			if (app == AppCodeCheck.ACCEPTED) {
				return CodeCheck.ACCEPTED_APP;
			}
			if (app == AppCodeCheck.KEY_NOT_OPENED) {
				return CodeCheck.APP_KEY_NOT_OPENED;
			}
		}
		else if (useRecoveryCode(accountId, code)) {
			return CodeCheck.ACCEPTED_RECOVERY_CODE;
		}
		this.rateLimits.record(bucket);
		return CodeCheck.WRONG;
	}

	private AppCodeCheck acceptAppCode(long accountId, String code) {
		List<AppKey> keys = this.jdbc.query("""
				select secret, last_used_step from staff_authenticator_app
				where staff_account_id = ? and confirmed_at is not null for update""",
				(row, n) -> new AppKey(accountId, row.getString(1), row.getObject(2, Long.class)), accountId);
		if (keys.isEmpty()) {
			return AppCodeCheck.WRONG;
		}
		AppKey key = keys.get(0);
		AuthenticatorKeySeal.Opened opened;
		try {
			opened = this.seal.open(accountId, key.secret());
		}
		catch (AuthenticatorKeySeal.KeyNotOpened ex) {
			log.error("{}: its codes cannot be checked until that key is configured", ex.getMessage());
			return AppCodeCheck.KEY_NOT_OPENED;
		}
		OptionalLong step = this.codes.matchingStep(opened.key(), code, this.clock.instant());
		if (step.isEmpty() || (key.lastUsedStep() != null && step.getAsLong() <= key.lastUsedStep())) {
			return AppCodeCheck.WRONG;
		}
		String stored = opened.asConfigured() ? key.secret() : this.seal.seal(accountId, opened.key());
		this.jdbc.update("update staff_authenticator_app set last_used_step = ?, secret = ? where staff_account_id = ?",
				step.getAsLong(), stored, accountId);
		return AppCodeCheck.ACCEPTED;
	}

	/**
	 * Stores every authenticator-app key as the settings now ask: sealed with the
	 * configured key, or in clear when none is. A key no configured key opens is left as
	 * it is.
	 */
	@Transactional
	AtRest storeAsConfigured() {
		List<AppKey> stored = this.jdbc.query(
				"select staff_account_id, secret from staff_authenticator_app order by staff_account_id for update",
				(row, n) -> new AppKey(row.getLong(1), row.getString(2), null));
		int changed = 0;
		List<Long> notOpened = new ArrayList<>();
		for (AppKey key : stored) {
			try {
				AuthenticatorKeySeal.Opened opened = this.seal.open(key.accountId(), key.secret());
				if (!opened.asConfigured()) {
					changed += this.jdbc.update(
							"update staff_authenticator_app set secret = ? where staff_account_id = ? and secret = ?",
							this.seal.seal(key.accountId(), opened.key()), key.accountId(), key.secret());
				}
			}
			catch (AuthenticatorKeySeal.KeyNotOpened ex) {
				notOpened.add(key.accountId());
			}
		}
		return new AtRest(changed, notOpened);
	}

	/** What {@link #storeAsConfigured()} did. */
	record AtRest(int changed, List<Long> notOpened) {
	}

	private boolean useRecoveryCode(long accountId, String typed) {
		String[] hashes = this.recoveryCodeHashes.candidates(typed).toArray(String[]::new);
		// "used_at is null" in this statement's own condition, so that of two requests
		// with the same code at once, the second finds it used once the first commits.
		return this.jdbc.update("""
				update staff_recovery_code set used_at = ?
				where staff_account_id = ? and code_hash = any (?) and used_at is null""",
				Timestamp.from(this.clock.instant()), accountId, hashes) > 0;
	}

	@Transactional(readOnly = true)
	public int recoveryCodesLeft(long accountId) {
		Integer left = this.jdbc.queryForObject(
				"select count(*) from staff_recovery_code where staff_account_id = ? and used_at is null",
				Integer.class, accountId);
		return (left != null) ? left : 0;
	}

	/** Ten new recovery codes; the old ones stop working. Shown once, kept as hashes. */
	@Transactional
	public List<String> newRecoveryCodes(long accountId) {
		this.jdbc.update("delete from staff_recovery_code where staff_account_id = ?", accountId);
		Timestamp now = Timestamp.from(this.clock.instant());
		List<String> fresh = new ArrayList<>();
		while (fresh.size() < RECOVERY_CODES) {
			String code = randomRecoveryCode();
			if (!fresh.contains(code)) {
				fresh.add(code);
				this.jdbc.update(
						"insert into staff_recovery_code (staff_account_id, code_hash, created_at) values (?, ?, ?)",
						accountId, this.recoveryCodeHashes.hash(code), now);
			}
		}
		return fresh;
	}

	/**
	 * Removes every second factor of an account (an administrator's reset): its owner
	 * sets one up again at their next sign-in.
	 */
	@Transactional
	public void reset(long accountId, String email) {
		removeAuthenticatorApp(accountId);
		this.jdbc.update("delete from staff_recovery_code where staff_account_id = ?", accountId);
		this.jdbc.update("delete from user_entities where name = ?", email);
		this.rateLimits.clear("second-factor:" + accountId);
	}

	/** The code an authenticator app with this key shows now. */
	String currentCode(String secret) {
		return this.codes.codeAt(secret, this.clock.instant());
	}

	private static String randomRecoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record AppKey(long accountId, String secret, @Nullable Long lastUsedStep) {
	}

}
