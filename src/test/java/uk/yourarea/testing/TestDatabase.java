package uk.yourarea.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Gives each test run (each JVM Surefire or Failsafe starts) a fresh PostgreSQL database
 * of its own and points {@code spring.datasource.*} at it. With a working Docker engine
 * the database is a Testcontainers PostgreSQL; without one it is a new, uniquely named
 * database on the local server at 127.0.0.1:5432 (override with
 * {@code YOURAREA_TEST_POSTGRES_URL}), dropped when the run ends. The development
 * database is never touched.
 */
public class TestDatabase implements LauncherSessionListener {

	private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private PostgreSQLContainer container;

	private String localDatabase;

	private String serverUrl;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (System.getProperty("spring.datasource.url") != null) {
			return;
		}
		if (dockerWorks()) {
			this.container = new PostgreSQLContainer("postgres:17-alpine");
			this.container.start();
			use(this.container.getJdbcUrl(), this.container.getUsername(), this.container.getPassword());
			return;
		}
		this.serverUrl = System.getenv().getOrDefault("YOURAREA_TEST_POSTGRES_URL", LOCAL_SERVER);
		this.localDatabase = "yourarea_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("create database " + this.localDatabase);
		use(this.serverUrl + this.localDatabase, "postgres", "");
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (this.container != null) {
			this.container.stop();
		}
		if (this.localDatabase != null) {
			execute("drop database if exists " + this.localDatabase + " with (force)");
		}
	}

	private static void use(String url, String username, String password) {
		// All test contexts of a run share this database, and the demo-site tests create
		// the demo staff
		// accounts in it; other contexts must still start. DemoPasswordGuardTests covers
		// the check itself.
		System.setProperty("yourarea.security.refuse-demo-passwords", "false");
		System.setProperty("spring.datasource.url", url);
		System.setProperty("spring.datasource.username", username);
		System.setProperty("spring.datasource.password", password);
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.serverUrl + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the test database on " + this.serverUrl
					+ " (is PostgreSQL running there? Start it, or set YOURAREA_TEST_POSTGRES_URL): " + ex.getMessage(),
					ex);
		}
	}

	private static boolean dockerWorks() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

}
