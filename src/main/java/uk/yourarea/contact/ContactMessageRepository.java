package uk.yourarea.contact;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContactMessageRepository extends JpaRepository<ContactMessage, Long> {

	Optional<ContactMessage> findByIdempotencyKey(String idempotencyKey);

	@Query(value = """
			select m.* from contact_message m join message_access_token t on t.contact_message_id = m.id
			where t.token_hash = :tokenHash""", nativeQuery = true)
	Optional<ContactMessage> findByAccessTokenHash(byte[] tokenHash);

	Optional<ContactMessage> findByReference(String reference);

	boolean existsByReference(String reference);

	@Query("""
			select m from ContactMessage m
			where m.neighbourhoodId in :neighbourhoodIds
			order by case m.status when uk.yourarea.contact.MessageStatus.OPEN then 0
			                       when uk.yourarea.contact.MessageStatus.HELD_FOR_REVIEW then 1
			                       when uk.yourarea.contact.MessageStatus.ANSWERED then 2 else 3 end,
			         m.dueAt""")
	List<ContactMessage> findForInbox(Collection<Long> neighbourhoodIds);

	/**
	 * Overdue messages nobody has escalated, locked so that two instances never escalate
	 * one twice.
	 */
	@Query(value = """
			select * from contact_message
			where status = 'OPEN' and due_at < :now and escalated_at is null
			order by due_at limit 50 for update skip locked""", nativeQuery = true)
	List<ContactMessage> lockOverdueNotEscalated(Instant now);

	@Query("select m from ContactMessage m where m.status = uk.yourarea.contact.MessageStatus.OPEN and m.dueAt < :before order by m.dueAt")
	List<ContactMessage> findOpenDueBefore(Instant before);

	@Query("select count(m) from ContactMessage m where lower(m.senderEmail) = lower(:email) and m.receivedAt > :since")
	long countFromEmailSince(String email, Instant since);

}
