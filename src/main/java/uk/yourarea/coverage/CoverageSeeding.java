package uk.yourarea.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Geometry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.yourarea.web.PublicContentChanged;

/**
 * Gives neighbourhoods their first wards and boundaries directly, with no preview and no
 * one signed in: for the demonstration data, loaded before anyone can sign in. Call
 * {@link CoverageAssigner#assignAll()} afterwards.
 */
@Component
public class CoverageSeeding {

	private final JdbcTemplate jdbc;

	private final WardNames wardNames;

	private final ApplicationEventPublisher events;

	CoverageSeeding(JdbcTemplate jdbc, WardNames wardNames, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.wardNames = wardNames;
		this.events = events;
	}

	/**
	 * Announces that the seeded coverage is complete: the site answers while it is
	 * seeded, and the shapes, maps and pages read meanwhile are read again.
	 */
	public void seeded() {
		this.events.publishEvent(
				new PublicContentChanged(CoverageChangeRecords.SUBJECT_TYPE, CoverageChangeRecords.WHOLE_FORCE, null));
	}

	/**
	 * Names the wards that have no name yet (ward code to name, " Ward" at the end or
	 * not); the names already known are kept.
	 */
	public void nameWards(Map<String, String> names) {
		this.wardNames.seed(names);
	}

	/** Gives each ward code to its neighbourhood (ward code to neighbourhood id). */
	public void giveWards(Map<String, Long> neighbourhoodOfWard) {
		List<Object[]> wards = new ArrayList<>();
		neighbourhoodOfWard
			.forEach((wardCode, neighbourhoodId) -> wards.add(new Object[] { neighbourhoodId, wardCode }));
		this.jdbc.batchUpdate("insert into neighbourhood_ward (neighbourhood_id, ward_code) values (?, ?)", wards);
	}

	public void saveBoundary(long neighbourhoodId, Geometry boundary, String source) {
		this.jdbc.update("insert into neighbourhood_boundary (neighbourhood_id, geojson, source) values (?, ?, ?)",
				neighbourhoodId, Boundaries.toGeoJson(boundary), source);
	}

}
