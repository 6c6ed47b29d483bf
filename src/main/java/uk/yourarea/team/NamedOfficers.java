package uk.yourarea.team;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each neighbourhood's named officer, for the Guarantee. */
@Service
public class NamedOfficers {

	/**
	 * A named officer counts for the Guarantee when their details were confirmed this
	 * recently (months); older, the team page flags them for checking.
	 */
	public static final int CONFIRMATION_MONTHS = 6;

	/**
	 * A neighbourhood's named officer: whoever the team's editors marked, whatever their
	 * role ({@code PC}, {@code PCSO}, …), and when their details were last confirmed.
	 */
	public record NamedOfficer(String name, String role, @Nullable String collarNumber,
			@Nullable LocalDate confirmedOn) {
	}

	private final JdbcTemplate jdbc;

	NamedOfficers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Neighbourhood id → its named officer, for the neighbourhoods that have one. */
	@Transactional(readOnly = true)
	public Map<Long, NamedOfficer> byNeighbourhood() {
		Map<Long, NamedOfficer> officers = new HashMap<>();
		this.jdbc.query("select neighbourhood_id, name, role, collar_number, name_confirmed_on from team_member "
				+ "where named_officer", (row) -> {
					Date confirmed = row.getDate("name_confirmed_on");
					officers.put(row.getLong("neighbourhood_id"),
							new NamedOfficer(row.getString("name"), row.getString("role"),
									row.getString("collar_number"),
									(confirmed == null) ? null : confirmed.toLocalDate()));
				});
		return officers;
	}

}
