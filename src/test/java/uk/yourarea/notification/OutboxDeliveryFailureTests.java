package uk.yourarea.notification;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

import uk.yourarea.notification.OutboxDeliveryFailure.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exceptions built the way Spring's {@code JavaMailSenderImpl} and Eclipse Angus Mail
 * report them: a refused message is a {@link MailSendException} without a cause, the
 * Jakarta Mail exception being in its failed messages.
 */
class OutboxDeliveryFailureTests {

	private static final String ADDRESS = "jane.resident@example.com";

	@Test
	void givesUpAtOnceWhenTheServerRefusesTheRecipientWith5xx() throws Exception {
		OutboxDeliveryFailure failure = OutboxDeliveryFailure
			.of(refused(recipient(550, "550 5.1.1 <" + ADDRESS + ">: Recipient address rejected: User unknown")));

		assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
		assertThat(failure.summary()).isEqualTo("SMTP 550");
		assertThat(failure.detail()).startsWith("SMTP 550: 550 5.1.1").contains("User unknown");
	}

	@Test
	void triesAgainWhenTheServerDefersTheRecipientWith4xx() throws Exception {
		OutboxDeliveryFailure failure = OutboxDeliveryFailure
			.of(refused(recipient(451, "451 4.7.1 Greylisted, try again later")));

		assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
		assertThat(failure.summary()).isEqualTo("SMTP 451");
	}

	@Test
	void givesUpAtOnceWhenTheServerRefusesTheMessageAfterData() {
		SMTPSendFailedException refusal = new SMTPSendFailedException("DATA", 554, "554 5.6.0 Message rejected as spam",
				null, new Address[0], new Address[0], new Address[0]);

		OutboxDeliveryFailure failure = OutboxDeliveryFailure.of(refused(refusal));

		assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
		assertThat(failure.summary()).isEqualTo("SMTP 554");
	}

	@Test
	void treatsARefusedSenderAsTheServerRefusingUsNotTheEmail() throws Exception {
		SMTPSendFailedException refusal = new SMTPSendFailedException("MAIL FROM:<no-reply@example.org>", 553,
				"553 5.7.1 Sender address rejected", null, new Address[0], new Address[0], new Address[0]);
		refusal.setNextException(new SMTPSenderFailedException(new InternetAddress("no-reply@example.org"),
				"MAIL FROM:<no-reply@example.org>", 553, "553 5.7.1 Sender address rejected"));

		OutboxDeliveryFailure failure = OutboxDeliveryFailure.of(refused(refusal));

		assertThat(failure.kind()).isEqualTo(Kind.SERVER_UNAVAILABLE);
	}

	@Test
	void triesAgainLaterWhenTheServerCannotBeReached() {
		MailConnectException cannotConnect = new MailConnectException(new SocketConnectException("Using socket factory",
				new ConnectException("Connection refused"), "127.0.0.1", 1025, 5000));
		MailSendException exception = new MailSendException("Mail server connection failed", cannotConnect,
				Map.of("message", cannotConnect));

		OutboxDeliveryFailure failure = OutboxDeliveryFailure.of(exception);

		assertThat(failure.kind()).isEqualTo(Kind.SERVER_UNAVAILABLE);
		assertThat(failure.summary()).contains("MailConnectException");
	}

	@Test
	void treatsAnyFailureToOpenASessionAsTheServerBeingUnavailable() {
		// a server that takes the connection but never greets
		MessagingException noGreeting = new MessagingException("Exception reading response",
				new SocketTimeoutException("Read timed out"));
		MailSendException exception = new MailSendException("Mail server connection failed", noGreeting,
				Map.of("message", noGreeting));

		OutboxDeliveryFailure failure = OutboxDeliveryFailure.of(exception);

		assertThat(failure.kind()).isEqualTo(Kind.SERVER_UNAVAILABLE);
		assertThat(failure.summary()).contains("SocketTimeoutException");
	}

