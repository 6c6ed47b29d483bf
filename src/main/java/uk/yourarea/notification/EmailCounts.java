package uk.yourarea.notification;

/**
 * How the emails queued under one reference stand.
 *
 * @param waiting not sent yet (being retried included)
 * @param sent handed to the SMTP server
 * @param failed given up on
 */
public record EmailCounts(long waiting, long sent, long failed) {

	public static final EmailCounts NONE = new EmailCounts(0, 0, 0);

	public long total() {
		return this.waiting + this.sent + this.failed;
	}

}
