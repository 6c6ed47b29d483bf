package uk.yourarea.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A real SMTP server in the test JVM (GreenMail) that the site's email relay sends to, so
 * tests can read the emails residents and staff would get.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMail {

	@Bean(destroyMethod = "stop")
	GreenMail greenMail() {
		GreenMail greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		return greenMail;
	}

	@Bean
	@Primary
	JavaMailSender testMailSender(GreenMail greenMail) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(greenMail.getSmtp().getPort());
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

	/** The emails that reached an address, waiting up to ten seconds for at least one. */
	public static List<MimeMessage> to(GreenMail greenMail, String address) {
		return to(greenMail, address, 1);
	}

	/**
	 * The emails that reached an address, waiting up to ten seconds for at least
	 * {@code count}.
	 */
	public static List<MimeMessage> to(GreenMail greenMail, String address, int count) {
		long until = System.currentTimeMillis() + 10_000;
		while (true) {
			List<MimeMessage> found = Arrays.stream(greenMail.getReceivedMessages())
				.filter((message) -> addressedTo(message, address))
				.toList();
			if (found.size() >= count || System.currentTimeMillis() > until) {
				return found;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return found;
			}
		}
	}

	public static String body(MimeMessage message) {
		return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("\r\n", "\n");
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch((recipient) -> recipient.toString().contains(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
