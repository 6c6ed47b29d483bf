package uk.yourarea.security;

import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Keeps staff session ids in {@code staff_session_hashed} only as their SHA-256 (hex), so
 * that reading the table, a replica or a backup gives no session to take over: the id is
 * what the session cookie carries. Each of Spring Session's statements that writes or
 * looks up an id hashes it in PostgreSQL, and the session read back carries the id it was
 * looked up by. Ids are random (122 bits), so an unkeyed hash is enough, as for private
 * links. The table is not the one earlier releases read (V47), since they would take a
 * hash sent as a cookie for an id.
 *
 * Spring Session's listing of a person's sessions would give the hashes, which its
 * deletion would hash again: nothing in the site may use it
 * ({@code StaffSessionIdsHashedTests}).
 */
class StaffSessionIdsHashed implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

	static final String HASHED = "encode(sha256(convert_to(CAST(? AS text), 'UTF8')), 'hex')";

	@Override
	public void customize(JdbcIndexedSessionRepository sessions) {
		sessions.setCreateSessionQuery("""
				INSERT INTO %TABLE_NAME% (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME,
				    MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME)
				VALUES (?, HASHED, ?, ?, ?, ?, ?)""".replace("HASHED", HASHED));
		// One parameter, used twice: to find the row by its hash and as the id read back.
		sessions.setGetSessionQuery("""
				WITH REQUESTED (ID) AS (SELECT CAST(? AS text))
				SELECT S.PRIMARY_ID, REQUESTED.ID AS SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME,
				    S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES
				FROM REQUESTED
				JOIN %TABLE_NAME% S ON S.SESSION_ID = encode(sha256(convert_to(REQUESTED.ID, 'UTF8')), 'hex')
				LEFT JOIN %TABLE_NAME%_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID""");
		sessions.setUpdateSessionQuery("""
				UPDATE %TABLE_NAME%
				SET SESSION_ID = HASHED, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?,
				    PRINCIPAL_NAME = ?
				WHERE PRIMARY_ID = ?""".replace("HASHED", HASHED));
		sessions.setDeleteSessionQuery("""
				DELETE FROM %TABLE_NAME%
				WHERE SESSION_ID = HASHED
				AND MAX_INACTIVE_INTERVAL >= 0""".replace("HASHED", HASHED));
	}

}
