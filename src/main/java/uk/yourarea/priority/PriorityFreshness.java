package uk.yourarea.priority;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How current each neighbourhood's open priorities are, for the Guarantee. */
@Service
public class PriorityFreshness {

	/**
	 * @param open how many are open
	 * @param stale how many of them were last updated more than
	 * {@link Priority#STALE_AFTER_MONTHS} months ago
	 * @param oldestUpdate the day the least recently updated was updated
	 */
	public record Freshness(int open, int stale, @Nullable LocalDate oldestUpdate) {

		public static final Freshness NONE = new Freshness(0, 0, null);

	}

	private final JdbcTemplate jdbc;

	PriorityFreshness(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Neighbourhood id → its open priorities' freshness, as of one day. */
	@Transactional(readOnly = true)
	public Map<Long, Freshness> byNeighbourhoodAsOf(LocalDate today) {
		Map<Long, Freshness> found = new HashMap<>();
		this.jdbc.query("""
				select neighbourhood_id, count(*) as open, count(*) filter (where updated_on < ?) as stale,
				       min(updated_on) as oldest
				from priority where status = 'OPEN' group by neighbourhood_id
				""", (row) -> {
			Date oldest = row.getDate("oldest");
			found.put(row.getLong("neighbourhood_id"), new Freshness(row.getInt("open"), row.getInt("stale"),
					(oldest == null) ? null : oldest.toLocalDate()));
		}, Date.valueOf(today.minusMonths(Priority.STALE_AFTER_MONTHS)));
		return found;
	}

}
