package uk.yourarea.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff address that takes a file, and any other staff address sent a multipart
 * body, refuses a person who may not upload before reading the body: signed out, signed
 * in with the password alone where a second factor is needed, or signed in without the
 * role. The answer comes within a second while the client is still sending, and no
 * temporary file appears in the servlet container's folder, the coverage upload folder or
 * the system's temporary folder.
 */
@DemoSiteTest
class UploadsRefusedUnreadIT {

	private static final long HUNDRED_MB = 100L * 1024 * 1024;

	/** As much as a staff address other than the coverage uploads takes (8 MB). */
	private static final long UNDER_STAFF_LIMIT = 8L * 1024 * 1024 - 64 * 1024;

	@Autowired
	Environment environment;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServletContext servletContext;

	@Value("${yourarea.coverage.upload-directory:}")
	String uploadDirectory;

	private String photoPath;

	@BeforeEach
	void aTeamMember() {
		Map<String, Object> member = this.jdbc
			.queryForMap("select id, neighbourhood_id from team_member order by id limit 1");
		this.photoPath = "/staff/neighbourhoods/" + member.get("neighbourhood_id") + "/team/" + member.get("id")
				+ "/photo";
	}

	@Test
	void signedOutUploadsGoToSignInUnread() {
		assertRefusedUnread(null, "/staff/coverage/postcodes", HUNDRED_MB, "302", "/staff/sign-in");
		assertRefusedUnread(null, "/staff/coverage/boundaries", HUNDRED_MB, "302", "/staff/sign-in");
		assertRefusedUnread(null, this.photoPath, UNDER_STAFF_LIMIT, "302", "/staff/sign-in");
		assertRefusedUnread(null, "/staff/inbox", UNDER_STAFF_LIMIT, "302", "/staff/sign-in");
		// Signing in never takes a multipart body: refused, from the headers alone.
		assertRefusedUnread(null, "/staff/sign-in", UNDER_STAFF_LIMIT, "302", "/staff/sign-in?timed-out");
	}

	@Test
	void officersUploadsAreForbiddenUnread() {
		String officer = cookiesOf(
				StaffBrowser.signedIn(this.environment, "officer.wigston@example.org", StaffBrowser.DEMO_PASSWORD));
		assertRefusedUnread(officer, "/staff/coverage/postcodes", HUNDRED_MB, "403", null);
		assertRefusedUnread(officer, "/staff/coverage/boundaries", HUNDRED_MB, "403", null);
		assertRefusedUnread(officer, this.photoPath, UNDER_STAFF_LIMIT, "403", null);
		assertRefusedUnread(officer, "/staff/admin/accounts", UNDER_STAFF_LIMIT, "403", null);
	}

	@Test
	void aPasswordWithoutTheSecondFactorUploadsNothing() {
		StaffAccounts.Account editor = TestAccounts.create(this.accounts, "Web Editor Second Factor",
				Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of());
		this.jdbc.update("""
				insert into staff_authenticator_app (staff_account_id, secret, created_at, confirmed_at)
				values (?, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', now(), now())""", editor.id());
		StaffBrowser passwordOnly = StaffBrowser.signedIn(this.environment, editor.email(), TestAccounts.PASSWORD);
		assertThat(StaffBrowser.redirectPath(passwordOnly.get("/staff/coverage"))).as("the password alone")
			.isEqualTo(SecondFactorController.SECOND_STEP);
		String cookies = cookiesOf(passwordOnly);

		assertRefusedUnread(cookies, "/staff/coverage/postcodes", HUNDRED_MB, "302",
				SecondFactorController.SECOND_STEP);
		assertRefusedUnread(cookies, "/staff/coverage/boundaries", HUNDRED_MB, "302",
				SecondFactorController.SECOND_STEP);
		assertRefusedUnread(cookies, this.photoPath, UNDER_STAFF_LIMIT, "302", SecondFactorController.SECOND_STEP);
	}

	@Test
	void aPhotoOfAHundredMegabytesIsRefusedForItsSizeUnread() {
		assertRefusedUnread(null, this.photoPath, HUNDRED_MB, "413", null);
	}

	@Test
	void aWebEditorsUploadIsStillReadAndItsTokenStillChecked() {
		StaffBrowser editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org",
				StaffBrowser.DEMO_PASSWORD);
		byte[] notPostcodes = "name,address\nSam,1 High Street\n".getBytes(StandardCharsets.UTF_8);
		String token = StaffBrowser.csrfToken(editor.page("/staff/coverage/postcodes"), "/staff/coverage/postcodes");

