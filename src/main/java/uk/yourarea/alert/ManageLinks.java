package uk.yourarea.alert;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;

import uk.yourarea.web.LinkTokens;
import uk.yourarea.web.SharedSecret;

/**
 * A resident's personal link to manage and stop their alerts. The token is the person's
 * random {@code link_id} followed by the first 128 bits of its HMAC-SHA256 under the
 * site's key, as 43 characters of URL-safe Base64, like every other link token. So a send
 * of 100,000 emails writes no row for their links, the link stops working when the
 * person's row is deleted, and a token cannot be made without the key.
 * <p>
 * Links given out before (a random token, its hash kept in {@code alert_manage_link})
 * still work.
 */
@Component
class ManageLinks {

	private static final Logger log = LoggerFactory.getLogger(ManageLinks.class);

	private static final String PURPOSE = "alert-manage-link:";

	private static final int ID_BYTES = 16;

	private static final int SIGNATURE_BYTES = 16;

	private final JdbcTemplate jdbc;

	private final SharedSecret secret;

	ManageLinks(JdbcTemplate jdbc, PlatformTransactionManager transactions, AlertLinkProperties properties) {
		this.jdbc = jdbc;
		this.secret = new SharedSecret(properties.secret(), transactions, (made) -> {
			jdbc.update("insert into alert_link_key (id, secret) values (1, ?) on conflict (id) do nothing",
					(Object) made);
			return jdbc.queryForObject("select secret from alert_link_key where id = 1", byte[].class);
		});
	}

	/** The token of the personal link of the person with that {@code link_id}. */
	String tokenFor(UUID linkId) {
		ByteBuffer token = ByteBuffer.allocate(ID_BYTES + SIGNATURE_BYTES);
		token.putLong(linkId.getMostSignificantBits()).putLong(linkId.getLeastSignificantBits());
		token.put(signature(linkId));
		return encode(token.array());
	}

	/**
	 * Reads (or makes) the key once the application is up, so that no resident's request
	 * takes a second connection for it in the middle of its own transaction.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void readKey() {
		try {
			this.secret.key();
		}
		catch (DataAccessException | TransactionException ex) {
			log.warn("The key that signs personal alert links could not be read yet: {}", ex.getMessage());
		}
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The person a token belongs to; empty when it is not a link this site gave out, or
	 * the person has stopped everything since.
	 */
	Optional<Long> subscriberId(String token) {
		if (!LinkTokens.isWellFormed(token)) {
			return Optional.empty();
		}
		Optional<UUID> linkId = signedLinkId(token);
		if (linkId.isPresent()) {
			return this.jdbc.queryForList("select id from alert_subscriber where link_id = ?", Long.class, linkId.get())
				.stream()
				.findFirst();
		}
		return this.jdbc
			.queryForList("select alert_subscriber_id from alert_manage_link where token_hash = ?", Long.class,
					LinkTokens.hash(token))
			.stream()
			.findFirst();
	}

	/**
	 * Whether the token is a link this site signed, whether or not its person is still
	 * there: one that no longer opens anything belonged to someone who has stopped.
	 */
	boolean isSigned(String token) {
		return LinkTokens.isWellFormed(token) && signedLinkId(token).isPresent();
	}

	private Optional<UUID> signedLinkId(String token) {
		byte[] decoded = Base64.getUrlDecoder().decode(token);
		// The decoder ignores the last character's two spare bits: only the one spelling
		// this site gives out is a link.
		if (!encode(decoded).equals(token)) {
			return Optional.empty();
		}
		ByteBuffer bytes = ByteBuffer.wrap(decoded);
		UUID linkId = new UUID(bytes.getLong(), bytes.getLong());
		byte[] given = new byte[SIGNATURE_BYTES];
		bytes.get(given);
		return MessageDigest.isEqual(signature(linkId), given) ? Optional.of(linkId) : Optional.empty();
	}

	private byte[] signature(UUID linkId) {
		return Arrays.copyOf(this.secret.sign(PURPOSE + linkId), SIGNATURE_BYTES);
	}

}
