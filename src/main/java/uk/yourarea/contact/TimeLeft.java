package uk.yourarea.contact;

import java.time.Duration;
import java.time.Instant;

/** The time left on a response clock in words: "due in 5 hours", "2 hours overdue". */
public final class TimeLeft {

	private TimeLeft() {
	}

	public static String describe(Instant due, Instant now) {
		Duration left = Duration.between(now, due);
		if (left.isNegative()) {
			return amount(left.negated()) + " overdue";
		}
		return "due in " + amount(left);
	}

	private static String amount(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes < 60) {
			return plural(Math.max(minutes, 1), "minute");
		}
		long hours = duration.toHours();
		if (hours < 48) {
			return plural(hours, "hour");
		}
		return plural(duration.toDays(), "day");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}

}
