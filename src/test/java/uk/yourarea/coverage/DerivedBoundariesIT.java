package uk.yourarea.coverage;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's approximate boundaries, derived from each neighbourhood's postcodes: one for
 * every neighbourhood without a published one, none overlapping a real one, all inside
 * the force area, and deriving again changes nothing.
 */
@DemoSiteTest
class DerivedBoundariesIT {

	/** About seven square metres, in square degrees: what rounding may leave. */
	static final double NO_AREA = 1e-9;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DerivedBoundaries derived;

	@Test
	void everyDemoNeighbourhoodHasABoundaryAndOnlyThePublishedOnesAreReal() {
		List<String> without = this.jdbc.queryForList("""
				select code from neighbourhood n where code like 'N%' and retired_on is null
				and not exists (select 1 from neighbourhood_boundary b where b.neighbourhood_id = n.id)""",
				String.class);
		assertThat(without).isEmpty();
		assertThat(this.jdbc.queryForList("""
				select n.code from neighbourhood_boundary b join neighbourhood n on n.id = b.neighbourhood_id
				where not b.derived and n.code like 'N%' order by n.code""", String.class)).containsExactly("NC04",
				"NC66", "NS68");
		assertThat(this.jdbc.queryForObject("""
				select count(*) from neighbourhood_boundary b join neighbourhood n on n.id = b.neighbourhood_id
				where b.derived and n.code like 'N%'""", Integer.class)).isEqualTo(63);
	}

	@Test
	void derivedBoundariesNeverOverlapRealOnesAndLieInTheForceArea() throws Exception {
		Geometry forceArea = Boundaries.parse(new ClassPathResource("demo/force-area-leicestershire.geojson")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		Geometry real = CascadedPolygonUnion.union(boundaries(false));
		List<Geometry> derivedShapes = boundaries(true);
		assertThat(derivedShapes).hasSizeGreaterThanOrEqualTo(63);
		for (Geometry shape : derivedShapes) {
			assertThat(shape.isValid()).isTrue();
			assertThat(shape.getArea()).isGreaterThan(0);
			assertThat(shape.intersection(real).getArea()).as("overlap with a real boundary").isLessThan(NO_AREA);
			assertThat(shape.difference(forceArea).getArea()).as("outside the force area").isLessThan(NO_AREA);
		}
		Geometry all = CascadedPolygonUnion.union(derivedShapes);
		assertThat(all.getArea()).as("derived shapes do not overlap each other either")
			.isCloseTo(derivedShapes.stream().mapToDouble(Geometry::getArea).sum(),
					org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void derivingAgainChangesNothing() throws Exception {
		String before = this.jdbc.queryForObject(
				"select md5(string_agg(geojson, ',' order by neighbourhood_id)) " + "from neighbourhood_boundary",
				String.class);
		Geometry forceArea = Boundaries.parse(new ClassPathResource("demo/force-area-leicestershire.geojson")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(this.derived.deriveMissing(forceArea)).isZero();
		assertThat(this.jdbc.queryForObject(
				"select md5(string_agg(geojson, ',' order by neighbourhood_id)) " + "from neighbourhood_boundary",
				String.class))
			.isEqualTo(before);
	}

	@Test
	void derivedBoundariesDoNotDecideWherePostcodesGo() {
		assertThat(this.jdbc.queryForObject("""
				select n.code from postcode p join neighbourhood n on n.id = p.neighbourhood_id
				where p.postcode = 'LE1 3GG'""", String.class)).isEqualTo("NC04");
	}

	private List<Geometry> boundaries(boolean derived) {
		return this.jdbc.queryForList("""
				select b.geojson from neighbourhood_boundary b join neighbourhood n on n.id = b.neighbourhood_id
				where b.derived = ? and n.code like 'N%'""", String.class, derived)
			.stream()
			.map(Boundaries::parse)
			.toList();
	}

}
