package uk.yourarea.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.web.Languages;
import uk.yourarea.web.PublicContentChanged;
import uk.yourarea.web.TextIn;

/**
 * A neighbourhood's public archive of the alerts its team sent: the list, newest first,
 * each alert's own page and the Atom feed. Alerts are published once they start to go
 * (SENDING or SENT), to the neighbourhoods in alert_neighbourhood.
 * <p>
 * Whatever publishes an alert calls {@link #published} in the same transaction, so that
 * the cached Your Area pages, which show the latest alerts, are emptied once it commits.
 */
@Service
public class AlertArchive {

	/** Alerts on one page of the archive. */
	static final int PAGE_SIZE = 20;

	/** Alerts in the feed: the newest. */
	static final int FEED_SIZE = 50;

	/** About this many characters of an alert's first paragraph show in lists. */
	static final int SUMMARY_LENGTH = 200;

	static final String SUBJECT_TYPE = "alert";

	/**
	 * An alert to at most this many neighbourhoods is announced for each, so that only
	 * their pages are rendered again; one to more empties every page cache.
	 */
	static final int ANNOUNCED_ONE_BY_ONE = 10;

	private static final String SHOWN = "select a.id, a.title, a.body, a.topic, a.signature, a.signature_cy, "
			+ "a.published_at, a.title_cy, a.body_cy ";

	private static final String PUBLISHED_TO = """
			from alert a join alert_neighbourhood n on n.alert_id = a.id
			where n.neighbourhood_id = ? and a.status in ('SENDING', 'SENT')""";

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AlertArchive(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Announces that an alert has been published to these neighbourhoods (it has just
	 * started to go, and their alert_neighbourhood rows are there). Call it in the
	 * transaction that publishes it: the public page caches are emptied, on every
	 * instance, once that commits.
	 */
	@Transactional
	public void published(long alertId, Collection<Long> neighbourhoodIds) {
		if (neighbourhoodIds.size() > ANNOUNCED_ONE_BY_ONE) {
			this.events.publishEvent(new PublicContentChanged(SUBJECT_TYPE, alertId, null));
			return;
		}
		for (long neighbourhoodId : neighbourhoodIds) {
			this.events.publishEvent(new PublicContentChanged(SUBJECT_TYPE, alertId, neighbourhoodId));
		}
	}

	/** An alert in the archive's list. */
	record Listed(long id, String title, AlertTopic topic, Instant publishedAt, LocalDate publishedOn, String summary,
			@Nullable String lang) {

		public String topicLabelKey() {
			return this.topic.labelKey();
		}

	}

	/**
	 * One page of a neighbourhood's archive.
	 *
	 * @param number the page, from 1
	 * @param pages how many pages there are (at least 1, even with no alerts)
	 */
	record ArchivePage(List<Listed> alerts, int number, int pages, long total) {

		public boolean hasPrevious() {
			return this.number > 1;
		}

		public boolean hasNext() {
			return this.number < this.pages;
		}

	}

	/**
	 * A published alert as its own page and the feed show it, in the page's language when
	 * the author wrote it in Welsh too.
	 *
	 * @param lang the language of its title and body, {@code en} or {@code cy}, when not
	 * the page's
	 * @param signature who sent it, in the page's language: the Welsh signature frozen
	 * with it on a Welsh page, or the English where there is none
	 * @param signatureLang the language of the signature when not the page's
	 */
	record Shown(long id, String title, String body, AlertTopic topic, String signature, Instant publishedAt,
			LocalDate publishedOn, @Nullable String lang, @Nullable String signatureLang) {

		public AlertText text() {
			return AlertText.of(this.body);
		}

		public String summary() {
			return text().summary(SUMMARY_LENGTH);
		}

		public List<String> signatureLines() {
			return this.signature.strip().lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
		}

		public String topicLabelKey() {
			return this.topic.labelKey();
		}

	}

	/**
	 * A page of the archive, or empty when there is no such page (past the last; the
	 * first page is there even when the team has sent nothing).
	 */
	@Transactional(readOnly = true)
	Optional<ArchivePage> page(long neighbourhoodId, int number) {
		if (number < 1) {
			return Optional.empty();
		}
		long total = this.jdbc.queryForObject("select count(*) " + PUBLISHED_TO, Long.class, neighbourhoodId);
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		if (number > pages) {
			return Optional.empty();
		}
		Locale language = Languages.current();
		List<Listed> alerts = this.jdbc
			.query("select a.id, a.title, a.topic, a.body, a.published_at, a.title_cy, a.body_cy " + PUBLISHED_TO
					+ " order by a.published_at desc, a.id desc limit ? offset ?", (row, n) -> {
						Instant at = row.getTimestamp("published_at").toInstant();
						TextIn title = TextIn.choose(language, row.getString("title"), row.getString("title_cy"));
						String body = TextIn.pick(language, row.getString("body"), row.getString("body_cy"));
						return new Listed(row.getLong("id"), title.text(), AlertTopic.valueOf(row.getString("topic")),
								at, day(at), AlertText.of(body).summary(SUMMARY_LENGTH), title.lang());
					}, neighbourhoodId, PAGE_SIZE, (long) (number - 1) * PAGE_SIZE);
		return Optional.of(new ArchivePage(alerts, number, pages, total));
	}

	/** The alert, when it is published to that neighbourhood. */
	@Transactional(readOnly = true)
	Optional<Shown> alert(long alertId, long neighbourhoodId) {
		return this.jdbc
			.query(SHOWN + PUBLISHED_TO + " and a.id = ?", shownIn(Languages.current()), neighbourhoodId, alertId)
			.stream()
			.findFirst();
	}

	/** The newest alerts of a neighbourhood, for its feed. */
	@Transactional(readOnly = true)
	List<Shown> newest(long neighbourhoodId) {
		return this.jdbc.query(SHOWN + PUBLISHED_TO + " order by a.published_at desc, a.id desc limit ?",
				shownIn(Languages.current()), neighbourhoodId, FEED_SIZE);
	}

	private RowMapper<Shown> shownIn(Locale language) {
		return (row, n) -> shown(row, language);
	}

	private Shown shown(ResultSet row, Locale language) throws SQLException {
		Instant at = row.getTimestamp("published_at").toInstant();
		TextIn signature = TextIn.of(language, row.getString("signature"), row.getString("signature_cy"));
		TextIn title = TextIn.choose(language, row.getString("title"), row.getString("title_cy"));
		String body = TextIn.pick(language, row.getString("body"), row.getString("body_cy"));
		return new Shown(row.getLong("id"), title.text(), body, AlertTopic.valueOf(row.getString("topic")),
				signature.toString(), at, day(at), title.lang(), signature.lang());
	}

	private LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, this.clock.getZone());
	}

}
