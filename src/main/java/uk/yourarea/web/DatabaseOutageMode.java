package uk.yourarea.web;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * While the database cannot be reached, requests give up on it at once instead of each
 * waiting the pool's whole connection timeout. With a 3-second wait on each of 16 request
 * threads the site could answer only about five requests a second during an outage, and
 * the rest queued for up to 15 s; with a quarter of a second every resident gets the
 * "service unavailable" page (or their form back) within a second. A check every half
 * second notices the outage, and notices the database's return, when the normal wait
 * comes back.
 */
@Component
class DatabaseOutageMode {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageMode.class);

	/** The shortest wait Hikari allows. */
	static final Duration WAIT_DURING_OUTAGE = Duration.ofMillis(250);

	private final DataSource dataSource;

	private final long normalWait;

	private volatile boolean outage;

	DatabaseOutageMode(DataSource dataSource,
			@Value("${spring.datasource.hikari.connection-timeout:30000}") long normalWait) {
		this.dataSource = dataSource;
		this.normalWait = normalWait;
	}

	@Scheduled(fixedDelay = 500, initialDelay = 5000)
	void check() {
		try (Connection connection = this.dataSource.getConnection()) {
			if (connection.isValid(1) && this.outage) {
				this.outage = false;
				waitForConnections(this.normalWait);
				log.info("The database answers again: requests wait up to {} ms for a connection", this.normalWait);
			}
		}
		catch (Exception failed) {
			if (!unreachable(failed)) {
				// Every connection busy (a long import, say) is not an outage: cutting
				// the wait
				// then would turn a queue into errors.
				return;
			}
			if (!this.outage) {
				this.outage = true;
				waitForConnections(WAIT_DURING_OUTAGE.toMillis());
				log.warn("The database cannot be reached: requests give up after {} ms until it answers again",
						WAIT_DURING_OUTAGE.toMillis());
			}
		}
	}

	/**
	 * Whether the database itself could not be reached. The pool's own timeout says only
	 * that every connection was busy, unless it carries the failure of a new connection.
	 */
	static boolean unreachable(Exception failed) {
		return !(failed instanceof SQLTransientConnectionException) || failed.getCause() != null;
	}

	boolean isOutage() {
		return this.outage;
	}

	private void waitForConnections(long millis) {
		if (this.dataSource instanceof HikariDataSource hikari) {
			hikari.getHikariConfigMXBean().setConnectionTimeout(millis);
		}
	}

}
