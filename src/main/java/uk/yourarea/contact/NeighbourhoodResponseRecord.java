package uk.yourarea.contact;

import java.time.Duration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;
import org.jspecify.annotations.Nullable;

/**
 * A team's response record for the 90 days to now, as an entity a query can join to its
 * neighbourhood, so that the Your Area page reads it in the same SQL statement as the
 * neighbourhood itself. The arithmetic is the database function {@code response_records}
 * (migration V10), the same one {@link ResponseRecords} uses. A neighbourhood with no
 * messages in the period has no row.
 */
@Entity
@Immutable
@Subselect("select * from response_records(now())")
@Synchronize("contact_message")
public class NeighbourhoodResponseRecord {

	@Id
	@Column(name = "neighbourhood_id")
	private Long neighbourhoodId;

	private long received;

	@Column(name = "on_time")
	private long onTime;

	private long waiting;

	@Column(name = "median_seconds")
	private @Nullable Double medianSeconds;

	protected NeighbourhoodResponseRecord() {
	}

	public ResponseRecord toRecord() {
		return new ResponseRecord((int) this.received, (int) this.onTime, (int) this.waiting,
				(this.medianSeconds == null) ? null : Duration.ofSeconds(Math.round(this.medianSeconds)));
	}

	/** The record of a neighbourhood that may have had no messages ({@code null}). */
	public static ResponseRecord of(@Nullable NeighbourhoodResponseRecord row) {
		return (row == null) ? ResponseRecord.NONE : row.toRecord();
	}

}
