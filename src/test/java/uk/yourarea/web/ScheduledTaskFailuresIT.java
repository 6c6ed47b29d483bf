package uk.yourarea.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.TaskScheduler;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own scheduler, which runs every {@code @Scheduled} task: a task that
 * cannot reach the database leaves one line, any other failure its stack trace.
 */
@DemoSiteTest
@ExtendWith(OutputCaptureExtension.class)
class ScheduledTaskFailuresIT {

	@Autowired
	TaskScheduler scheduler;

	@Test
	void aTaskThatCannotReachTheDatabaseLeavesOneLineAtWarn(CapturedOutput output) throws Exception {
		runFailing(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				new java.sql.SQLTransientConnectionException("Connection is not available", "08001")));

		String logged = logged(output, "A scheduled task could not use the database");
		assertThat(logged).contains("WARN").contains("08001");
		assertThat(output.getAll()).doesNotContain("Unexpected error occurred in scheduled task")
			.doesNotContain("at uk.yourarea.web.ScheduledTaskFailuresIT");
	}

	@Test
	void anyOtherFailureKeepsItsStackTrace(CapturedOutput output) throws Exception {
		runFailing(new IllegalStateException("a fault in the task itself"));

		assertThat(logged(output, "A scheduled task failed")).contains("ERROR");
		assertThat(output.getAll()).contains("java.lang.IllegalStateException: a fault in the task itself")
			.contains("at uk.yourarea.web.ScheduledTaskFailuresIT");
	}

	private void runFailing(RuntimeException failure) throws InterruptedException {
		CountDownLatch ran = new CountDownLatch(1);
		this.scheduler.schedule(() -> {
			ran.countDown();
			throw failure;
		}, Instant.now());
		assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
	}

	/** The line the handler wrote, once it has been written. */
	private static String logged(CapturedOutput output, String message) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(until)) {
			for (String line : output.getAll().split("\n")) {
				if (line.contains(message)) {
					return line;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("Nothing logged with: " + message);
	}

}
