package uk.yourarea.neighbourhood;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.security.PlacesOfWork;

/**
 * Answers security's questions about neighbourhoods and areas from this feature's tables.
 */
@Component
class NeighbourhoodPlacesOfWork implements PlacesOfWork {

	private final NamedParameterJdbcTemplate jdbc;

	NeighbourhoodPlacesOfWork(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> allNeighbourhoods() {
		return new LinkedHashSet<>(
				this.jdbc.getJdbcTemplate().queryForList("select id from neighbourhood order by id", Long.class));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Long> localPolicingAreasOf(Collection<Long> neighbourhoodIds) {
		Map<Long, Long> areas = new HashMap<>();
		if (neighbourhoodIds.isEmpty()) {
			return areas;
		}
		this.jdbc.query("select id, local_policing_area_id from neighbourhood where id in (:ids)",
				new MapSqlParameterSource("ids", neighbourhoodIds), (row) -> {
					areas.put(row.getLong(1), row.getLong(2));
				});
		return areas;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> neighbourhoodsIn(Collection<Long> localPolicingAreaIds) {
		if (localPolicingAreaIds.isEmpty()) {
			return Set.of();
		}
		return new LinkedHashSet<>(this.jdbc.queryForList(
				"select id from neighbourhood where local_policing_area_id in (:areas) order by id",
				new MapSqlParameterSource("areas", localPolicingAreaIds), Long.class));
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> liveNamesOf(Collection<Long> neighbourhoodIds) {
		if (neighbourhoodIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.queryForList(
				"select name from neighbourhood where retired_on is null and id in (:ids) order by name",
				new MapSqlParameterSource("ids", neighbourhoodIds), String.class);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Map.Entry<Long, Long>> neighbourhoodAndAreaByCode(String code) {
		return this.jdbc
			.query("select id, local_policing_area_id from neighbourhood where code = :code",
					new MapSqlParameterSource("code", code), (row, n) -> Map.entry(row.getLong(1), row.getLong(2)))
			.stream()
			.findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Area> localPolicingAreas() {
		return this.jdbc.getJdbcTemplate()
			.query("select id, code, name from local_policing_area order by code",
					(row, n) -> new Area(row.getLong(1), row.getString(2), row.getString(3)));
	}

}
