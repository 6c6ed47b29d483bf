import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A catch-all SMTP server for bench/instances.sh: accepts every message on 127.0.0.1 and
 * records it, without keeping its body, as one line of FILE:
 *
 * <pre>
 * received-at-ms TAB Message-ID TAB envelope recipients (comma-separated) TAB Subject
 * </pre>
 *
 * Enough SMTP for Jakarta Mail without authentication or STARTTLS (EHLO/HELO, MAIL, RCPT,
 * DATA, RSET, NOOP, QUIT). Each line is written and flushed before the server answers
 * 250 to the end of DATA, so a message the relay counts as sent is always in the file.
 *
 * Run with the JDK's single-file launcher: java bench/instances/MailCatcher.java PORT FILE
 */
public class MailCatcher {

	private static Writer out;

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: java MailCatcher.java PORT FILE");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
			System.out.println("MailCatcher listening on 127.0.0.1:" + port);
			while (true) {
				Socket socket = server.accept();
				Thread thread = new Thread(() -> serve(socket));
				thread.setDaemon(true);
				thread.start();
			}
		}
	}

	private static void serve(Socket socket) {
		try (socket;
				BufferedReader in = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
				OutputStream raw = socket.getOutputStream()) {
			PrintWriter reply = new PrintWriter(raw, false, StandardCharsets.ISO_8859_1);
			socket.setSoTimeout(60_000);
			send(reply, "220 127.0.0.1 MailCatcher");
			List<String> recipients = new ArrayList<>();
			String line;
			while ((line = in.readLine()) != null) {
				String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
				switch (verb) {
					case "EHLO" -> send(reply, "250-127.0.0.1\r\n250-8BITMIME\r\n250 SMTPUTF8");
					case "HELO" -> send(reply, "250 127.0.0.1");
					case "MAIL" -> {
						recipients.clear();
						send(reply, "250 OK");
					}
					case "RCPT" -> {
						recipients.add(between(line, '<', '>'));
						send(reply, "250 OK");
					}
					case "DATA" -> {
						send(reply, "354 End data with <CR><LF>.<CR><LF>");
						record(in, recipients);
						recipients.clear();
						send(reply, "250 OK");
					}
					case "RSET" -> {
						recipients.clear();
						send(reply, "250 OK");
					}
					case "NOOP" -> send(reply, "250 OK");
					case "QUIT" -> {
						send(reply, "221 Bye");
						return;
					}
					default -> send(reply, "502 Command not implemented");
				}
			}
		}
		catch (IOException ex) {
			// The client went away; nothing to record.
		}
	}

	/** Reads the message up to the lone dot and writes its line. */
	private static void record(BufferedReader in, List<String> recipients) throws IOException {
		String messageId = "";
		String subject = "";
		String header = null;
		boolean inHeaders = true;
		String line;
		while ((line = in.readLine()) != null && !line.equals(".")) {
			if (!inHeaders) {
				continue;
			}
			if (line.isEmpty()) {
				inHeaders = false;
				continue;
			}
			if ((line.startsWith(" ") || line.startsWith("\t")) && header != null) {
				// A folded header goes on.
				if (header.equals("subject")) {
					subject += " " + line.strip();
				}
				continue;
			}
			int colon = line.indexOf(':');
			header = (colon > 0) ? line.substring(0, colon).toLowerCase(Locale.ROOT) : null;
			String value = (colon > 0) ? line.substring(colon + 1).strip() : "";
			if ("message-id".equals(header)) {
				messageId = value;
			}
			else if ("subject".equals(header)) {
				subject = value;
			}
		}
		String entry = System.currentTimeMillis() + "\t" + messageId + "\t" + String.join(",", recipients) + "\t"
				+ subject.replace('\t', ' ') + "\n";
		synchronized (MailCatcher.class) {
			out.write(entry);
			out.flush();
		}
	}

	private static String between(String line, char open, char close) {
		int from = line.indexOf(open);
		int to = line.lastIndexOf(close);
		return (from >= 0 && to > from) ? line.substring(from + 1, to).toLowerCase(Locale.ROOT)
				: line.substring(Math.min(line.length(), 8)).strip().toLowerCase(Locale.ROOT);
	}

	private static void send(PrintWriter reply, String text) {
		reply.print(text + "\r\n");
		reply.flush();
	}

}
