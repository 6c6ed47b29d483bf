package uk.yourarea.consultation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consultations a neighbourhood has opened so far, for other features to refer to (a
 * priority can say which consultation it came from). Only what the public pages show once
 * a consultation has opened: its question.
 */
@Service
public class OpenedConsultations {

	private final JdbcTemplate jdbc;

	OpenedConsultations(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The neighbourhood's consultations that have opened, newest first: id to question.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> questionsOf(long neighbourhoodId) {
		Map<Long, String> questions = new LinkedHashMap<>();
		this.jdbc.query("""
				select id, question, closes_at from consultation
				where neighbourhood_id = ? and opens_at <= now() order by closes_at desc, id desc""",
				(RowCallbackHandler) (row) -> questions.put(row.getLong("id"), row.getString("question")),
				neighbourhoodId);
		return questions;
	}

}
