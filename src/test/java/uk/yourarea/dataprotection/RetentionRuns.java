package uk.yourarea.dataprotection;

import java.util.Map;

import org.springframework.context.ApplicationContext;

/**
 * Runs the nightly retention schedule now, for the integration tests of the features that
 * hold personal data (the schedule itself is not part of the package's API).
 */
public final class RetentionRuns {

	private RetentionRuns() {
	}

	/**
	 * @return how many records of each kind were erased
	 */
	public static Map<String, Integer> runNow(ApplicationContext context) {
		return context.getBean(RetentionSchedule.class).run();
	}

}
