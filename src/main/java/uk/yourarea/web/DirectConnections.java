package uk.yourarea.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * A connection of its own to the database the pool serves, outside the pool: for a
 * connection held for a long time (listening for notifications), and for asking whether
 * the database answers when the pool cannot say (all its connections lost or busy).
 */
final class DirectConnections {

	private DirectConnections() {
	}

	/**
	 * Opens a connection with the pool's address, account and settings, giving up after
	 * {@code timeout} (rounded up to whole seconds, as the driver counts) if the server
	 * does not answer.
	 */
	static Connection open(DataSource dataSource, Duration timeout) throws SQLException {
		if (!dataSource.isWrapperFor(HikariDataSource.class)) {
			return dataSource.getConnection();
		}
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		Properties settings = new Properties();
		settings.putAll(pool.getDataSourceProperties());
		if (pool.getUsername() != null) {
			settings.setProperty("user", pool.getUsername());
		}
		if (pool.getPassword() != null) {
			settings.setProperty("password", pool.getPassword());
		}
		String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
		settings.setProperty("connectTimeout", seconds);
		settings.setProperty("loginTimeout", seconds);
		return DriverManager.getConnection(pool.getJdbcUrl(), settings);
	}

}