	@Test
	void keepsARefusalOfTheEmailItsOwnWhenClosingTheConnectionFailsAfterwards() throws Exception {
		SendFailedException refusal = recipient(550, "550 5.1.1 <" + ADDRESS + ">: User unknown");
		MailSendException exception = new MailSendException("Failed to close server connection after message failures",
				new MessagingException("QUIT failed"), Map.of("message", refusal));

		OutboxDeliveryFailure failure = OutboxDeliveryFailure.of(exception);

		assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
		assertThat(failure.summary()).isEqualTo("SMTP 550");
	}

	@Test
	void triesAgainLaterWhenTheCredentialsAreRefused() {
		OutboxDeliveryFailure failure = OutboxDeliveryFailure
			.of(new MailAuthenticationException("535 5.7.8 Authentication credentials invalid"));

		assertThat(failure.kind()).isEqualTo(Kind.SERVER_UNAVAILABLE);
	}

	@Test
	void treatsAnAuthenticationReplyAsOursToFix() throws Exception {
		OutboxDeliveryFailure failure = OutboxDeliveryFailure
			.of(refused(recipient(530, "530 5.7.0 Authentication required")));

		assertThat(failure.kind()).isEqualTo(Kind.SERVER_UNAVAILABLE);
	}

	@Test
	void triesAgainAfterATimeout() {
		MessagingException timeout = new MessagingException("Exception reading response",
				new SocketTimeoutException("Read timed out"));

		OutboxDeliveryFailure failure = OutboxDeliveryFailure.of(refused(timeout));

		assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
		assertThat(failure.summary()).contains("SocketTimeoutException");
	}

	@Test
	void givesUpAtOnceOnAnAddressThatCannotBeParsed() {
		OutboxDeliveryFailure failure = OutboxDeliveryFailure
			.of(new AddressException("Illegal address", "a@example.com, b@example.com"));

		assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
		assertThat(failure.summary()).isEqualTo("invalid address");
	}

	@Test
	void neverPutsTheAddressInTheSummaryThatIsLogged() throws Exception {
		OutboxDeliveryFailure failure = OutboxDeliveryFailure
			.of(refused(recipient(550, "550 5.1.1 <" + ADDRESS + ">: User unknown")));

		assertThat(failure.summary()).doesNotContain(ADDRESS).doesNotContain("example.com");
		assertThat(failure.detail()).contains(ADDRESS);
	}

	@Test
	void countsAnEmailAsSentWhenOnlyClosingTheConnectionFailed() {
		MailSendException closeFailed = new MailSendException("Failed to close server connection after message sending",
				new MessagingException("QUIT failed"));

		assertThat(OutboxDeliveryFailure.acceptedDespite(closeFailed)).isTrue();
		assertThat(OutboxDeliveryFailure.acceptedDespite(refused(new MessagingException("refused")))).isFalse();
		assertThat(OutboxDeliveryFailure.acceptedDespite(new MailSendException("Mail server connection failed",
				new MessagingException("refused"), Map.of("message", new MessagingException("refused")))))
			.isFalse();
		assertThat(OutboxDeliveryFailure.acceptedDespite(new MailAuthenticationException("no"))).isFalse();
	}

	/** As {@code JavaMailSenderImpl} reports a message the server did not take. */
	private static MailSendException refused(Exception exception) {
		return new MailSendException(Map.of("message", exception));
	}

	/** As Angus Mail reports a refused RCPT TO. */
	private static SendFailedException recipient(int reply, String response) throws AddressException {
		InternetAddress address = new InternetAddress(ADDRESS);
		SMTPAddressFailedException refusal = new SMTPAddressFailedException(address, "RCPT TO:<" + ADDRESS + ">", reply,
				response);
		return new SendFailedException("Invalid Addresses", refusal, new Address[0], new Address[0],
				new Address[] { address });
	}

}
