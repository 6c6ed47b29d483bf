package uk.yourarea.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;

/**
 * The time a resident's form was shown, signed by the site (HMAC-SHA256), in the form's
 * hidden {@code startedAt} field: {@code <milliseconds>.<signature>}. The contact form
 * and "Have your say" hold for review what was sent faster than a person could fill it
 * in; with an unsigned time a program could send an old one and pass. A missing, altered
 * or forged time is treated like one too recent: the message is kept, but held for
 * review.
 * <p>
 * The key comes from {@link FormStampProperties}, else from the database (made by the
 * first instance that needs it), so that a form shown by one instance can be sent to
 * another.
 */
@Component
public class FormStamps {

	private static final Logger log = LoggerFactory.getLogger(FormStamps.class);

	/**
	 * The oldest form accepted as shown by this site: a stamp can be sent with more than
	 * one form, so it is good for two days only (a form left open longer is held).
	 */
	static final Duration LONGEST = Duration.ofDays(2);

	private final SharedSecret secret;

	private final Clock clock;

	FormStamps(JdbcTemplate jdbc, @Nullable PlatformTransactionManager transactions, Clock clock,
			FormStampProperties properties) {
		this.clock = clock;
		this.secret = new SharedSecret(properties.secret(), transactions, (made) -> {
			jdbc.update("insert into form_stamp_key (id, secret) values (1, ?) on conflict (id) do nothing",
					(Object) made);
			return jdbc.queryForObject("select secret from form_stamp_key where id = 1", byte[].class);
		});
	}

	/** A stamp for a form shown now. */
	public String now() {
		return at(this.clock.instant());
	}

	/**
	 * A stamp for a form shown at that time. Without a key (the database could not be
	 * reached to read it) the time goes unsigned, and the form is held for review.
	 */
	public String at(Instant shown) {
		String millis = Long.toString(shown.toEpochMilli());
		byte[] secret = key();
		return (secret != null) ? millis + "." + signature(secret, millis) : millis;
	}

	/**
	 * Reads (or makes) the key once the application is up, so that no request waits for
	 * it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void readKey() {
		key();
	}

	/**
	 * When the form was shown, if the stamp is one this site signed, and not longer ago
	 * than {@link #LONGEST}.
	 */
	public Optional<Instant> shownAt(@Nullable String stamp) {
		if (stamp == null) {
			return Optional.empty();
		}
		int dot = stamp.indexOf('.');
		byte[] secret = key();
		if (dot < 1 || secret == null) {
			return Optional.empty();
		}
		String millis = stamp.substring(0, dot);
		byte[] expected = signature(secret, millis).getBytes(StandardCharsets.US_ASCII);
		byte[] given = stamp.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given)) {
			return Optional.empty();
		}
		try {
			Instant shown = Instant.ofEpochMilli(Long.parseLong(millis));
			return shown.isBefore(this.clock.instant().minus(LONGEST)) ? Optional.empty() : Optional.of(shown);
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static String signature(byte[] secret, String millis) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(SharedSecret.sign(secret, "form-shown-at:" + millis));
	}

	private byte @Nullable [] key() {
		try {
			return this.secret.key();
		}
		catch (DataAccessException | TransactionException ex) {
			log.warn("The key that signs form times could not be read from the database: {}", ex.getMessage());
			return null;
		}
	}

}
