package uk.yourarea.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts written straight into the database for tests, in a given state, and removed
 * again; publishing one announces it as the sender does ({@link AlertArchive#published}),
 * so that the cached pages change.
 */
public class TestAlerts {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AlertArchive archive;

	private final List<Long> written = new ArrayList<>();

	public TestAlerts(JdbcTemplate jdbc, TransactionTemplate transaction, AlertArchive archive) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.archive = archive;
	}

	/** A published (SENT) alert, announced. */
	public long published(String title, String body, Instant at, long... neighbourhoodIds) {
		return this.transaction.execute((status) -> {
			long id = insert(title, body, "SENT", at, neighbourhoodIds);
			this.archive.published(id, java.util.Arrays.stream(neighbourhoodIds).boxed().toList());
			return id;
		});
	}

	/** An alert in a state before publishing: DRAFT, SCHEDULED, CANCELLED… */
	public long unpublished(String title, String status, Instant sendAt, long... neighbourhoodIds) {
		return this.transaction.execute((tx) -> insert(title, "Not yet.", status, sendAt, neighbourhoodIds));
	}

	/** Publishes an alert without telling anyone, as a sender that forgot would. */
	public long publishedSilently(String title, Instant at, long... neighbourhoodIds) {
		return this.transaction.execute((tx) -> insert(title, "Quietly.", "SENT", at, neighbourhoodIds));
	}

	private long insert(String title, String body, String status, Instant at, long... neighbourhoodIds) {
		boolean published = status.equals("SENT") || status.equals("SENDING");
		Timestamp time = Timestamp.from(at);
		long id = this.jdbc.queryForObject("""
				insert into alert (title, body, topic, reach, author_id, signature, status, send_at, published_at,
				                   created_at, updated_at)
				values (?, ?, 'APPEALS', 'NEIGHBOURHOODS', 1, ?, ?, ?, ?, ?, ?) returning id""", Long.class, title,
				body, published ? "Message sent by PC Test\n(Test Police, Testbury)" : null, status,
				status.equals("DRAFT") ? null : time, published ? time : null, time, time);
		for (long neighbourhoodId : neighbourhoodIds) {
			this.jdbc.update("insert into alert_neighbourhood (alert_id, neighbourhood_id) values (?, ?)", id,
					neighbourhoodId);
		}
		this.written.add(id);
		return id;
	}

	/** Removes every alert written here, and empties the page caches. */
	public void removeAll() {
		if (this.written.isEmpty()) {
			return;
		}
		this.transaction.executeWithoutResult((status) -> {
			for (long id : this.written) {
				this.jdbc.update("delete from alert where id = ?", id);
				this.archive.published(id, List.of());
			}
		});
		this.written.clear();
	}

}
