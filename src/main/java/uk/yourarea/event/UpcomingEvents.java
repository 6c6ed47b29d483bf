package uk.yourarea.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** When each neighbourhood next meets its residents, for the Guarantee. */
@Service
public class UpcomingEvents {

	private final JdbcTemplate jdbc;

	UpcomingEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Neighbourhood id → the start of its first event that is not cancelled and starts in
	 * {@code [from, until)}, for the neighbourhoods that have one.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Instant> firstStartByNeighbourhood(Instant from, Instant until) {
		Map<Long, Instant> starts = new HashMap<>();
		this.jdbc.query("""
				select neighbourhood_id, min(starts_at) from event
				where cancelled_at is null and starts_at >= ? and starts_at < ?
				group by neighbourhood_id
				""", (row) -> {
			starts.put(row.getLong(1), row.getTimestamp(2).toInstant());
		}, Timestamp.from(from), Timestamp.from(until));
		return starts;
	}

}
