package uk.yourarea.priority;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.web.TextIn;

/** The priorities a neighbourhood's public page shows, with what has been done. */
@Service
public class PublishedPriorities {

	/**
	 * A priority as residents see it.
	 *
	 * @param updates what has been done, newest first
	 * @param origin where it came from ({@link Priority.Origin}'s name), if recorded
	 * @param originConsultationId the consultation residents chose it in, if they did
	 */
	public record Published(String issue, LocalDate raisedOn, LocalDate updatedOn, @Nullable String outcome,
			@Nullable LocalDate closedOn, List<Update> updates, @Nullable String origin, @Nullable String originDetail,
			@Nullable Long originConsultationId, @Nullable String issueCy, @Nullable String outcomeCy) {

		/** The issue in this language: Welsh when asked for and written, else English. */
		public TextIn issueIn(Locale locale) {
			return TextIn.choose(locale, this.issue, this.issueCy);
		}

		/** The outcome, once closed, in this language. */
		public @Nullable TextIn outcomeIn(Locale locale) {
			return TextIn.chooseOptional(locale, this.outcome, this.outcomeCy);
		}

	}

	public record Update(LocalDate writtenOn, String text, @Nullable String textCy) {

		/** What was done, in this language: Welsh when asked for and written. */
		public TextIn textIn(Locale locale) {
			return TextIn.choose(locale, this.text, this.textCy);
		}

	}

	private static final String WITH_UPDATES = """
			select p.id, p.issue, p.raised_on, p.updated_on, p.outcome, p.closed_on, u.written_on, u.text,
			       p.origin, p.origin_detail, p.origin_consultation_id, p.issue_cy, p.outcome_cy, u.text_cy
			from priority p
			left join priority_update u on u.priority_id = p.id
			where p.neighbourhood_id = ? and (p.status = 'OPEN' or p.closed_on >= ?)
			order by p.status desc, p.updated_on desc, p.id desc, u.written_on desc, u.id desc
			""";

	private final JdbcTemplate jdbc;

	PublishedPriorities(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The open priorities, and those closed since the given day, each with its updates
	 * newest first: one statement for the whole section, so the page stays within its
	 * budget. Open ones first, then by last update, newest first.
	 */
	@Transactional(readOnly = true)
	public List<Published> of(long neighbourhoodId, LocalDate closedSince) {
		Map<Long, Published> found = new LinkedHashMap<>();
		this.jdbc.query(WITH_UPDATES, (RowCallbackHandler) (row) -> {
			Published priority = found.computeIfAbsent(row.getLong("id"), (id) -> published(row));
			Date writtenOn = row.getDate("written_on");
			if (writtenOn != null) {
				priority.updates()
					.add(new Update(writtenOn.toLocalDate(), row.getString("text"), row.getString("text_cy")));
			}
		}, neighbourhoodId, Date.valueOf(closedSince));
		return found.values()
			.stream()
			.map((priority) -> new Published(priority.issue(), priority.raisedOn(), priority.updatedOn(),
					priority.outcome(), priority.closedOn(), List.copyOf(priority.updates()), priority.origin(),
					priority.originDetail(), priority.originConsultationId(), priority.issueCy(), priority.outcomeCy()))
			.toList();
	}

	private static Published published(ResultSet row) {
		try {
			Date closed = row.getDate("closed_on");
			return new Published(row.getString("issue"), row.getDate("raised_on").toLocalDate(),
					row.getDate("updated_on").toLocalDate(), row.getString("outcome"),
					(closed == null) ? null : closed.toLocalDate(), new ArrayList<>(), row.getString("origin"),
					row.getString("origin_detail"), row.getObject("origin_consultation_id", Long.class),
					row.getString("issue_cy"), row.getString("outcome_cy"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
