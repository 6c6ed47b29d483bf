package uk.yourarea.notification;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Hands the emails of one batch to the SMTP server. With Spring's
 * {@link JavaMailSenderImpl} it keeps one connection open for the batch, rather than
 * connecting, greeting and quitting for every email as {@code JavaMailSender.send} does;
 * with any other sender (tests replace it) it sends each email on its own.
 * <p>
 * Failures are reported as {@code JavaMailSenderImpl} reports them, so that
 * {@link OutboxDeliveryFailure} reads them the same way: a connection that cannot be
 * opened is a {@link MailSendException} "Mail server connection failed" caused by the
 * failure, which is also the failure of the email; refused credentials a
 * {@link MailAuthenticationException}; an email the server refused a
 * {@link MailSendException} holding the Jakarta Mail exception for that email.
 * <p>
 * After any failure the connection is closed and the next email opens a new one, so no
 * email starts on a connection in an unknown state. If a connection that had already
 * carried an email turns out to be gone (the server closed it while idle, or said 421),
 * the email is tried once more on a new connection, as it would have been without reuse;
 * only that outcome counts.
 */
abstract class SmtpConnection implements AutoCloseable {

	static SmtpConnection forBatch(JavaMailSender sender, boolean reuse) {
		if (reuse && sender instanceof JavaMailSenderImpl impl) {
			return new Reused(impl);
		}
		return new PerEmail(sender);
	}

	/**
	 * Hands the email to the server.
	 * @throws MailException as {@code JavaMailSenderImpl.send} would
	 */
	abstract void send(MimeMessage message) throws MailException;

	/** Closes the connection, if one is open; never fails. */
	@Override
	public abstract void close();

	private static final class PerEmail extends SmtpConnection {

		private final JavaMailSender sender;

		PerEmail(JavaMailSender sender) {
			this.sender = sender;
		}

		@Override
		void send(MimeMessage message) {
			this.sender.send(message);
		}

		@Override
		public void close() {
		}

	}

	private static final class Reused extends SmtpConnection {

		private static final Logger logger = LoggerFactory.getLogger(SmtpConnection.class);

		private final JavaMailSenderImpl sender;

		private @Nullable Transport transport;

		/** Whether the last failure to send was the connection going away under it. */
		private boolean lostConnection;

		Reused(JavaMailSenderImpl sender) {
			this.sender = sender;
		}

		@Override
		void send(MimeMessage message) {
			// Any failure closes the connection, so an open one has carried an email.
			boolean reused = this.transport != null;
			try {
				sendOnce(message);
			}
			catch (MailSendException ex) {
				if (!reused || !this.lostConnection) {
					throw ex;
				}
				logger.debug("The reused SMTP connection was gone; trying the email once more on a new one");
				sendOnce(message);
			}
		}

		/**
		 * Sends on the open connection, opening one if there is none. After a failure the
		 * connection is closed.
		 */
		private void sendOnce(MimeMessage message) {
			this.lostConnection = false;
			Transport open = connected(message);
			try {
				// As JavaMailSenderImpl does: saveChanges() makes a new Message-ID, and
				// the
				// relay's own must stay.
				String messageId = message.getMessageID();
				message.saveChanges();
				if (messageId != null) {
					message.setHeader("Message-ID", messageId);
				}
				Address[] recipients = message.getAllRecipients();
				open.sendMessage(message, (recipients != null) ? recipients : new Address[0]);
			}
			catch (MessagingException | RuntimeException ex) {
				// Jakarta Mail drops the connection after an I/O error or a 421.
				this.lostConnection = !open.isConnected();
				close();
				Map<Object, Exception> failed = new LinkedHashMap<>();
				failed.put(message, ex);
				throw new MailSendException(failed);
			}
		}

		private Transport connected(MimeMessage message) {
			if (this.transport != null) {
				return this.transport;
			}
			String username = this.sender.getUsername();
			String password = this.sender.getPassword();
			if ("".equals(username)) {
				// unset, from an empty placeholder: no authentication, as
				// JavaMailSenderImpl
				username = null;
				if ("".equals(password)) {
					password = null;
				}
			}
			Transport opening = null;
			try {
				Session session = this.sender.getSession();
				String protocol = this.sender.getProtocol();
				if (protocol == null) {
					protocol = session.getProperty("mail.transport.protocol");
				}
				opening = session.getTransport((protocol != null) ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL);
				opening.connect(this.sender.getHost(), this.sender.getPort(), username, password);
			}
			catch (AuthenticationFailedException ex) {
				throw new MailAuthenticationException(ex);
			}
			catch (MessagingException | RuntimeException ex) {
				closeQuietly(opening);
				Map<Object, Exception> failed = new LinkedHashMap<>();
				failed.put(message, ex);
				throw new MailSendException("Mail server connection failed", ex, failed);
			}
			this.transport = opening;
			return opening;
		}

		@Override
		public void close() {
			closeQuietly(this.transport);
			this.transport = null;
		}

		private static void closeQuietly(@Nullable Transport transport) {
			if (transport == null) {
				return;
			}
			try {
				transport.close();
			}
			catch (MessagingException | RuntimeException ex) {
				// Every email on it has been recorded already; a failed QUIT changes
				// nothing.
				logger.debug("Could not close the SMTP connection ({})", ex.getClass().getSimpleName());
			}
		}

	}

}
