package uk.yourarea.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxEmailRepository extends JpaRepository<OutboxEmail, Long> {

	/**
	 * Locks up to {@code limit} emails that are due and that no relay holds: RESIDENT
	 * before BULK, then the longest due first (the order of the index
	 * {@code outbox_email_due_idx}, which is why the priority is written as there). Rows
	 * another transaction has locked are skipped rather than waited for, so relays on
	 * several instances never take the same email.
	 */
	@Query(value = """
			select * from outbox_email
			where status = 'PENDING' and next_attempt_at <= :now
			  and (leased_until is null or leased_until <= :now)
			order by (priority <> 'RESIDENT'), next_attempt_at, id
			limit :limit
			for update skip locked""", nativeQuery = true)
	List<OutboxEmail> lockDue(@Param("now") Instant now, @Param("limit") int limit);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from OutboxEmail e where e.id = :id")
	Optional<OutboxEmail> lockById(@Param("id") long id);

	/**
	 * Records that the SMTP server took a PENDING email, in one statement: what
	 * {@link OutboxEmail#markSent} does (the address becomes its domain; the subject,
	 * body, headers and any address in the last error are erased), without reading the
	 * row first. The table refuses a finished email that keeps any of them
	 * ({@code outbox_email_nothing_kept_when_done}).
	 * @return 1, or 0 if the email was not PENDING any more (or is gone)
	 */
	@Modifying
	@Query(value = """
			update outbox_email
			set status = 'SENT', attempts = attempts + 1, last_attempt_at = :now, sent_at = :now,
			    lease_token = null, leased_until = null, to_domain = :domain, to_address = null, subject = null,
			    body = null, list_unsubscribe = null, list_unsubscribe_post = null,
			    last_error = regexp_replace(last_error, '[^\\s<>"'']+@[^\\s<>"'']+', '[address]', 'g')
			where id = :id and status = 'PENDING'""", nativeQuery = true)
	int markSent(@Param("id") long id, @Param("now") Instant now, @Param("domain") String domain);

	/**
	 * Lets the current transaction commit without waiting for its record to reach the
	 * disk: should the database server crash within the moment after, the outcome is lost
	 * and the email sent again, as after a crash of the relay.
	 */
	@Query(value = "select set_config('synchronous_commit', 'off', true)", nativeQuery = true)
	String commitWithoutWaitingForTheDisk();

	/** Locks the emails a relay still holds under the lease it took, in id order. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("""
			select e from OutboxEmail e
			where e.leaseToken = :token and e.status = uk.yourarea.notification.OutboxEmail.Status.PENDING
			order by e.id""")
	List<OutboxEmail> lockByLeaseToken(@Param("token") UUID token);

	/**
	 * Makes due at {@code now} the emails waiting for a retry whose last attempt was made
	 * at or after {@code since}.
	 * @return how many
	 */
	@Modifying
	@Query("""
			update OutboxEmail e set e.nextAttemptAt = :now
			where e.status = uk.yourarea.notification.OutboxEmail.Status.PENDING
			  and e.nextAttemptAt > :now and e.lastAttemptAt >= :since""")
	int bringForward(@Param("since") Instant since, @Param("now") Instant now);

	/** How many emails are waiting to be sent, whenever they are due. */
	long countByStatus(OutboxEmail.Status status);

	List<OutboxEmail> findByContactMessageIdOrderByCreatedAtAscIdAsc(long contactMessageId);

	@Modifying
	@Query("""
			delete from OutboxEmail e
			where e.contactMessageId in :ids and e.status = uk.yourarea.notification.OutboxEmail.Status.PENDING""")
	int deletePendingAbout(@Param("ids") Collection<Long> ids);

	boolean existsByContactMessageIdAndStatus(long contactMessageId, OutboxEmail.Status status);

}
