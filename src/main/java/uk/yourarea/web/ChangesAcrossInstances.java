package uk.yourarea.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every instance of the site when public content changes, so that each empties its
 * page caches at once, not when they expire. A change sends a PostgreSQL {@code NOTIFY}
 * with the kind of thing that changed and its neighbourhood inside its own transaction,
 * so it is delivered only if, and when, the change commits; each instance {@code LISTEN}s
 * on a connection of its own (not one of the pool's) and announces the same change
 * ({@link PublicContentChanged#fromNotice(String)}) to its caches, which keep what that
 * change cannot alter (an alert does not move a boundary, nor show on another
 * neighbourhood's page). If the listening connection breaks, the instance empties its
 * caches and listens again, so nothing sent while it was away can be missed. A notice
 * without a kind (from an older version) means that anything may have changed.
 */
@Component
class ChangesAcrossInstances implements SmartLifecycle {

	static final String CHANNEL = "yourarea_public_content_changed";

	private static final Logger log = LoggerFactory.getLogger(ChangesAcrossInstances.class);

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final ApplicationEventPublisher events;

	/**
	 * Marks this instance's own notices, which PostgreSQL delivers to its listener too:
	 * it has handled its changes already.
	 */
	private final String origin = "@" + UUID.randomUUID().toString().replace("-", "");

	private volatile boolean running;

	private Thread listener;

	ChangesAcrossInstances(JdbcTemplate jdbc, DataSource dataSource, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.events = events;
	}

	/** Runs inside the changing transaction: PostgreSQL delivers the notice on commit. */
	@EventListener
	void tellTheOtherInstances(PublicContentChanged change) {
		if (!change.onAnotherInstanceOnly()) {
			this.jdbc.query("select pg_notify(?, ?)", (row) -> {
			}, CHANNEL, change.notice() + " " + this.origin);
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = new Thread(this::listen, "public-content-listener");
		this.listener.setDaemon(true);
		this.listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.listener != null) {
			this.listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		while (this.running) {
			try (Connection connection = openConnection(); Statement statement = connection.createStatement()) {
				// A connection that died without a word (a dropped route, a failover)
				// then fails the next round trip instead of leaving this instance deaf.
				connection.setNetworkTimeout(Runnable::run, (int) WAIT.multipliedBy(2).toMillis());
				statement.execute("listen " + CHANNEL);
				// Anything sent before this point may have been missed.
				this.events.publishEvent(PublicContentChanged.anythingOnAnotherInstance());
				PGConnection notices = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = notices.getNotifications((int) WAIT.toMillis());
					if (received == null || received.length == 0) {
						// A round trip, to learn that the connection still works:
						// listening again changes nothing.
						statement.execute("listen " + CHANNEL);
					}
					else {
						Arrays.stream(received)
							.map(PGNotification::getParameter)
							.filter((notice) -> !notice.endsWith(" " + this.origin))
							.map(ChangesAcrossInstances::withoutOrigin)
							.distinct()
							.forEach((notice) -> this.events.publishEvent(PublicContentChanged.fromNotice(notice)));
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					log.warn("Not listening for changes made on other instances ({}); trying again in {} s",
							ex.getMessage(), WAIT.toSeconds());
					sleep();
				}
			}
		}
	}

	/** What this instance's notices end with. */
	String origin() {
		return this.origin;
	}

	/** A notice without the instance that sent it ("alert 12 @3f…" to "alert 12"). */
	static String withoutOrigin(String notice) {
		int at = notice.lastIndexOf(" @");
		return (at < 0) ? notice : notice.substring(0, at);
	}

	private Connection openConnection() throws SQLException {
		return DirectConnections.open(this.dataSource, Duration.ofSeconds(10));
	}

	private void sleep() {
		try {
			Thread.sleep(WAIT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
