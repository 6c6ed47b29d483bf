package uk.yourarea.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxEmailRepository extends JpaRepository<OutboxEmail, Long> {

	/**
	 * Locks up to {@code limit} emails that are due, oldest first. Rows another
	 * transaction has locked are skipped rather than waited for, so relays on several
	 * instances never take the same email.
	 */
	@Query(value = """
			select * from outbox_email
			where status = 'PENDING' and next_attempt_at <= :now
			order by next_attempt_at, id
			limit :limit
			for update skip locked""", nativeQuery = true)
	List<OutboxEmail> lockDue(@Param("now") Instant now, @Param("limit") int limit);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from OutboxEmail e where e.id = :id")
	Optional<OutboxEmail> lockById(@Param("id") long id);

	List<OutboxEmail> findByContactMessageIdOrderByCreatedAtAscIdAsc(long contactMessageId);

	boolean existsByContactMessageIdAndStatus(long contactMessageId, OutboxEmail.Status status);

}
