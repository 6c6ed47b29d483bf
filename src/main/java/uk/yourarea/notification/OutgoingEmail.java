package uk.yourarea.notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An email for {@link EmailOutbox#queue(OutgoingEmail)} or {@link EmailOutbox#queueAll}:
 * start with {@link #of} and add what else it needs.
 * <p>
 * The address, subject and headers become mail headers, so they are refused if they hold
 * a line break or any other control character; the subject should come from a template,
 * never from what a resident typed. The body may contain anything, a private link
 * included. Everything is checked as the email is made, so an unusable one is refused
 * with an {@link IllegalArgumentException} before anything is queued.
 *
 * @param kind what the email is, like {@code alert-email}: a name of the sending
 * feature's, never personal data
 * @param to one email address, at most 254 characters
 * @param subject at most 200 characters
 * @param body the plain text of the email
 * @param headers extra mail headers: only {@code List-Unsubscribe} and
 * {@code List-Unsubscribe-Post}, each at most 1000 characters; forgotten with the address
 * once the email is sent or fails
 * @param priority {@link EmailPriority#RESIDENT} unless it is one of many
 * @param reference what the sender calls the send the email belongs to, like
 * {@code alert-17}, to count its emails with {@link EmailOutbox#countsFor}
 * @param contactMessageId the resident's message the email is about, if any
 */
public record OutgoingEmail(String kind, String to, String subject, String body, Map<String, String> headers,
		EmailPriority priority, @Nullable String reference, @Nullable Long contactMessageId) {

	public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";

	public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";

	static final Set<String> ALLOWED_HEADERS = Set.of(LIST_UNSUBSCRIBE, LIST_UNSUBSCRIBE_POST);

	static final int MAX_ADDRESS_LENGTH = 254;

	static final int MAX_SUBJECT_LENGTH = 200;

	static final int MAX_HEADER_LENGTH = 1000;

	private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,59}");

	private static final Pattern REFERENCE = Pattern.compile("[a-z][a-z0-9-]{0,59}");

	public OutgoingEmail {
		if (!KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("An email's kind is a short name like contact-acknowledgement");
		}
		requireHeaderSafe("address", to, 3, MAX_ADDRESS_LENGTH);
		requireHeaderSafe("subject", subject, 1, MAX_SUBJECT_LENGTH);
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(priority, "priority");
		Map<String, String> checked = new LinkedHashMap<>();
		headers.forEach((name, value) -> {
			if (!ALLOWED_HEADERS.contains(name)) {
				throw new IllegalArgumentException("The outbox sets no " + name
						+ " header: only List-Unsubscribe and List-Unsubscribe-Post may be added");
			}
			requireHeaderSafe(name + " header", value, 1, MAX_HEADER_LENGTH);
			checked.put(name, value);
		});
		headers = Collections.unmodifiableMap(checked);
		if (reference != null && !REFERENCE.matcher(reference).matches()) {
			throw new IllegalArgumentException("An email's reference is a short name like alert-17");
		}
	}

	/** A plain RESIDENT email with no extra headers, reference or message. */
	public static OutgoingEmail of(String kind, String to, String subject, String body) {
		return new OutgoingEmail(kind, to, subject, body, Map.of(), EmailPriority.RESIDENT, null, null);
	}

	public OutgoingEmail withHeaders(Map<String, String> headers) {
		return new OutgoingEmail(this.kind, this.to, this.subject, this.body, headers, this.priority, this.reference,
				this.contactMessageId);
	}

	public OutgoingEmail withPriority(EmailPriority priority) {
		return new OutgoingEmail(this.kind, this.to, this.subject, this.body, this.headers, priority, this.reference,
				this.contactMessageId);
	}

	public OutgoingEmail withReference(@Nullable String reference) {
		return new OutgoingEmail(this.kind, this.to, this.subject, this.body, this.headers, this.priority, reference,
				this.contactMessageId);
	}

	public OutgoingEmail withContactMessageId(@Nullable Long contactMessageId) {
		return new OutgoingEmail(this.kind, this.to, this.subject, this.body, this.headers, this.priority,
				this.reference, contactMessageId);
	}

	@Nullable String header(String name) {
		return this.headers.get(name);
	}

	/** Never the address, subject, body or headers, should this end up in a log. */
	@Override
	public String toString() {
		return "OutgoingEmail[kind=" + this.kind + ", priority=" + this.priority + ", reference=" + this.reference
				+ "]";
	}

	private static void requireHeaderSafe(String what, String value, int minLength, int maxLength) {
		if (value.isBlank()) {
			throw new IllegalArgumentException("The email " + what + " is blank");
		}
		if (value.length() < minLength || value.length() > maxLength) {
			throw new IllegalArgumentException(
					"The email " + what + " must be " + minLength + " to " + maxLength + " characters long");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				// CR or LF would let the value add headers of its own
				throw new IllegalArgumentException("The email " + what + " contains a line break or control character");
			}
		}
	}

}
