package uk.yourarea.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * While the database cannot be reached, requests are refused at once instead of each
 * waiting the pool's whole connection timeout (3 s): with 16 request threads each waiting
 * 3 s the site could answer only about five requests a second during an outage, and the
 * rest queued for ten seconds and more. Instead every resident gets the "service
 * unavailable" page (or their form back) at once.
 * <p>
 * The application's {@link DataSource} is the pool behind a {@link FailFast} wrapper.
 * Every half second a check asks whether the database answers:
 * <ul>
 * <li>while the pool holds connections, it does (a pool with every connection busy,
 * during a long import say, is not an outage: refusing then would turn a queue into
 * errors);</li>
 * <li>when the pool holds none, or a request found the database unreachable, a connection
 * of its own, outside the pool, with a one-second limit, says whether it answers. A
 * refusal starts the outage; the first answer ends it.</li>
 * </ul>
 * Changing the pool's own timeout instead does not work: the pool reads a changed value
 * only every 30 s.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageMode {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageMode.class);

	static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

	private final DataSource dataSource;

	private final Reachability reachability;

	DatabaseOutageMode(DataSource dataSource, Reachability reachability) {
		this.dataSource = dataSource;
		this.reachability = reachability;
	}

	@Bean
	static Reachability databaseReachability() {
		return new Reachability();
	}

	@Bean
	static BeanPostProcessor failFastDuringOutages(ObjectProvider<Reachability> reachability) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof HikariDataSource pool) ? new FailFast(pool, reachability.getObject()) : bean;
			}
		};
	}

	@Scheduled(fixedDelay = 500, initialDelay = 5000)
	void check() {
		boolean suspect = this.reachability.outage || this.reachability.suspected || poolHoldsNoConnection();
		if (!suspect) {
			return;
		}
		this.reachability.suspected = false;
		DataSource pool = (this.dataSource instanceof FailFast failFast) ? failFast.pool() : this.dataSource;
		try (Connection connection = DirectConnections.open(pool, PROBE_TIMEOUT)) {
			if (connection.isValid((int) PROBE_TIMEOUT.toSeconds()) && this.reachability.outage) {
				this.reachability.outage = false;
				log.info("The database answers again: requests wait for a connection as usual");
			}
		}
		catch (SQLException | RuntimeException failed) {
			if (!cannotConnect(failed)) {
				// The server answered, and said no (too many clients, say): not an outage
				// that refusing every request would help with.
				log.warn("The database answers but refused a new connection: {}", DatabaseFailures.describe(failed));
				return;
			}
			if (!this.reachability.outage) {
				this.reachability.outage = true;
				log.warn("The database cannot be reached ({}): requests are refused at once until it answers again",
						DatabaseFailures.describe(failed));
			}
		}
	}

	boolean isOutage() {
		return this.reachability.outage;
	}

	private boolean poolHoldsNoConnection() {
		try {
			if (!this.dataSource.isWrapperFor(HikariDataSource.class)) {
				return false;
			}
			HikariPoolMXBean pool = this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
			return pool != null && pool.getTotalConnections() == 0;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/**
	 * Whether a new connection failed because the server could not be reached or is not
	 * taking connections (SQLSTATE class 08, or 57P03 while it starts or stops), rather
	 * than because it answered and refused (too many clients, a wrong password).
	 */
	static boolean cannotConnect(Exception failed) {
		if (failed instanceof SQLException sql) {
			String state = sql.getSQLState();
			return state == null || state.startsWith("08") || "57P03".equals(state);
		}
		return true;
	}

	/**
	 * Whether the database itself could not be reached. The pool's own timeout says only
	 * that every connection was busy, unless it carries the failure of a new connection.
	 */
	static boolean unreachable(Exception failed) {
		return !(failed instanceof SQLTransientConnectionException) || failed.getCause() != null;
	}

	/** What the checks found, shared with the data source. */
	static final class Reachability {

		volatile boolean outage;

		/** A request found the database unreachable: check now. */
		volatile boolean suspected;

	}

	/** The pool, refusing at once during an outage. */
	static final class FailFast extends DelegatingDataSource {

		private final Reachability reachability;

		FailFast(DataSource pool, Reachability reachability) {
			super(pool);
			this.reachability = reachability;
		}

		@Override
		public Connection getConnection() throws SQLException {
			refuseDuringOutage();
			try {
				return super.getConnection();
			}
			catch (SQLException ex) {
				noteFailure(ex);
				throw ex;
			}
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			refuseDuringOutage();
			try {
				return super.getConnection(username, password);
			}
			catch (SQLException ex) {
				noteFailure(ex);
				throw ex;
			}
		}

		/** The pool itself, which never refuses at once. */
		DataSource pool() {
			return obtainTargetDataSource();
		}

		private void refuseDuringOutage() throws SQLException {
			if (this.reachability.outage) {
				throw new SQLTransientConnectionException("The database cannot be reached", "08001");
			}
		}

		private void noteFailure(SQLException ex) {
			if (unreachable(ex)) {
				this.reachability.suspected = true;
			}
		}

	}

}
