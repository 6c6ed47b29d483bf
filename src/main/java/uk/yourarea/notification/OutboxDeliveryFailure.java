package uk.yourarea.notification;

import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.util.ReflectionUtils;

/**
 * Why an attempt to hand an email to the SMTP server failed, and whether to try again.
 * <p>
 * Spring's {@code JavaMailSenderImpl} reports a refused message as a
 * {@link MailSendException} without a cause: the Jakarta Mail exceptions are in
 * {@link MailSendException#getFailedMessages()}. A refused recipient there is a
 * {@code SendFailedException} whose next exception is an
 * {@code SMTPAddressFailedException}; a refused message (after DATA) is an
 * {@code SMTPSendFailedException}. Both carry the SMTP reply code
 * ({@code getReturnCode()}). They belong to the Jakarta Mail implementation (Eclipse
 * Angus), which is only on the runtime class path, so the code is read by reflection. A
 * server that cannot be reached is a {@link MailSendException} ("Mail server connection
 * failed") caused by a {@code MailConnectException} or a {@link ConnectException}; more
 * generally, Spring reports any failure to open a session with the server (before a word
 * about the email is said) as that exception, with itself as the failure of every
 * message.
 *
 * @param kind whether to try again
 * @param summary safe to log: an SMTP reply code or exception class names, never an
 * address or text
 * @param detail for the {@code last_error} column: the summary and the server's reply,
 * which may quote the address
 */
record OutboxDeliveryFailure(Kind kind, String summary, String detail) {

	enum Kind {

		/**
		 * The server refused this email for good (a 5xx reply, an unusable address): give
		 * up now.
		 */
		PERMANENT,

		/**
		 * Something that may pass (a 4xx reply, a timeout, a dropped connection): try
		 * again later.
		 */
		TRANSIENT,

		/**
		 * The server cannot be reached (connection refused or timed out, unknown host, no
		 * session), or refuses us rather than this email (credentials, sender): an outage
		 * of the relay, no fault of the email. Hand it and the rest of the batch back
		 * untried and uncounted, and send them when the server is back.
		 */
		SERVER_UNAVAILABLE

	}

	/** Replies about authentication: ours to fix, not the email's fault. */
	private static final Set<Integer> AUTHENTICATION_REPLIES = Set.of(530, 534, 535, 538);

	static OutboxDeliveryFailure of(Exception exception) {
		List<Throwable> chain = chain(exception);
		List<Integer> replies = new ArrayList<>();
		Throwable withReply = null;
		boolean senderRefused = false;
		boolean unreachable = exception instanceof MailAuthenticationException || failedToConnect(exception);
		boolean badAddress = false;
		for (Throwable throwable : chain) {
			Integer reply = replyCode(throwable);
			if (reply != null) {
				replies.add(reply);
				if (withReply == null || isPermanent(reply)) {
					withReply = throwable;
				}
			}
			String name = throwable.getClass().getSimpleName();
			senderRefused |= name.equals("SMTPSenderFailedException");
			unreachable |= throwable instanceof ConnectException || throwable instanceof UnknownHostException
					|| throwable instanceof NoRouteToHostException || name.equals("MailConnectException");
			badAddress |= throwable instanceof AddressException;
		}
		if (unreachable || senderRefused || replies.stream().anyMatch(AUTHENTICATION_REPLIES::contains)) {
			String summary = replies.isEmpty() ? names(chain) : "SMTP " + replies.get(replies.size() - 1);
			return new OutboxDeliveryFailure(Kind.SERVER_UNAVAILABLE, summary, detail(summary, withReply, chain));
		}
		if (replies.stream().anyMatch(OutboxDeliveryFailure::isPermanent)) {
			int reply = replies.stream().filter(OutboxDeliveryFailure::isPermanent).findFirst().orElseThrow();
			String summary = "SMTP " + reply;
			return new OutboxDeliveryFailure(Kind.PERMANENT, summary, detail(summary, withReply, chain));
		}
		if (badAddress) {
			String summary = "invalid address";
			return new OutboxDeliveryFailure(Kind.PERMANENT, summary, detail(summary, null, chain));
		}
		String summary = replies.isEmpty() ? names(chain) : "SMTP " + replies.get(0);
		return new OutboxDeliveryFailure(Kind.TRANSIENT, summary, detail(summary, withReply, chain));
	}

	/**
	 * Whether the server accepted the email although sending reported an error: Spring
	 * reports a failure to close the connection after every message went through as a
	 * {@link MailSendException} with no failed messages. Sending it again would send it
	 * twice.
	 */
	static boolean acceptedDespite(Exception exception) {
		if (!(exception instanceof MailSendException) || exception.getCause() == null) {
			return false;
		}
		MailSendException sendException = (MailSendException) exception;
		return sendException.getFailedMessages().isEmpty() && sendException.getMessageExceptions().length == 0;
	}

	/**
	 * Whether Spring could not open a session with the server at all: its "Mail server
	 * connection failed", whose cause is the failure of every message. (After a message
	 * has failed, a failure to close the connection also has a cause, but the messages
	 * have failures of their own.)
	 */
	private static boolean failedToConnect(Exception exception) {
		if (!(exception instanceof MailSendException) || exception.getCause() == null) {
			return false;
		}
		Exception[] failures = ((MailSendException) exception).getMessageExceptions();
		return failures.length > 0 && Arrays.stream(failures).allMatch((failure) -> failure == exception.getCause());
	}

	private static boolean isPermanent(int reply) {
		return reply >= 500 && reply <= 599 && !AUTHENTICATION_REPLIES.contains(reply);
	}

	/**
	 * The exception, its causes, Jakarta Mail's chained exceptions and Spring's failed
	 * messages.
	 */
	private static List<Throwable> chain(Throwable top) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Throwable> chain = new ArrayList<>();
		Deque<Throwable> todo = new ArrayDeque<>();
		todo.add(top);
		while (!todo.isEmpty()) {
			Throwable throwable = todo.removeFirst();
			if (!seen.add(throwable)) {
				continue;
			}
			chain.add(throwable);
			if (throwable instanceof MailSendException) {
				Collections.addAll(todo, ((MailSendException) throwable).getMessageExceptions());
			}
			if (throwable instanceof MessagingException) {
				Exception next = ((MessagingException) throwable).getNextException();
				if (next != null) {
					todo.add(next);
				}
			}
			if (throwable.getCause() != null) {
				todo.add(throwable.getCause());
			}
		}
		return chain;
	}

	private static @Nullable Integer replyCode(Throwable throwable) {
		Method method = ReflectionUtils.findMethod(throwable.getClass(), "getReturnCode");
		if (method == null || method.getReturnType() != int.class || method.getParameterCount() != 0) {
			return null;
		}
		Object code = ReflectionUtils.invokeMethod(method, throwable);
		return (code instanceof Integer && (Integer) code > 0) ? (Integer) code : null;
	}

	private static String names(List<Throwable> chain) {
		List<String> names = new ArrayList<>();
		for (Throwable throwable : chain) {
			String name = throwable.getClass().getSimpleName();
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		return String.join(" < ", names);
	}

	private static String detail(String summary, @Nullable Throwable withReply, List<Throwable> chain) {
		Throwable explaining = (withReply != null) ? withReply : chain.get(chain.size() - 1);
		String message = explaining.getMessage();
		String detail = (message != null) ? summary + ": " + message.strip() : summary;
		return detail.replaceAll("\\s+", " ");
	}

}
