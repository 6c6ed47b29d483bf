package uk.yourarea.personaldata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The records a legal hold can be placed on: residents' messages. The feature that owns
 * them implements this.
 */
public interface LegalHolds {

	/**
	 * Places a hold, or replaces the one there is.
	 * @return false when there is no such record, or its personal data is already erased
	 */
	boolean place(String reference, String reason, LocalDate reviewOn, long staffId, Instant at);

	/**
	 * @return false when there was no hold
	 */
	boolean lift(String reference);

	/** The hold on a record, if any. */
	Optional<LegalHold> holdOn(String reference);

	/** Every record on hold, with its hold, soonest review first. */
	java.util.List<Held> all();

	/** A record on hold. */
	record Held(String reference, LegalHold hold) {
	}

}
