package uk.yourarea.security;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes expired staff sessions every five minutes, on each instance (doing it twice
 * does no harm). It runs on the application's scheduler rather than on a thread pool of
 * Spring Session's own ({@code spring.session.jdbc.cleanup-cron} is off), so that during
 * a database outage it logs as every other scheduled task does
 * ({@code web.ScheduledTaskFailures}).
 */
@Component
class ExpiredStaffSessions {

	private final JdbcIndexedSessionRepository sessions;

	ExpiredStaffSessions(JdbcIndexedSessionRepository sessions) {
		this.sessions = sessions;
	}

	@Scheduled(cron = "${yourarea.security.expired-sessions-cron:0 */5 * * * *}")
	void delete() {
		this.sessions.cleanUpExpiredSessions();
	}

}
