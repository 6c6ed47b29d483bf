package uk.yourarea.personaldata;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A hold that stops the erasure of a record, scheduled or on request, until it is lifted.
 *
 * @param reason why it is held (a court case, a complaint), written by the data
 * protection officer
 * @param reviewOn when the hold must be looked at again
 * @param placedById the member of staff who placed it, if their account still exists
 */
public record LegalHold(String reason, LocalDate reviewOn, @Nullable Long placedById, Instant placedAt) {

	public boolean isDueForReview(LocalDate today) {
		return !this.reviewOn.isAfter(today);
	}

}
