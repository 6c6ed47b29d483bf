package uk.yourarea.security;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expired staff sessions are deleted by the application's own scheduled task, and Spring
 * Session runs no scheduler of its own beside it.
 */
@DemoSiteTest
class ExpiredStaffSessionsIT {

	@Autowired
	ExpiredStaffSessions expiredSessions;

	@Autowired
	JdbcTemplate jdbc;

	private final String expired = UUID.randomUUID().toString();

	private final String open = UUID.randomUUID().toString();

	@AfterEach
	void removeWhatWasAdded() {
		this.jdbc.update("delete from staff_session_hashed where primary_id in (?, ?)", this.expired, this.open);
	}

	@Test
	void anExpiredSessionIsDeletedAndAnOpenOneKept() {
		long now = System.currentTimeMillis();
		session(this.expired, now - 60_000);
		session(this.open, now + 600_000);

		this.expiredSessions.delete();

		assertThat(this.jdbc.queryForList("select primary_id from staff_session_hashed where primary_id in (?, ?)",
				String.class, this.expired, this.open))
			.containsExactly(this.open);
	}

	@Test
	void springSessionRunsNoSchedulerOfItsOwn() {
		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.noneMatch((name) -> name.startsWith("spring-session-"));
	}

	private void session(String primaryId, long expiresAt) {
		String hash = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
		this.jdbc.update("""
				insert into staff_session_hashed (primary_id, session_id, creation_time, last_access_time,
				                                  max_inactive_interval, expiry_time, principal_name)
				values (?, ?, ?, ?, 1800, ?, 'nobody@example.org')""", primaryId, hash, expiresAt - 1_800_000,
				expiresAt - 1_800_000, expiresAt);
	}

}
