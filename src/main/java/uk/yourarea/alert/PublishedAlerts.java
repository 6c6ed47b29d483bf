package uk.yourarea.alert;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.web.TextIn;

/**
 * The alerts the public may read, for the other features: the latest of a neighbourhood
 * (its Your Area page), and whether an alert was published to a neighbourhood (a reply
 * naming it, the inbox showing what a message answers). An alert is published once it has
 * started to go (SENDING or SENT), in each of the neighbourhoods it went to.
 */
@Service
public class PublishedAlerts {

	/** What is published of an alert, and when it started to go. */
	public record Published(long id, String title, Instant publishedAt, @Nullable String titleCy) {

		/** The title in this language: Welsh when asked for and written, else English. */
		public TextIn titleIn(Locale locale) {
			return TextIn.choose(locale, this.title, this.titleCy);
		}

	}

	private final JdbcTemplate jdbc;

	PublishedAlerts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A neighbourhood's latest published alerts, newest first. */
	@Transactional(readOnly = true)
	public List<Published> latest(long neighbourhoodId, int howMany) {
		return this.jdbc.query("""
				select a.id, a.title, a.published_at, a.title_cy from alert a
				join alert_neighbourhood n on n.alert_id = a.id
				where n.neighbourhood_id = ? and a.status in ('SENDING', 'SENT')
				order by a.published_at desc, a.id desc limit ?""",
				(row, n) -> new Published(row.getLong("id"), row.getString("title"),
						row.getTimestamp("published_at").toInstant(), row.getString("title_cy")),
				neighbourhoodId, howMany);
	}

	/** The alert, when it is published to that neighbourhood. */
	@Transactional(readOnly = true)
	public Optional<Published> find(long alertId, long neighbourhoodId) {
		return this.jdbc
			.query("""
					select a.id, a.title, a.published_at, a.title_cy from alert a
					join alert_neighbourhood n on n.alert_id = a.id
					where a.id = ? and n.neighbourhood_id = ? and a.status in ('SENDING', 'SENT')""",
					(row, n) -> new Published(row.getLong("id"), row.getString("title"),
							row.getTimestamp("published_at").toInstant(), row.getString("title_cy")),
					alertId, neighbourhoodId)
			.stream()
			.findFirst();
	}

	/** The address of an alert's page in a neighbourhood's archive, within the site. */
	public static String pageOf(String neighbourhoodSlug, long alertId) {
		return "/area/" + neighbourhoodSlug + "/alerts/" + alertId;
	}

}
