package uk.yourarea.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A staff form that changes something runs once, however often it is sent: a double click
 * on "Send reply", or a resend after a slow answer, sends one reply. The form carries an
 * idempotency key ({@code idempotencyKey}, made when it was shown: controllers marked
 * {@link Forms} get it in their model). The first submission of a key, for one action and
 * one content, runs in a transaction with the record of it; a repeat waits for the first
 * to finish and is sent where the first one was, changing nothing. The same key with
 * other words (a form shown again with the back button and written anew) runs as a new
 * submission. Records go after a day.
 */
@Component
public class OnceOnly {

	private static final Logger log = LoggerFactory.getLogger(OnceOnly.class);

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

	static final Duration KEPT = Duration.ofDays(1);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OnceOnly(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** A new idempotency key, for a form being shown. */
	public static String newKey() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * Runs {@code work} unless this key already ran this action with this content, and
	 * returns where to send the person: the view {@code work} returned, or, for a repeat,
	 * the one the first submission returned. Without a well-formed key (a form from
	 * before keys, or a program) it simply runs.
	 * @param key the form's idempotency key
	 * @param action what is done, such as the address posted to
	 * @param content what was typed that matters, so that the same key with other words
	 * runs again
	 * @param staffAccountId who sent it
	 * @param work the change, returning a view name (a redirect)
	 */
	public String run(@Nullable String key, String action, List<@Nullable String> content, long staffAccountId,
			Supplier<String> work) {
		if (key == null || !KEY.matcher(key).matches()) {
			return work.get();
		}
		String digest = digest(content);
		String outcome = this.transaction.execute((status) -> {
			int claimed = this.jdbc.update("""
					insert into staff_form_submission
					    (idempotency_key, action, content_digest, staff_account_id, submitted_at)
					values (?, ?, ?, ?, ?)
					on conflict do nothing""", key, action, digest, staffAccountId,
					Timestamp.from(this.clock.instant()));
			if (claimed == 0) {
				// The first one has committed (the insert waited for it): send this one
				// where it went.
				List<String> earlier = this.jdbc.queryForList("""
						select outcome from staff_form_submission
						where idempotency_key = ? and action = ? and content_digest = ? and staff_account_id = ?
						  and outcome is not null""", String.class, key, action, digest, staffAccountId);
				if (!earlier.isEmpty()) {
					log.info("A repeat of {} was not run again", action);
					return earlier.get(0);
				}
				return null;
			}
			String view = work.get();
			this.jdbc.update("""
					update staff_form_submission set outcome = ?
					where idempotency_key = ? and action = ? and content_digest = ?""", view, key, action, digest);
			return view;
		});
		// Someone else's key, by a one in 2^128 chance: run it as it came.
		return (outcome != null) ? outcome : work.get();
	}

	@Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
	void forgetOldSubmissions() {
		int removed = this.jdbc.update("delete from staff_form_submission where submitted_at < ?",
				Timestamp.from(this.clock.instant().minus(KEPT)));
		if (removed > 0) {
			log.info("Removed {} records of staff form submissions older than {}", removed, KEPT);
		}
	}

	private static String digest(List<@Nullable String> content) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			for (@Nullable
			String part : content) {
				sha256.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * On a controller whose forms run {@link OnceOnly}: its pages get
	 * {@code idempotencyKey} in the model, the one just posted when a form is shown
	 * again, else a new one.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	public @interface Forms {

	}

	@ControllerAdvice(annotations = Forms.class)
	static class Keys {

		@ModelAttribute("idempotencyKey")
		String idempotencyKey(@RequestParam(name = "idempotencyKey", required = false) @Nullable String posted) {
			return (posted != null && KEY.matcher(posted).matches()) ? posted : newKey();
		}

	}

}
