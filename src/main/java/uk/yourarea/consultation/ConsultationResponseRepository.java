package uk.yourarea.consultation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConsultationResponseRepository extends JpaRepository<ConsultationResponse, Long> {

	Optional<ConsultationResponse> findByTokenHash(byte[] tokenHash);

	boolean existsByIdempotencyKey(String idempotencyKey);

	/** Confirmed answers whose concern waits for a moderator, oldest first. */
	List<ConsultationResponse> findByConsultationIdAndConcernStatusAndConfirmedAtIsNotNullOrderByConfirmedAtAsc(
			long consultationId, ConsultationResponse.ConcernStatus status);

}
