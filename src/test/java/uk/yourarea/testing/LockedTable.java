package uk.yourarea.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;

/**
 * Cuts the site's database connection in the middle of a request, the way an operator's
 * {@code pg_terminate_backend} or a failover would, at a statement the test chooses.
 * <p>
 * The test locks a table from a connection of its own, outside the site's pool; the
 * request's statement on that table waits for the lock; the test then terminates exactly
 * that backend (one the lock blocks, running the statement expected) and the site's
 * driver gets SQLSTATE 57P01 admin_shutdown. Closing releases the lock. Only backends of
 * the test's own database are ever touched.
 */
public final class LockedTable implements AutoCloseable {

	private static final Pattern TABLE = Pattern.compile("[a-z_]+");

	private final Connection connection;

	private LockedTable(Connection connection) {
		this.connection = connection;
	}

	/**
	 * Locks a table of the site's database until {@link #close()}.
	 * @param mode a PostgreSQL lock mode: {@code share} stops writes,
	 * {@code access exclusive} reads too
	 */
	public static LockedTable lock(Environment environment, String table, String mode) {
		if (!TABLE.matcher(table).matches() || !mode.matches("share|access exclusive")) {
			throw new IllegalArgumentException("Not a table or lock mode: " + table + ", " + mode);
		}
		try {
			Connection connection = DriverManager.getConnection(
					environment.getRequiredProperty("spring.datasource.url"),
					environment.getRequiredProperty("spring.datasource.username"),
					environment.getProperty("spring.datasource.password", ""));
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set lock_timeout = '10s'");
				statement.execute("lock table " + table + " in " + mode + " mode");
			}
			return new LockedTable(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits until a backend of the site is blocked by this lock while running a statement
	 * that matches the SQL {@code like} pattern (case ignored), and terminates it.
	 * @return the terminated backend's statement
	 */
	public String cutTheConnectionWaitingOn(String statementLike) {
		long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		try (PreparedStatement find = this.connection.prepareStatement("""
				select pid, query from pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid()
				  and pg_backend_pid() = any(pg_blocking_pids(pid)) and query ilike ?
				order by query_start limit 1""")) {
			find.setString(1, statementLike);
			while (System.nanoTime() < until) {
				// Within a transaction PostgreSQL shows the activity as it was when first
				// asked, unless told to look again.
				clearSnapshot();
				try (ResultSet blocked = find.executeQuery()) {
					if (blocked.next()) {
						terminate(blocked.getInt("pid"));
						return blocked.getString("query");
					}
				}
				Thread.sleep(50);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		throw new AssertionError(
				"No statement like " + statementLike + " waited on the lock; the backends: " + backends());
	}

	private void clearSnapshot() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("select pg_stat_clear_snapshot()");
		}
	}

	private String backends() {
		StringBuilder all = new StringBuilder();
		try {
			clearSnapshot();
		}
		catch (SQLException ex) {
			all.append(ex.getMessage());
		}
		try (Statement statement = this.connection.createStatement();
				ResultSet rows = statement.executeQuery("select pid, state, wait_event_type, "
						+ "pg_blocking_pids(pid)::text as blocked_by, left(query, 120) as query "
						+ "from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
			while (rows.next()) {
				all.append("\n  ")
					.append(rows.getInt("pid"))
					.append(' ')
					.append(rows.getString("state"))
					.append(' ')
					.append(rows.getString("wait_event_type"))
					.append(" blocked by ")
					.append(rows.getString("blocked_by"))
					.append(": ")
					.append(rows.getString("query"));
			}
		}
		catch (SQLException ex) {
			all.append(ex.getMessage());
		}
		return all.toString();
	}

	private void terminate(int pid) throws SQLException {
		try (PreparedStatement terminate = this.connection.prepareStatement("select pg_terminate_backend(?)")) {
			terminate.setInt(1, pid);
			try (ResultSet done = terminate.executeQuery()) {
				if (!done.next() || !done.getBoolean(1)) {
					throw new AssertionError("Backend " + pid + " was not terminated");
				}
			}
		}
	}

	@Override
	public void close() {
		try {
			this.connection.rollback();
			this.connection.close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
