package uk.yourarea.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StaffSessionIdsHashed} replaces Spring Session's own statements, so it must
 * follow them: these are the statements of the Spring Session it was written against
 * (4.1.0). If an upgrade changes them, this fails, and the replacements need the same
 * change.
 */
class StaffSessionIdsHashedTests {

	@Test
	void springSessionsOwnStatementsAreTheOnesTheHashingReplaces() {
		JdbcIndexedSessionRepository sessions = repository();

		assertThat(statement(sessions, "createSessionQuery")).isEqualTo("""
				INSERT INTO staff_session (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, \
				MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""");
		assertThat(statement(sessions, "getSessionQuery")).isEqualTo("""
				SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, \
				SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
				FROM staff_session S
				LEFT JOIN staff_session_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID
				WHERE S.SESSION_ID = ?
				""");
		assertThat(statement(sessions, "updateSessionQuery")).isEqualTo("""
				UPDATE staff_session
				SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ?
				WHERE PRIMARY_ID = ?
				""");
		assertThat(statement(sessions, "deleteSessionQuery")).isEqualTo("""
				DELETE FROM staff_session
				WHERE SESSION_ID = ?
				AND MAX_INACTIVE_INTERVAL >= 0
				""");
	}

	@Test
	void theReplacementsHashEveryIdTheyWriteOrLookUp() {
		JdbcIndexedSessionRepository sessions = repository();

		new StaffSessionIdsHashed().customize(sessions);

		for (String name : new String[] { "createSessionQuery", "updateSessionQuery", "deleteSessionQuery" }) {
			assertThat(statement(sessions, name)).as(name)
				.contains(StaffSessionIdsHashed.HASHED)
				.doesNotContain("SESSION_ID = ?")
				.doesNotContain("%TABLE_NAME%");
		}
		assertThat(statement(sessions, "getSessionQuery")).contains("S.SESSION_ID = encode(sha256(")
			.contains("REQUESTED.ID AS SESSION_ID")
			.doesNotContain("S.SESSION_ID = ?");
		assertThat(statement(sessions, "getSessionQuery").chars().filter((c) -> c == '?')).as("one parameter")
			.hasSize(1);
	}

	@Test
	void nothingInTheSiteListsAPersonsSessionsWhichWouldGiveTheirHashes() throws IOException {
		List<String> uses = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String text = Files.readString(source);
				for (String use : List.of("FindByIndexNameSessionRepository", "findByPrincipalName",
						"findByIndexNameAndIndexValue", "SpringSessionBackedSessionRegistry")) {
					if (text.contains(use)) {
						uses.add(source + ": " + use);
					}
				}
			}
		}
		assertThat(uses).isEmpty();
		assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
			.as("the actuator's sessions endpoint lists them too")
			.doesNotContainPattern("include:.*sessions");
	}

	private static JdbcIndexedSessionRepository repository() {
		// Nothing is run: the repository only needs something to hold.
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource());
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(jdbc, new TransactionTemplate());
		sessions.setTableName("staff_session");
		return sessions;
	}

	private static String statement(JdbcIndexedSessionRepository sessions, String name) {
		return (String) ReflectionTestUtils.getField(sessions, name);
	}

}
