package uk.yourarea.priority;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.consultation.OpenPriorities;

/**
 * Tells consultations which issues a neighbourhood's open priorities are about: public
 * information, shown on the neighbourhood's page.
 */
@Component
class OpenPriorityIssues implements OpenPriorities {

	private final JdbcTemplate jdbc;

	OpenPriorityIssues(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> openIssues(long neighbourhoodId) {
		return this.jdbc.queryForList(
				"select issue from priority where neighbourhood_id = ? and status = 'OPEN' order by updated_on desc, id",
				String.class, neighbourhoodId);
	}

}
