package uk.yourarea.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the team's response deadline is worked out: a number of calendar hours (the
 * Guarantee's 72), or a number of working days that skip weekends and bank holidays in
 * England and Wales.
 */
@ConfigurationProperties("yourarea.contact.response")
public record ResponsePolicy(@DefaultValue("calendar-hours") Kind policy, @DefaultValue("72") int hours,
		@DefaultValue("3") int workingDays) {

	public enum Kind {

		CALENDAR_HOURS, WORKING_DAYS

	}

	/**
	 * The bundle's key of the promise ("within 72 hours", "within 3 working days"), for
	 * the pages that make it; its argument is {@link #promiseCount()}.
	 */
	public String promiseKey() {
		return (this.policy == Kind.CALENDAR_HOURS) ? "contact.promise.hours" : "contact.promise.working-days";
	}

	/** How many hours or working days the promise is. */
	public int promiseCount() {
		return (this.policy == Kind.CALENDAR_HOURS) ? this.hours : this.workingDays;
	}

	public ResponsePolicy {
		if (hours < 1 || workingDays < 1) {
			throw new IllegalArgumentException("The response time must be at least one hour or one working day");
		}
	}

}
