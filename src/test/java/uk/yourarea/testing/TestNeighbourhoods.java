package uk.yourarea.testing;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.neighbourhood.PublicNeighbourhoods.AreaHeading;

/**
 * Neighbourhoods for tests: one to give a page whose neighbourhood feature is mocked, and
 * the clean-up that removes the neighbourhoods and local policing areas a test class
 * made, so the demo data other classes count (66 neighbourhoods, every live postcode
 * covered) is as it was. The change records about them stay, detached from their page.
 */
public final class TestNeighbourhoods {

	private TestNeighbourhoods() {
	}

	/** A live neighbourhood of the Oadby and Wigston local policing area. */
	public static NeighbourhoodSummary live(long id, String slug, String name) {
		return new NeighbourhoodSummary(id, "NA" + id, name, slug,
				new AreaHeading(1, "LPA1", "Oadby and Wigston", "Inspector Jo Smith"), false);
	}

	/**
	 * Deletes every neighbourhood and local policing area whose code matches the
	 * PostgreSQL regular expression, with their team members and the postcodes the test
	 * gave them, and announces the change.
	 */
	public static void removeWhereCodeMatches(JdbcTemplate jdbc, ApplicationEventPublisher events, String codePattern) {
		String made = "select id from neighbourhood where code ~ ?";
		jdbc.update("delete from team_member where neighbourhood_id in (" + made + ")", codePattern);
		jdbc.update("delete from postcode where neighbourhood_id in (" + made + ")", codePattern);
		jdbc.update("delete from neighbourhood where code ~ ?", codePattern);
		jdbc.update("delete from local_policing_area where code ~ ?", codePattern);
		TestPostcodes.changedBySql(events);
	}

}
