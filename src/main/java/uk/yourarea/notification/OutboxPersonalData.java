package uk.yourarea.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.personaldata.Erasure;
import uk.yourarea.personaldata.HeldRecord;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.personaldata.PersonalDataHolder;
import uk.yourarea.personaldata.RetentionProperties;
import uk.yourarea.personaldata.SearchBy;

/**
 * Emails as personal data. Only emails still waiting to be sent hold an address, text and
 * headers (an unsubscribe link is personal): the outbox forgets them all once an email is
 * sent or finally fails. A search by address finds those waiting; erasing deletes them,
 * for there is then nothing to send.
 */
@Component
class OutboxPersonalData implements PersonalDataHolder {

	static final String KIND = "outbox-email";

	private final JdbcTemplate jdbc;

	OutboxPersonalData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<HeldRecord> find(PersonSearch search) {
		if (search.by() != SearchBy.EMAIL) {
			return List.of();
		}
		return this.jdbc.query(
				"""
						select id, kind, to_address, subject, body, list_unsubscribe, list_unsubscribe_post, created_at, attempts
						from outbox_email
						where lower(to_address) = ? order by created_at, id""",
				(row, n) -> {
					Map<String, Object> data = new LinkedHashMap<>();
					data.put("kind", HeldRecord.Code.of("dataprotection.value.email-kind.", row.getString("kind")));
					data.put("to", row.getString("to_address"));
					data.put("subject", row.getString("subject"));
					data.put("body", row.getString("body"));
					if (row.getString("list_unsubscribe") != null) {
						data.put("listUnsubscribe", row.getString("list_unsubscribe"));
					}
					if (row.getString("list_unsubscribe_post") != null) {
						data.put("listUnsubscribePost", row.getString("list_unsubscribe_post"));
					}
					data.put("queuedAt", row.getTimestamp("created_at").toInstant());
					data.put("attempts", row.getInt("attempts"));
					return new HeldRecord(KIND, "email-" + row.getLong("id"),
							row.getTimestamp("created_at").toInstant(), null, null, data);
				}, search.term());
	}

	@Override
	@Transactional
	public Erasure erase(PersonSearch search, Instant at) {
		if (search.by() != SearchBy.EMAIL) {
			return Erasure.NOTHING;
		}
		List<Long> deleted = this.jdbc.queryForList(
				"delete from outbox_email where lower(to_address) = ? and status = 'PENDING' returning id", Long.class,
				search.term());
		return new Erasure(deleted.stream().sorted().map((id) -> "email-" + id).toList(), List.of());
	}

	/**
	 * Nothing to do: an email forgets its address and text as it is sent or finally
	 * fails, and the table refuses a finished email that still has them.
	 */
	@Override
	public Map<String, Integer> applyRetention(RetentionProperties retention, Instant now) {
		return Map.of();
	}

}
