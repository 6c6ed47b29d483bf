package uk.yourarea.inbox;

import java.sql.Array;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.priority.Priority;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;

/**
 * The open priorities of someone's neighbourhoods that have had no update for three
 * months, oldest first, for the top of their inbox: the Guarantee's view counts them as
 * stale, and residents see how long ago the page last said anything.
 */
@Service
class StalePriorities {

	static final int SHOWN = 20;

	record Stale(long priorityId, long neighbourhoodId, String neighbourhood, String issue, LocalDate updatedOn) {
	}

	record Found(List<Stale> shown, int total) {
	}

	private final JdbcTemplate jdbc;

	private final StaffScope scope;

	private final Clock clock;

	StalePriorities(JdbcTemplate jdbc, StaffScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Found of(StaffUser user) {
		Set<Long> visible = this.scope.neighbourhoodIdsVisibleTo(user);
		if (visible.isEmpty()) {
			return new Found(List.of(), 0);
		}
		Date before = Date.valueOf(LocalDate.now(this.clock).minusMonths(Priority.STALE_AFTER_MONTHS));
		List<Stale> stale = this.jdbc.query((connection) -> {
			Array ids = connection.createArrayOf("bigint", visible.toArray());
			var statement = connection.prepareStatement("""
					select p.id, n.id as neighbourhood_id, n.name, p.issue, p.updated_on
					from priority p join neighbourhood n on n.id = p.neighbourhood_id
					where p.status = 'OPEN' and p.updated_on < ? and n.retired_on is null and n.id = any (?)
					order by p.updated_on, n.name, p.id""");
			statement.setDate(1, before);
			statement.setArray(2, ids);
			return statement;
		}, (row, n) -> new Stale(row.getLong("id"), row.getLong("neighbourhood_id"), row.getString("name"),
				row.getString("issue"), row.getDate("updated_on").toLocalDate()));
		return new Found(stale.stream().limit(SHOWN).toList(), stale.size());
	}

}
