package uk.yourarea.notification;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where features put the emails they send. {@link #queue} writes the email into the
 * outbox table in the caller's transaction, so the email exists if and only if the change
 * that causes it (a resident's message, an officer's reply) is committed. The relay sends
 * it afterwards.
 * <p>
 * The address, subject, body and headers are kept until the email is sent or finally
 * fails, and then erased; the kind, priority, reference, the address's domain and the
 * times stay.
 */
@Service
public class EmailOutbox {

	private static final String INSERT = """
			insert into outbox_email (kind, to_address, subject, body, contact_message_id, status, attempts,
			    created_at, next_attempt_at, priority, reference, list_unsubscribe, list_unsubscribe_post)
			values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?, ?)""";

	private final OutboxEmailRepository emails;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	EmailOutbox(OutboxEmailRepository emails, JdbcTemplate jdbc, Clock clock) {
		this.emails = emails;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Queues a plain-text RESIDENT email. Must be called inside the caller's transaction.
	 * @param kind what the email is, like {@code contact-acknowledgement}: a name of the
	 * sending feature's, never personal data
	 * @param to one email address, at most 254 characters
	 * @param subject at most 200 characters
	 * @param body the plain text of the email
	 * @param contactMessageId the resident's message the email is about, if any
	 * @return the id of the queued email
	 * @throws IllegalArgumentException if the address or subject is unusable (see
	 * {@link OutgoingEmail})
	 * @throws org.springframework.transaction.IllegalTransactionStateException if there
	 * is no transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long queue(String kind, String to, String subject, String body, @Nullable Long contactMessageId) {
		return queue(OutgoingEmail.of(kind, to, subject, body).withContactMessageId(contactMessageId));
	}

	/**
	 * Queues a plain-text email. Must be called inside the caller's transaction.
	 * @return the id of the queued email
	 * @throws org.springframework.transaction.IllegalTransactionStateException if there
	 * is no transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long queue(OutgoingEmail email) {
		return this.emails.save(new OutboxEmail(email, this.clock.instant())).getId();
	}

	/**
	 * Queues many emails at once, in one batch of inserts: for a neighbourhood alert,
	 * queue the emails {@link EmailPriority#BULK} in transactions of about a thousand.
	 * Must be called inside the caller's transaction.
	 * @return how many were queued: all of them
	 * @throws org.springframework.transaction.IllegalTransactionStateException if there
	 * is no transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int queueAll(List<OutgoingEmail> emails) {
		if (emails.isEmpty()) {
			return 0;
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {

			@Override
			public void setValues(PreparedStatement insert, int i) throws SQLException {
				OutgoingEmail email = emails.get(i);
				insert.setString(1, email.kind());
				insert.setString(2, email.to());
				insert.setString(3, email.subject());
				insert.setString(4, email.body());
				if (email.contactMessageId() != null) {
					insert.setLong(5, email.contactMessageId());
				}
				else {
					insert.setNull(5, Types.BIGINT);
				}
				insert.setObject(6, now);
				insert.setObject(7, now);
				insert.setString(8, email.priority().name());
				insert.setString(9, email.reference());
				insert.setString(10, email.header(OutgoingEmail.LIST_UNSUBSCRIBE));
				insert.setString(11, email.header(OutgoingEmail.LIST_UNSUBSCRIBE_POST));
			}

			@Override
			public int getBatchSize() {
				return emails.size();
			}

		});
		// Not the driver's update counts: with rewritten batch inserts it reports none.
		return emails.size();
	}

	/**
	 * How the emails queued with this reference stand, counted in one query.
	 */
	@Transactional(readOnly = true)
	public EmailCounts countsFor(String reference) {
		long[] counts = new long[3];
		this.jdbc.query("select status, count(*) from outbox_email where reference = ? group by status", (row) -> {
			OutboxEmail.Status status = OutboxEmail.Status.valueOf(row.getString(1));
			counts[status.ordinal()] = row.getLong(2);
		}, reference);
		return new EmailCounts(counts[OutboxEmail.Status.PENDING.ordinal()], counts[OutboxEmail.Status.SENT.ordinal()],
				counts[OutboxEmail.Status.FAILED.ordinal()]);
	}

	/**
	 * Deletes the emails of this kind to this address (whatever its case) that have not
	 * been sent and that no relay is sending now: when a resident unsubscribes, no alert
	 * queued before reaches them afterwards. One a relay holds may still go.
	 * @return how many were deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int forgetPendingTo(String kind, String address) {
		Instant now = this.clock.instant();
		// A row being leased right now is locked: the delete waits for the lease to be
		// committed, then sees it and leaves the email alone.
		return this.jdbc.update("""
				delete from outbox_email
				where lower(to_address) = lower(?) and kind = ? and status = 'PENDING'
				  and (leased_until is null or leased_until <= ?)""", address, kind,
				OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
	}

	/**
	 * The same, for the emails queued with these references only: when a resident stops
	 * one of several neighbourhoods, the alerts of the others still reach them.
	 * @return how many were deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int forgetPendingTo(String kind, String address, Collection<String> references) {
		if (references.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant();
		return this.jdbc.update("""
				delete from outbox_email
				where lower(to_address) = lower(?) and kind = ? and status = 'PENDING' and reference = any(?)
				  and (leased_until is null or leased_until <= ?)""", address, kind, references.toArray(String[]::new),
				OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
	}

	/**
	 * The distinct references of the emails of this kind to this address (whatever its
	 * case) still waiting to be sent.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<String> pendingReferencesTo(String kind, String address) {
		return this.jdbc.queryForList("""
				select distinct reference from outbox_email
				where lower(to_address) = lower(?) and kind = ? and status = 'PENDING' and reference is not null""",
				String.class, address, kind);
	}

	/**
	 * Deletes the emails about these messages that have not been sent yet: their personal
	 * data has been erased, so there is nobody to send them to.
	 * @return how many were deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int forgetPendingAbout(Collection<Long> contactMessageIds) {
		if (contactMessageIds.isEmpty()) {
			return 0;
		}
		return this.emails.deletePendingAbout(contactMessageIds);
	}

	/** The emails about a resident's message, oldest first, whatever their status. */
	@Transactional(readOnly = true)
	List<OutboxEmail> forMessage(long contactMessageId) {
		return this.emails.findByContactMessageIdOrderByCreatedAtAscIdAsc(contactMessageId);
	}

	/**
	 * Whether an email about the message could not be delivered and will not be tried
	 * again.
	 */
	@Transactional(readOnly = true)
	public boolean hasFailedEmail(long contactMessageId) {
		return this.emails.existsByContactMessageIdAndStatus(contactMessageId, OutboxEmail.Status.FAILED);
	}

}
