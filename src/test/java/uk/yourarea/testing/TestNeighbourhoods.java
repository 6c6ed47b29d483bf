package uk.yourarea.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Removes the neighbourhoods and local policing areas a test class made, so the demo data
 * other classes count (66 neighbourhoods, every live postcode covered) is as it was. The
 * change records about them stay, detached from their page.
 */
public final class TestNeighbourhoods {

	private TestNeighbourhoods() {
	}

	/**
	 * Deletes every neighbourhood and local policing area whose code matches the
	 * PostgreSQL regular expression, with their team members and the postcodes the test
	 * gave them.
	 */
	public static void removeWhereCodeMatches(JdbcTemplate jdbc, String codePattern) {
		String made = "select id from neighbourhood where code ~ ?";
		jdbc.update("delete from team_member where neighbourhood_id in (" + made + ")", codePattern);
		jdbc.update("delete from postcode where neighbourhood_id in (" + made + ")", codePattern);
		jdbc.update("delete from neighbourhood where code ~ ?", codePattern);
		jdbc.update("delete from local_policing_area where code ~ ?", codePattern);
	}

}
