package uk.yourarea.neighbourhood;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The neighbourhoods the public site shows, with their local policing areas, for other
 * features' reports.
 */
@Service
public class LiveNeighbourhoods {

	/** A live neighbourhood and its area. */
	public record Summary(long id, String code, String name, String slug, long areaId, String areaName) {
	}

	/** A local policing area. */
	public record Area(long id, String name) {
	}

	private static final String LIVE = """
			select n.id, n.code, n.name, n.slug, a.id as area_id, a.name as area_name
			from neighbourhood n join local_policing_area a on a.id = n.local_policing_area_id
			where n.retired_on is null
			""";

	private final JdbcTemplate jdbc;

	LiveNeighbourhoods(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every live neighbourhood, in no particular order. */
	@Transactional(readOnly = true)
	public List<Summary> all() {
		return this.jdbc.query(LIVE, (row, n) -> summary(row));
	}

	/** The live neighbourhoods of one local policing area, in no particular order. */
	@Transactional(readOnly = true)
	public List<Summary> inArea(long areaId) {
		return this.jdbc.query(LIVE + " and a.id = ?", (row, n) -> summary(row), areaId);
	}

	/**
	 * The local policing areas that have at least one live neighbourhood, in no
	 * particular order.
	 */
	@Transactional(readOnly = true)
	public List<Area> areasWithNeighbourhoods() {
		return this.jdbc.query("select a.id, a.name from local_policing_area a where exists "
				+ "(select 1 from neighbourhood n where n.local_policing_area_id = a.id and n.retired_on is null)",
				(row, n) -> new Area(row.getLong(1), row.getString(2)));
	}

	private static Summary summary(java.sql.ResultSet row) throws java.sql.SQLException {
		return new Summary(row.getLong("id"), row.getString("code"), row.getString("name"), row.getString("slug"),
				row.getLong("area_id"), row.getString("area_name"));
	}

}
