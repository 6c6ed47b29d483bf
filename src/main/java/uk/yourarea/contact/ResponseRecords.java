package uk.yourarea.contact;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each team's response record over the last {@link #PERIOD}, computed from the messages
 * themselves in one query (see {@link ResponseRecord} for what counts).
 */
@Service
public class ResponseRecords {

	public static final Duration PERIOD = Duration.ofDays(90);

	// The arithmetic is the database functions of migration V10, shared with the Your
	// Area page.
	private static final String BY_NEIGHBOURHOOD = "select * from response_records(?)";

	private static final String FORCE_WIDE = "select * from response_record_force(?)";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ResponseRecords(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Every neighbourhood's record for the 90 days to now; missing means no messages. */
	@Transactional(readOnly = true)
	public Map<Long, ResponseRecord> byNeighbourhood() {
		return byNeighbourhoodAsOf(this.clock.instant());
	}

	/** One neighbourhood's record for the 90 days to now. */
	@Transactional(readOnly = true)
	public ResponseRecord of(long neighbourhoodId) {
		Instant now = this.clock.instant();
		return this.jdbc
			.query(BY_NEIGHBOURHOOD + " where neighbourhood_id = ?", (row, n) -> record(row), at(now), neighbourhoodId)
			.stream()
			.findFirst()
			.orElse(ResponseRecord.NONE);
	}

	/** Every neighbourhood's record for the 90 days to {@code now}. */
	@Transactional(readOnly = true)
	public Map<Long, ResponseRecord> byNeighbourhoodAsOf(Instant now) {
		Map<Long, ResponseRecord> records = new HashMap<>();
		this.jdbc.query(BY_NEIGHBOURHOOD, (org.springframework.jdbc.core.RowCallbackHandler) (row) -> records
			.put(row.getLong("neighbourhood_id"), record(row)), at(now));
		return records;
	}

	/** The force-wide record for the 90 days to now: every team's messages together. */
	@Transactional(readOnly = true)
	public ResponseRecord forceWide() {
		return forceWideAsOf(this.clock.instant());
	}

	/** The force-wide record for the 90 days to {@code now}. */
	@Transactional(readOnly = true)
	public ResponseRecord forceWideAsOf(Instant now) {
		return this.jdbc.queryForObject(FORCE_WIDE, (row, n) -> record(row), at(now));
	}

	private static ResponseRecord record(java.sql.ResultSet row) throws java.sql.SQLException {
		double median = row.getDouble("median_seconds");
		Duration medianReply = row.wasNull() ? null : Duration.ofSeconds(Math.round(median));
		return new ResponseRecord(row.getInt("received"), row.getInt("on_time"), row.getInt("waiting"), medianReply);
	}

	private static Timestamp at(Instant instant) {
		return Timestamp.from(instant);
	}

}
