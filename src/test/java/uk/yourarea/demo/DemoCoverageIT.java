package uk.yourarea.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo force on real PostgreSQL: its neighbourhoods, its postcodes and where each one
 * goes.
 */
@DemoSiteTest
class DemoCoverageIT {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void hasLeicestershiresSixtySixNeighbourhoodsInNineLocalPolicingAreas() {
		assertThat(count("select count(*) from neighbourhood")).isEqualTo(66);
		assertThat(count("select count(*) from local_policing_area")).isEqualTo(9);
		assertThat(this.jdbc.queryForObject("select name from neighbourhood where code = 'NA54'", String.class))
			.isEqualTo("Wigston");
		assertThat(count("""
				select count(*) from (select local_policing_area_id from neighbourhood
				                      group by 1 having count(distinct left(code, 2)) > 1) mixed"""))
			.as("each local policing area holds one code prefix")
			.isZero();
	}

	@Test
	void everyLivePostcodeOfTheForceBelongsToANeighbourhood() {
		assertThat(count("select count(*) from postcode where postcode like 'LE%'")).isGreaterThanOrEqualTo(21621);
		assertThat(count("select count(*) from postcode where in_force_area and terminated_on is null "
				+ "and postcode like 'LE%' and neighbourhood_id is null"))
			.isZero();
		assertThat(count("select count(distinct neighbourhood_id) from postcode")).isEqualTo(66);
	}

	@Test
	void postcodesPolicedByOtherForcesAreKnownAsSuchAndBelongToNoNeighbourhood() {
		assertThat(count("select count(*) from postcode where postcode like 'LE%' and not in_force_area"))
			.isEqualTo(539);
		assertThat(count("select count(*) from postcode where not in_force_area and neighbourhood_id is not null"))
			.isZero();
	}

	@Test
	void postcodesGoWhereTheirWardsAndBoundariesSay() {
		assertThat(neighbourhoodOf("LE18 1AA")).as("Wigston All Saints ward").isEqualTo("NA54");
		assertThat(neighbourhoodOf("LE2 5BA")).as("Oadby").isEqualTo("NA55");
		assertThat(neighbourhoodOf("LE11 3DA")).as("Loughborough").startsWith("NL");
		assertThat(neighbourhoodOf("LE15 6HW")).as("Oakham, Rutland").isEqualTo("NR35");
		assertThat(neighbourhoodOf("LE1 3GG")).as("inside the real City Centre boundary").isEqualTo("NC04");
	}

	@Test
	void theCityCentreIsExactlyThePostcodesInsideItsRealBoundary() {
		List<String> inside = this.jdbc.queryForList("""
				select p.postcode from postcode p join neighbourhood n on n.id = p.neighbourhood_id
				where n.code = 'NC04'""", String.class);
		assertThat(inside).hasSizeGreaterThan(250).contains("LE1 3GG").doesNotContain("LE1 1AA");
	}

	@Test
	void aFewNeighbourhoodsHaveNoNamedOfficerAndEveryNamedOfficerIsAPcOrPcso() {
		assertThat(this.jdbc.queryForList("""
				select code from neighbourhood n
				where not exists (select 1 from team_member t where t.neighbourhood_id = n.id and t.named_officer)
				order by code""", String.class)).containsExactly("NC66", "NH24", "NR37");
		assertThat(count("select count(*) from team_member where named_officer and role not in ('PC', 'PCSO')"))
			.isZero();
		assertThat(count("select min(c) from (select count(*) c from team_member group by neighbourhood_id) t"))
			.isGreaterThanOrEqualTo(2);
		assertThat(count("select max(c) from (select count(*) c from team_member group by neighbourhood_id) t"))
			.isLessThanOrEqualTo(6);
	}

	@Test
	void somePrioritiesAreStaleAndEveryNeighbourhoodHasEventsComing() {
		assertThat(count("select count(*) from priority where updated_on < current_date - interval '3 months'"))
			.isPositive();
		assertThat(count("select count(distinct neighbourhood_id) from event where starts_at > now()")).isEqualTo(66);
		assertThat(count("select count(*) from station_neighbourhood")).isGreaterThanOrEqualTo(66);
	}

	private String neighbourhoodOf(String postcode) {
		return this.jdbc.queryForObject(
				"select n.code from postcode p join neighbourhood n on n.id = p.neighbourhood_id where p.postcode = ?",
				String.class, postcode);
	}

	private long count(String sql) {
		Long value = this.jdbc.queryForObject(sql, Long.class);
		return (value != null) ? value : 0;
	}

}
