package uk.yourarea.consultation;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a neighbourhood's Your Area page shows about consultations, read with one SQL
 * statement: whether one is open now (to link to it), and what people said in the latest
 * one to close ("What you told us") until the next one closes.
 */
@Service
public class ConsultationSummaries {

	/**
	 * Everything the page needs.
	 *
	 * @param open the consultation open now, or null
	 * @param latestClosed the results of the latest consultation to close, or null
	 */
	public record AreaSummary(@Nullable OpenNow open, @Nullable Outcome latestClosed) implements Serializable {

		public static final AreaSummary NONE = new AreaSummary(null, null);

	}

	/**
	 * @param closes when it closes, like "the end of Monday 30 November 2026"
	 */
	public record OpenNow(String question, String closes) implements Serializable {
	}

	/**
	 * @param closedOn like "30 November 2026"
	 * @param confirmedResponses the number of confirmed answers
	 * @param issues each issue with how many chose it, most chosen first
	 * @param concerns own concerns a moderator approved for showing
	 */
	public record Outcome(String question, String closedOn, long confirmedResponses, List<IssueResult> issues,
			List<String> concerns) implements Serializable {
	}

	/**
	 * @param percent of confirmed answers that chose it, rounded
	 */
	public record IssueResult(String label, long count, long percent) implements Serializable {
	}

	private static final String SQL = """
			with latest as (
			    select id, question, closes_at from consultation
			    where neighbourhood_id = ?1 and closes_at <= ?2
			    order by closes_at desc limit 1),
			counted as (
			    select r.id, r.concern, r.concern_status from consultation_response r
			    join latest l on l.id = r.consultation_id
			    where r.confirmed_at is not null and r.confirmed_at < l.closes_at)
			select 'open' as kind, c.question as text, c.closes_at as at, cast(null as bigint) as number,
			       0 as position, c.id as id
			from consultation c where c.neighbourhood_id = ?1 and c.opens_at <= ?2 and c.closes_at > ?2
			union all
			select 'closed', l.question, l.closes_at, (select count(*) from counted), 0, l.id from latest l
			union all
			select 'issue', i.label, cast(null as timestamptz), (select count(*) from consultation_response_issue ri
			                                join counted c on c.id = ri.consultation_response_id
			                                where ri.consultation_issue_id = i.id), i.position, i.id
			from consultation_issue i join latest l on l.id = i.consultation_id
			union all
			select 'concern', c.concern, cast(null as timestamptz), cast(null as bigint), 0, c.id from counted c where c.concern_status = 'APPROVED'
			order by kind, position, id""";

	private final EntityManager entityManager;

	private final ConsultationDates dates;

	ConsultationSummaries(EntityManager entityManager, ConsultationDates dates) {
		this.entityManager = entityManager;
		this.dates = dates;
	}

	/** What a consultation asked, and when it closes or closed. */
	public record Asked(String question, Instant closesAt) {
	}

	/** The question and closing time of each of these consultations that exists. */
	@Transactional(readOnly = true)
	public Map<Long, Asked> asked(Collection<Long> consultationIds) {
		Map<Long, Asked> asked = new HashMap<>();
		if (consultationIds.isEmpty()) {
			return asked;
		}
		List<?> result = this.entityManager
			.createNativeQuery("select id, question, closes_at from consultation where id in (:ids)")
			.setParameter("ids", consultationIds)
			.getResultList();
		for (Object found : result) {
			Object[] row = (Object[]) found;
			asked.put(((Number) row[0]).longValue(),
					new Asked((String) row[1], java.util.Objects.requireNonNull(Row.instant(row[2]))));
		}
		return asked;
	}

	/**
	 * One SQL statement, whatever the page shows. It goes through Hibernate (a native
	 * query), so the page's statement budget counts it.
	 */
	@Transactional(readOnly = true)
	public AreaSummary forNeighbourhood(long neighbourhoodId) {
		List<?> result = this.entityManager.createNativeQuery(SQL)
			.setParameter(1, neighbourhoodId)
			.setParameter(2, Timestamp.from(this.dates.now()))
			.getResultList();
		List<Row> rows = result.stream().map((row) -> Row.of((Object[]) row)).toList();
		OpenNow open = null;
		String question = null;
		Instant closedAt = null;
		long confirmed = 0;
		List<Row> issueRows = new ArrayList<>();
		List<String> concerns = new ArrayList<>();
		for (Row row : rows) {
			switch (row.kind()) {
				case "open" -> open = new OpenNow(row.text(), closing(row.at()));
				case "closed" -> {
					question = row.text();
					closedAt = row.at();
					confirmed = row.number();
				}
				case "issue" -> issueRows.add(row);
				case "concern" -> concerns.add(row.text());
				default -> throw new IllegalStateException("Unexpected row " + row.kind());
			}
		}
		Outcome outcome = null;
		if (question != null && closedAt != null) {
			long total = confirmed;
			List<IssueResult> issues = issueRows.stream()
				.map((row) -> new IssueResult(row.text(), row.number(),
						(total == 0) ? 0 : Math.round(row.number() * 100.0 / total)))
				.sorted(java.util.Comparator.comparingLong(IssueResult::count).reversed())
				.toList();
			outcome = new Outcome(question, this.dates.shortDay(this.dates.dayOf(closedAt.minusNanos(1))), confirmed,
					issues, List.copyOf(concerns));
		}
		return new AreaSummary(open, outcome);
	}

	private String closing(@Nullable Instant closesAt) {
		return (closesAt == null) ? "" : this.dates.endOfInWords(this.dates.dayOf(closesAt.minusNanos(1)));
	}

	private record Row(String kind, String text, @Nullable Instant at, long number) {

		static Row of(Object[] columns) {
			return new Row((String) columns[0], (String) columns[1], instant(columns[2]),
					(columns[3] != null) ? ((Number) columns[3]).longValue() : 0);
		}

		private static @Nullable Instant instant(@Nullable Object value) {
			if (value instanceof Instant instant) {
				return instant;
			}
			if (value instanceof java.time.OffsetDateTime offset) {
				return offset.toInstant();
			}
			if (value instanceof Timestamp timestamp) {
				return timestamp.toInstant();
			}
			return null;
		}

	}

}
