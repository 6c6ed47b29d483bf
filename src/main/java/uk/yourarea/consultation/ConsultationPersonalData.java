package uk.yourarea.consultation;

import java.sql.Timestamp;
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
 * Answers to "Have your say" as personal data. An answer holds its author's email address
 * (for the confirmation and for one voice per address) and their own concern, if they
 * wrote one. Erasing a confirmed answer removes both and keeps what was chosen, so that
 * the results stay as they were; an answer never confirmed is deleted.
 * <p>
 * The retention schedule deletes answers never confirmed and erases the email addresses
 * of answers to consultations closed for longer than the period set. Each is one
 * idempotent statement, so several instances running it at once do no harm.
 */
@Component
class ConsultationPersonalData implements PersonalDataHolder {

	static final String KIND = "consultation-answer";

	private final JdbcTemplate jdbc;

	ConsultationPersonalData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<HeldRecord> find(PersonSearch search) {
		if (search.by() != SearchBy.EMAIL) {
			return List.of();
		}
		return this.jdbc.query("""
				select r.id, r.email, r.respondent_type, r.concern, r.concern_status, r.submitted_at, r.confirmed_at,
				       r.language, c.question,
				       array(select i.label from consultation_response_issue ri
				             join consultation_issue i on i.id = ri.consultation_issue_id
				             where ri.consultation_response_id = r.id order by i.position) as chosen
				from consultation_response r join consultation c on c.id = r.consultation_id
				where r.email = ? order by r.submitted_at, r.id""", (row, n) -> {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("question", row.getString("question"));
			data.put("email", row.getString("email"));
			ConsultationResponse.RespondentType type = ConsultationResponse.RespondentType
				.valueOf(row.getString("respondent_type"));
			data.put("answeringAs", new HeldRecord.Code(type.name(), type.labelKey()));
			data.put("chosen", List.of((String[]) row.getArray("chosen").getArray()));
			if (row.getString("concern") != null) {
				data.put("concern", row.getString("concern"));
				data.put("concernStatus",
						HeldRecord.Code.of("dataprotection.value.concern-status.", row.getString("concern_status")));
			}
			Instant submitted = row.getTimestamp("submitted_at").toInstant();
			data.put("submittedAt", submitted);
			Timestamp confirmed = row.getTimestamp("confirmed_at");
			data.put("confirmed", confirmed != null);
			if (confirmed != null) {
				data.put("confirmedAt", confirmed.toInstant());
			}
			return new HeldRecord(KIND, "answer-" + row.getLong("id"), submitted, null, null, data,
					row.getString("language"));
		}, search.term());
	}

	@Override
	@Transactional
	public Erasure erase(PersonSearch search, Instant at) {
		if (search.by() != SearchBy.EMAIL) {
			return Erasure.NOTHING;
		}
		List<Long> deleted = this.jdbc.queryForList(
				"delete from consultation_response where email = ? and confirmed_at is null returning id", Long.class,
				search.term());
		List<Long> erased = this.jdbc.queryForList("""
				update consultation_response
				set email = null, concern = null, concern_status = null, concern_edited = false
				where email = ? returning id""", Long.class, search.term());
		return new Erasure(java.util.stream.Stream.concat(deleted.stream(), erased.stream())
			.sorted()
			.map((id) -> "answer-" + id)
			.toList(), List.of());
	}

	@Override
	@Transactional
	public Map<String, Integer> applyRetention(RetentionProperties retention, Instant now) {
		int deleted = this.jdbc.update(
				"delete from consultation_response where confirmed_at is null and submitted_at <= ?",
				Timestamp.from(now.minus(retention.unconfirmed())));
		int erased = this.jdbc.update("""
				update consultation_response r set email = null
				from consultation c
				where c.id = r.consultation_id and r.email is not null and c.closes_at <= ?""",
				Timestamp.from(now.minus(retention.consultationEmails())));
		return Map.of(KIND + ".unconfirmed", deleted, KIND + ".email", erased);
	}

}
