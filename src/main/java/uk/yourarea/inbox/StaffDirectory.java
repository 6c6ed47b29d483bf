package uk.yourarea.inbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who works a neighbourhood's messages: its officers, and the supervisors of its local
 * policing area.
 */
@Component
class StaffDirectory {

	record Person(long id, String name, String email) {
	}

	private final JdbcTemplate jdbc;

	StaffDirectory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Everyone a message of this neighbourhood may be assigned to. */
	List<Person> teamOf(long neighbourhoodId) {
		return this.jdbc.query("""
				select distinct a.id, a.name, a.email from staff_account a
				left join staff_neighbourhood n on n.staff_account_id = a.id
				left join staff_local_policing_area l on l.staff_account_id = a.id
				where a.enabled
				  and (n.neighbourhood_id = ?
				       or l.local_policing_area_id = (select local_policing_area_id from neighbourhood where id = ?))
				order by a.name""", (row, i) -> new Person(row.getLong(1), row.getString(2), row.getString(3)),
				neighbourhoodId, neighbourhoodId);
	}

	/** The supervisors (sergeants, inspectors) responsible for a neighbourhood. */
	List<Person> supervisorsOf(long neighbourhoodId) {
		return this.jdbc.query("""
				select distinct a.id, a.name, a.email from staff_account a
				join staff_role r on r.staff_account_id = a.id and r.role = 'SUPERVISOR'
				join staff_local_policing_area l on l.staff_account_id = a.id
				where a.enabled
				  and l.local_policing_area_id = (select local_policing_area_id from neighbourhood where id = ?)
				order by a.name""", (row, i) -> new Person(row.getLong(1), row.getString(2), row.getString(3)),
				neighbourhoodId);
	}

	/**
	 * Every enabled supervisor, with the neighbourhoods of their areas, for the daily
	 * digest.
	 */
	Map<Person, List<Long>> supervisorsWithNeighbourhoods() {
		Map<Long, Person> people = new HashMap<>();
		Map<Person, List<Long>> result = new HashMap<>();
		this.jdbc.query("""
				select a.id, a.name, a.email, n.id from staff_account a
				join staff_role r on r.staff_account_id = a.id and r.role = 'SUPERVISOR'
				join staff_local_policing_area l on l.staff_account_id = a.id
				join neighbourhood n on n.local_policing_area_id = l.local_policing_area_id
				where a.enabled order by a.id, n.id""", (row) -> {
			long id = row.getLong(1);
			Person person = people.get(id);
			if (person == null) {
				person = new Person(id, row.getString(2), row.getString(3));
				people.put(id, person);
			}
			result.computeIfAbsent(person, (p) -> new java.util.ArrayList<>()).add(row.getLong(4));
		});
		return result;
	}

	Map<Long, String> namesOf(Collection<Long> staffIds) {
		Map<Long, String> names = new HashMap<>();
		if (staffIds.isEmpty()) {
			return names;
		}
		new NamedParameterJdbcTemplate(this.jdbc).query("select id, name from staff_account where id in (:ids)",
				new MapSqlParameterSource("ids", staffIds), (row) -> {
					names.put(row.getLong(1), row.getString(2));
				});
		return names;
	}

}
