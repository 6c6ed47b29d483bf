package uk.yourarea.team;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.yourarea.neighbourhood.TeamSize;

/** Tells the neighbourhood feature how many members a team has. */
@Component
class TeamSizes implements TeamSize {

	private final JdbcTemplate jdbc;

	TeamSizes(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long membersOf(long neighbourhoodId) {
		Long members = this.jdbc.queryForObject("select count(*) from team_member where neighbourhood_id = ?",
				Long.class, neighbourhoodId);
		return (members != null) ? members : 0;
	}

}
