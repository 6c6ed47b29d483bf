package uk.yourarea.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A minimal SMTP server that answers every RCPT TO with the reply it was given ("550
 * 5.1.1 No such user", "451 4.7.1 Try again later"), to show what the relay does with a
 * real refusal. GreenMail accepts every recipient, so it cannot. Given a recipient, it
 * refuses only that one and takes every other email, counting connections and emails.
 */
final class RejectingSmtpServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final String rcptReply;

	private final @Nullable String refusedRecipient;

	private final AtomicInteger refusals = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private volatile boolean hangUpAfterEachEmail;

	RejectingSmtpServer(String rcptReply) throws IOException {
		this(rcptReply, null);
	}

	/**
	 * @param refusedRecipient the address (as in RCPT TO) to refuse; null to refuse all
	 */
	RejectingSmtpServer(String rcptReply, @Nullable String refusedRecipient) throws IOException {
		this.rcptReply = rcptReply;
		this.refusedRecipient = refusedRecipient;
		this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(this::serve, "rejecting-smtp-server");
		thread.setDaemon(true);
		thread.start();
	}

	String host() {
		return this.serverSocket.getInetAddress().getHostAddress();
	}

	int port() {
		return this.serverSocket.getLocalPort();
	}

	/** How many RCPT TO commands it has refused. */
	int refusals() {
		return this.refusals.get();
	}

	/**
	 * From now on, closes the connection after each email it takes, without a word, as a
	 * server does that drops idle or used connections.
	 */
	void hangUpAfterEachEmail() {
		this.hangUpAfterEachEmail = true;
	}

	/** How many connections it has taken. */
	int connections() {
		return this.connections.get();
	}

	/** The recipients of the emails it has taken, in order. */
	List<String> accepted() {
		return List.copyOf(this.accepted);
	}

	private void serve() {
		while (!this.serverSocket.isClosed()) {
			try (Socket client = this.serverSocket.accept()) {
				converse(client);
			}
			catch (IOException ex) {
				// closed, or the client went away: wait for the next one
			}
		}
	}

	private void converse(Socket client) throws IOException {
		client.setSoTimeout(5000);
		this.connections.incrementAndGet();
		String recipient = null;
		BufferedReader in = new BufferedReader(
				new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
		reply(out, "220 rejecting.test ESMTP");
		String line;
		while ((line = in.readLine()) != null) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("EHLO") || command.startsWith("HELO")) {
				reply(out, "250 rejecting.test");
			}
			else if (command.startsWith("MAIL FROM") || command.startsWith("RSET") || command.startsWith("NOOP")) {
				if (!command.startsWith("NOOP")) {
					recipient = null;
				}
				reply(out, "250 OK");
			}
			else if (command.startsWith("RCPT TO")) {
				String to = line.substring("RCPT TO:".length()).strip().replaceAll("^<|>$", "");
				if (this.refusedRecipient == null || this.refusedRecipient.equalsIgnoreCase(to)) {
					this.refusals.incrementAndGet();
					reply(out, this.rcptReply);
				}
				else {
					recipient = to;
					reply(out, "250 OK");
				}
			}
			else if (command.startsWith("DATA") && recipient != null) {
				reply(out, "354 End data with <CR><LF>.<CR><LF>");
				while ((line = in.readLine()) != null && !line.equals(".")) {
					// the message, not kept
				}
				this.accepted.add(recipient);
				recipient = null;
				reply(out, "250 OK");
				if (this.hangUpAfterEachEmail) {
					return;
				}
			}
			else if (command.startsWith("QUIT")) {
				reply(out, "221 Bye");
				return;
			}
			else {
				reply(out, "503 5.5.1 Bad sequence of commands");
			}
		}
	}

	private static void reply(Writer out, String reply) throws IOException {
		out.write(reply + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.serverSocket.close();
	}

}