		assertThat(
				editor.postMultipart("/staff/coverage/postcodes", token, "file", "people.csv", "text/csv", notPostcodes)
					.statusCode())
			.as("read, and refused on the form")
			.isEqualTo(422);
		assertThat(
				editor.postMultipart("/staff/coverage/postcodes", null, "file", "people.csv", "text/csv", notPostcodes)
					.statusCode())
			.as("without its CSRF token")
			.isEqualTo(403);
		assertThat(editor
			.postMultipart("/staff/coverage/postcodes", "not-the-token", "file", "people.csv", "text/csv", notPostcodes)
			.statusCode()).as("with a wrong CSRF token").isEqualTo(403);
	}

	/**
	 * Sends a multipart POST that says it is {@code length} bytes long and streams its
	 * body from a loop, on a thread of its own, while the answer is read; once to warm
	 * the site up (the first error page of a run is slower to render), then again, timed.
	 */
	private void assertRefusedUnread(String cookies, String path, long length, String status, String location) {
		exchange(cookies, path, length);
		Map<Path, Instant> before = temporaryFiles();
		Exchange exchange = exchange(cookies, path, length);
		String what = ((cookies != null) ? "signed in" : "signed out") + " POST " + path;
		assertThat(newFiles(before, temporaryFiles())).as("%s left temporary files", what).isEmpty();
		assertThat(exchange.head()).as(what).startsWith("HTTP/1.1 " + status + " ");
		if (location != null) {
			assertThat(exchange.head()).as(what)
				.containsPattern("(?i)location: (http://[^/]+)?" + location.replace("?", "\\?") + "\r\n");
		}
		assertThat(exchange.millis()).as("%s answered after %d ms", what, exchange.millis()).isLessThan(1000);
		if (length >= HUNDRED_MB) {
			assertThat(exchange.sentWhenAnswered()).as("%s answered before the body was sent", what).isLessThan(length);
			assertThat(exchange.allSent()).as("%s: the body was never all taken", what).isFalse();
		}
	}

	private record Exchange(String head, long millis, long sentWhenAnswered, boolean allSent) {
	}

	private Exchange exchange(String cookies, String path, long length) {
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		AtomicLong sent = new AtomicLong();
		AtomicBoolean allSent = new AtomicBoolean();
		long started = System.nanoTime();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			String boundary = "----unread" + Long.toHexString(System.nanoTime());
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/html\r\n"
					+ ((cookies != null) ? "Cookie: " + cookies + "\r\n" : "")
					+ "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + length
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread sender = new Thread(() -> send(out, boundary, length, sent, allSent), "unread-upload");
			sender.setDaemon(true);
			sender.start();
			String head = readHead(socket.getInputStream());
			long millis = (System.nanoTime() - started) / 1_000_000;
			long sentWhenAnswered = sent.get();
			socket.close();
			sender.join(5_000);
			return new Exchange(head, millis, sentWhenAnswered, allSent.get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void send(OutputStream out, String boundary, long length, AtomicLong sent, AtomicBoolean allSent) {
		byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] chunk = "ZY1 1AA,10,0,0,E92000001,,,,E06000016,E05999901,ZY1 1AA,49.5,-2.9\n".repeat(1000)
			.getBytes(StandardCharsets.US_ASCII);
		try {
			out.write(start);
			sent.addAndGet(start.length);
			long left = length - start.length - end.length;
			while (left > 0) {
				int n = (int) Math.min(chunk.length, left);
				out.write(chunk, 0, n);
				sent.addAndGet(n);
				left -= n;
			}
			out.write(end);
			out.flush();
			sent.addAndGet(end.length);
			allSent.set(true);
		}
		catch (IOException ex) {
			// The server answered and closed the connection without taking the rest.
		}
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	/**
	 * Files where an upload could be written: the servlet container's temporary folder
	 * (multipart parts past the threshold), the coverage upload folder, and the system's
	 * temporary folder. Other programs share the last, so there only files as large as a
	 * part written to disk count.
	 */
	private Map<Path, Instant> temporaryFiles() {
		Map<Path, Instant> files = new HashMap<>();
		Path containerTemp = ((java.io.File) this.servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
		Path uploads = this.uploadDirectory.isBlank()
				? Path.of(System.getProperty("java.io.tmpdir"), "yourarea-coverage-uploads")
				: Path.of(this.uploadDirectory);
		for (Path folder : new Path[] { containerTemp, uploads }) {
			walk(folder, Integer.MAX_VALUE, 0, files);
		}
		walk(Path.of(System.getProperty("java.io.tmpdir")), 1, 1024 * 1024, files);
		return files;
	}

	private static void walk(Path folder, int depth, long minimumSize, Map<Path, Instant> files) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder, depth)) {
			paths.filter(Files::isRegularFile).forEach((file) -> {
				try {
					if (Files.size(file) >= minimumSize) {
						files.put(file, Files.getLastModifiedTime(file).toInstant());
					}
				}
				catch (IOException ex) {
					// gone in the meantime
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// a folder of another program changing under us: nothing of ours
		}
	}

	private static Set<Path> newFiles(Map<Path, Instant> before, Map<Path, Instant> after) {
		return after.keySet()
			.stream()
			.filter((file) -> !before.containsKey(file))
			.collect(java.util.stream.Collectors.toSet());
	}

	private static String cookiesOf(StaffBrowser browser) {
		return browser.cookieHeader();
	}

}
