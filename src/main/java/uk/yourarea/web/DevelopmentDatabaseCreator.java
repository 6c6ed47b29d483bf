package uk.yourarea.web;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Creates the development database on first run, so {@code ./mvnw spring-boot:run} works
 * on a fresh clone with nothing else done. Only acts when
 * {@code yourarea.database.create-if-missing} is true (the demo profile); production
 * databases are created by their owners.
 */
class DevelopmentDatabaseCreator implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("yourarea.database.create-if-missing", Boolean.class, false)) {
			return;
		}
		String url = environment.getProperty("spring.datasource.url");
		if (url == null || !url.startsWith("jdbc:postgresql://")) {
			return;
		}
		URI uri = URI.create(url.substring("jdbc:".length()));
		String database = uri.getPath().replaceFirst("^/", "");
		if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
			return;
		}
		String maintenanceUrl = url.replaceFirst("/" + database + "(?=$|\\?)", "/postgres");
		String username = environment.getProperty("spring.datasource.username");
		String password = environment.getProperty("spring.datasource.password");
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, username, password)) {
			if (!exists(connection, database)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("create database " + database);
				}
				System.out.println("Your Area: created the development database \"" + database + "\"");
			}
		}
		catch (SQLException ex) {
			// The application's own start-up will report the database problem in full.
			System.err
				.println("Your Area: could not check or create the database \"" + database + "\": " + ex.getMessage());
		}
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, database);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}

}
