package uk.yourarea.contact;

/**
 * What was asked cannot be done to the message as it now stands: someone closed it, or
 * its personal data was erased, since the page was shown. The key names the reason in the
 * message bundle, for the page that says so.
 */
public class MessageChangedException extends IllegalStateException {

	private final String reasonKey;

	MessageChangedException(String reasonKey, String detail) {
		super(detail);
		this.reasonKey = reasonKey;
	}

	/** Like {@code contact.refused.closed}. */
	public String reasonKey() {
		return this.reasonKey;
	}

}
