package uk.yourarea.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

/**
 * What a scheduled task that failed leaves in the log. While the database is down, every
 * task that uses it fails at each run (the outbox relay every 5 seconds, the response
 * clock every minute): each failure is one line at WARN, naming the database's error,
 * rather than a stack trace of sixty lines at ERROR, so that the outage
 * ({@link DatabaseOutageMode} logs its start and end) is not buried. Any other failure is
 * logged at ERROR with its stack trace, as Spring would. The tasks run again at their
 * next time either way.
 */
@Component
class ScheduledTaskFailures
		implements ErrorHandler, ThreadPoolTaskSchedulerCustomizer, SimpleAsyncTaskSchedulerCustomizer {

	private static final Logger log = LoggerFactory.getLogger(ScheduledTaskFailures.class);

	@Override
	public void customize(ThreadPoolTaskScheduler scheduler) {
		scheduler.setErrorHandler(this);
	}

	@Override
	public void customize(SimpleAsyncTaskScheduler scheduler) {
		scheduler.setErrorHandler(this);
	}

	@Override
	public void handleError(Throwable failure) {
		if (DatabaseFailures.isDatabaseFailure(failure)) {
			log.warn("A scheduled task could not use the database and will run again at its next time: {}",
					DatabaseFailures.describe(failure));
		}
		else {
			log.error("A scheduled task failed and will run again at its next time", failure);
		}
	}

}
