package uk.yourarea.contact;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How well a team answered its messages over a period, from the inbox's own data: of the
 * messages received, how many had a full reply within {@link #TARGET} of arriving (a
 * holding reply does not count), and the median time to the first full reply.
 * <p>
 * A message still inside its first 72 hours with no full reply is <em>waiting</em>: it is
 * counted as received but is neither on time nor late yet, so the percentage is of the
 * messages whose outcome is known. Messages held as suspected abuse are not counted until
 * they are released.
 *
 * @param received messages received in the period
 * @param repliedOnTime of those, answered with a full reply within 72 hours
 * @param waiting of those, not yet answered and still inside their 72 hours
 * @param medianReply the median time from arrival to the first full reply, or
 * {@code null} if none was answered
 */
public record ResponseRecord(int received, int repliedOnTime, int waiting, @Nullable Duration medianReply) {

	/** The Guarantee's response time. */
	public static final Duration TARGET = Duration.ofHours(72);

	/** Fewer messages than this give no fair percentage, so none is published. */
	public static final int FEWEST_FOR_A_FAIR_FIGURE = 10;

	public static final ResponseRecord NONE = new ResponseRecord(0, 0, 0, null);

	/** Messages whose outcome is known: answered, or past their 72 hours. */
	public int decided() {
		return this.received - this.waiting;
	}

	/** Decided messages not answered within 72 hours. */
	public int late() {
		return decided() - this.repliedOnTime;
	}

	/** Whole-number percentage on time, or {@code null} when nothing is decided yet. */
	public @Nullable Integer percentOnTime() {
		if (decided() == 0) {
			return null;
		}
		return (int) Math.floor(100.0 * this.repliedOnTime / decided());
	}

	/** Whether there are enough messages to publish the figures. */
	public boolean fairToPublish() {
		return this.received >= FEWEST_FOR_A_FAIR_FIGURE;
	}

	/** The median reply time in whole hours, rounded to the nearest, or {@code null}. */
	public @Nullable Long medianReplyHours() {
		return (this.medianReply == null) ? null : Math.round(this.medianReply.toMinutes() / 60.0);
	}

}
