package uk.yourarea.coverage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole-table way of writing a reassignment (ADR 0006), on the demo's 21,621 LE
 * postcodes: every postcode ends up where an in-place update puts it, and the table keeps
 * every column's values, its indexes, constraints and grants under their names. All of it
 * in a transaction that is rolled back, so the other tests sharing the database see
 * nothing.
 */
@DemoSiteTest
class PostcodeTableRewriteIT {

	private static final String ROWS = "select postcode, outward_code, latitude, longitude, terminated_on, ward_code, "
			+ "district_code, in_force_area, neighbourhood_id from postcode order by postcode";

	private static final String INDEXES = "select indexname || ': ' || indexdef from pg_indexes "
			+ "where schemaname = current_schema() and tablename = 'postcode' order by indexname";

	private static final String CONSTRAINTS = "select conname || ': ' || pg_get_constraintdef(oid) from pg_constraint "
			+ "where conrelid = 'postcode'::regclass order by conname";

	private static final String TABLE_ID = "select 'postcode'::regclass::oid::bigint";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	CoverageAssigner assigner;

	@Test
	void rebuildingTheTableGivesEveryPostcodeWhatAnUpdateWouldAndKeepsEverythingElse() {
		List<Map<String, Object>> rows = this.jdbc.queryForList(ROWS);
		List<String> indexes = this.jdbc.queryForList(INDEXES, String.class);
		List<String> constraints = this.jdbc.queryForList(CONSTRAINTS, String.class);
		Long table = this.jdbc.queryForObject(TABLE_ID, Long.class);
		String reader = "yourarea_test_reader_" + UUID.randomUUID().toString().substring(0, 8);
		List<Map<String, Object>> updated = this.transaction.execute((status) -> {
			this.jdbc.update("update postcode set neighbourhood_id = null");
			assertThat(assignEverything(Long.MAX_VALUE).coverage().assigned()).as("demo postcodes assigned")
				.isGreaterThan(20_000);
			assertThat(this.jdbc.queryForObject(TABLE_ID, Long.class)).as("updated in place").isEqualTo(table);
			status.setRollbackOnly();
			return this.jdbc.queryForList(ROWS);
		});

		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.execute("create role " + reader);
			this.jdbc.execute("grant select on postcode to " + reader);
			this.jdbc.update("update postcode set neighbourhood_id = null");

			CoverageAssigner.Result result = assignEverything(0);

			assertThat(result.coverage().changed()).isEqualTo(result.coverage().assigned()).isGreaterThan(20_000);
			assertThat(this.jdbc.queryForObject(TABLE_ID, Long.class)).as("a new table").isNotEqualTo(table);
			assertThat(this.jdbc.queryForList(ROWS)).isEqualTo(updated);
			assertThat(this.jdbc.queryForList(INDEXES, String.class)).isEqualTo(indexes);
			assertThat(this.jdbc.queryForList(CONSTRAINTS, String.class)).isEqualTo(constraints);
			assertThat(this.jdbc.queryForObject("select has_table_privilege(?, 'postcode', 'select')", Boolean.class,
					reader))
				.isTrue();
			// A lookup plans against the new table, by its primary key.
			assertThat(
					this.jdbc.queryForList("explain select * from postcode where postcode = 'LE18 1AA'", String.class))
				.anySatisfy((line) -> assertThat(line).contains("postcode_pkey"));
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.queryForObject(TABLE_ID, Long.class)).isEqualTo(table);
		assertThat(this.jdbc.queryForList(ROWS)).isEqualTo(rows);
	}

	@Test
	void aSmallShareOfChangesIsUpdatedInPlace() {
		Long table = this.jdbc.queryForObject(TABLE_ID, Long.class);
		String somePostcode = this.jdbc.queryForObject(
				"select postcode from postcode where neighbourhood_id is not null order by postcode limit 1",
				String.class);
		Long neighbourhood = this.jdbc.queryForObject("select neighbourhood_id from postcode where postcode = ?",
				Long.class, somePostcode);

		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("update postcode set neighbourhood_id = null where postcode = ?", somePostcode);

			CoverageAssigner.Result result = assignEverything(0);

			assertThat(result.coverage().changed()).isEqualTo(1);
			assertThat(this.jdbc.queryForObject(TABLE_ID, Long.class)).as("the same table").isEqualTo(table);
			assertThat(this.jdbc.queryForObject("select neighbourhood_id from postcode where postcode = ?", Long.class,
					somePostcode))
				.isEqualTo(neighbourhood);
			status.setRollbackOnly();
		});
	}

	private CoverageAssigner.Result assignEverything(long rewriteFrom) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return this.assigner.assign(connection, PostcodeTable.Selection.ALL, Map.of(), true, rewriteFrom);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
