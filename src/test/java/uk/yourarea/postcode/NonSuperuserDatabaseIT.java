package uk.yourarea.postcode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.YourAreaApplication;
import uk.yourarea.coverage.CoverageAssigner;
import uk.yourarea.coverage.PostcodeImporter;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole site run as a database role with only the rights docs/operations.md gives it
 * ("The database account"): no superuser, no CREATEDB or CREATEROLE; CONNECT and
 * TEMPORARY on a fresh database whose PUBLIC rights are revoked, and a schema of its own,
 * named after it, where Flyway makes and owns every table. As that role it migrates the
 * database, serves a page, keeps a staff session, listens for other instances' changes,
 * imports postcodes with {@code COPY}, reassigns them, and rebuilds the postcode table
 * the way a large reassignment does (ADR 6: drop, rename and re-grant, which only the
 * table's owner may do).
 */
class NonSuperuserDatabaseIT {

	private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	private static final String ROLE = "yourarea_app_" + SUFFIX;

	private static final String READER = "yourarea_reader_" + SUFFIX;

	private static final String DATABASE = "yourarea_rights_" + SUFFIX;

	private static final String PASSWORD = UUID.randomUUID().toString();

	private static final String ADMIN = "first.admin@example.org";

	private static final String ADMIN_PASSWORD = "a long passphrase for the first administrator";

	private static String server;

	private static ConfigurableApplicationContext site;

	@BeforeAll
	static void createTheRoleAndStartTheSiteAsIt() throws SQLException {
		// TestDatabase has pointed spring.datasource.* at this run's database, as a
		// superuser.
		String url = System.getProperty("spring.datasource.url").split("\\?")[0];
		server = url.substring(0, url.lastIndexOf('/') + 1);
		asSuperuser("postgres",
				"create role " + ROLE + " login password '" + PASSWORD
						+ "' nosuperuser nocreatedb nocreaterole noreplication nobypassrls",
				"create role " + READER + " nologin", "create database " + DATABASE,
				"revoke all on database " + DATABASE + " from public",
				"grant connect, temporary on database " + DATABASE + " to " + ROLE);
		asSuperuser(DATABASE, "revoke create on schema public from public",
				"create schema " + ROLE + " authorization " + ROLE);
		// As command-line arguments, so that they win over TestDatabase's system
		// properties. The seed file's postcodes are in Police Scotland's area.
		site = new SpringApplicationBuilder(YourAreaApplication.class).run(
				"--spring.datasource.url=" + server + DATABASE, "--spring.datasource.username=" + ROLE,
				"--spring.datasource.password=" + PASSWORD, "--server.port=0", "--management.server.port=0",
				"--yourarea.force.police-force-area-code=S23000009", "--yourarea.mail.relay-enabled=false",
				"--yourarea.admin.email=" + ADMIN, "--yourarea.admin.password=" + ADMIN_PASSWORD,
				"--logging.level.root=WARN");
	}

	@AfterAll
	static void stopAndDropThem() throws SQLException {
		if (site != null) {
			site.close();
		}
		if (server != null) {
			asSuperuser("postgres", "drop database if exists " + DATABASE + " with (force)",
					"drop role if exists " + READER, "drop role if exists " + ROLE);
		}
	}

	@Test
	void migratesAsARoleWithNoSpecialRightsThatOwnsEverythingItMade() throws IOException {
		JdbcTemplate jdbc = jdbc();
		int migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length;

		assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo(ROLE);
		assertThat(jdbc.queryForObject(
				"select rolsuper or rolcreatedb or rolcreaterole or rolreplication or rolbypassrls from pg_roles "
						+ "where rolname = current_user",
				Boolean.class))
			.isFalse();
		assertThat(jdbc.queryForObject("select current_schema()", String.class)).isEqualTo(ROLE);
		assertThat(migrations).isGreaterThanOrEqualTo(14);
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
			.isEqualTo(migrations);
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from pg_tables where schemaname = current_schema()",
				Integer.class))
			.isGreaterThan(20);
		assertThat(jdbc.queryForList(
				"select tablename from pg_tables where schemaname = current_schema() and tableowner <> current_user",
				String.class))
			.isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from pg_tables where schemaname = 'public'", Integer.class))
			.isZero();
	}

	@Test
	void servesPagesKeepsStaffSessionsAndListensForOtherInstances() throws InterruptedException {
		HttpResponse<String> home = StaffBrowser.on(site.getEnvironment()).get("/");
		assertThat(home.statusCode()).isEqualTo(200);

		StaffBrowser.signedIn(site.getEnvironment(), ADMIN, ADMIN_PASSWORD);
		assertThat(jdbc().queryForObject("select count(*) from staff_session_hashed", Integer.class)).isPositive();

		long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		int listening = 0;
		while (listening == 0 && System.nanoTime() < until) {
			listening = jdbc().queryForObject("select count(*) from pg_stat_activity "
					+ "where usename = current_user and query ilike 'listen %'", Integer.class);
			Thread.sleep(100);
		}
		assertThat(listening).as("connections listening for other instances' changes").isPositive();
	}

	@Test
	void importsAndReassignsPostcodesAndRebuildsThePostcodeTable() {
		JdbcTemplate jdbc = jdbc();
		PostcodeImporter.Report report = site.getBean(PostcodeImporter.class)
			.importFile(TestFiles.path("data/postcodes/onspd-seed-postcodesio.csv.gz"));
		assertThat(report.imported()).isEqualTo(8048);
		site.getBean(CoverageAssigner.class).assignAll();

		long area = jdbc.queryForObject(
				"insert into local_policing_area (code, name) values ('ABD', 'Aberdeen') returning id", Long.class);
		long neighbourhood = jdbc.queryForObject("insert into neighbourhood (code, slug, name, local_policing_area_id) "
				+ "values ('AB1', 'aberdeen-west', 'Aberdeen West', ?) returning id", Long.class, area);
		jdbc.execute("grant select on postcode to " + READER);
		long table = jdbc.queryForObject("select 'postcode'::regclass::oid::bigint", Long.class);
		long inForce = jdbc.queryForObject("select count(*) from postcode where in_force_area", Long.class);
		assertThat(inForce).isPositive();

		site.getBean(TransactionTemplate.class).executeWithoutResult((status) -> {
			DataSource dataSource = site.getBean(DataSource.class);
			Connection connection = DataSourceUtils.getConnection(dataSource);
			try (Statement statement = connection.createStatement()) {
				statement.execute("create temporary table coverage_change (postcode text, neighbourhood_id bigint) "
						+ "on commit drop");
				statement.executeUpdate("insert into coverage_change select postcode, " + neighbourhood
						+ " from postcode where in_force_area");
				PostcodeTableRewrite.apply(connection);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		});

		assertThat(jdbc.queryForObject("select 'postcode'::regclass::oid::bigint", Long.class)).as("a new table")
			.isNotEqualTo(table);
		assertThat(jdbc.queryForObject("select count(*) from postcode where neighbourhood_id = ?", Long.class,
				neighbourhood))
			.isEqualTo(inForce);
		assertThat(jdbc.queryForObject("select tableowner from pg_tables where tablename = 'postcode'", String.class))
			.isEqualTo(ROLE);
		assertThat(jdbc.queryForObject("select has_table_privilege(?, 'postcode', 'select')", Boolean.class, READER))
			.as("grants to other roles copied")
			.isTrue();
	}

	private static JdbcTemplate jdbc() {
		return site.getBean(JdbcTemplate.class);
	}

	private static void asSuperuser(String database, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server + database,
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
