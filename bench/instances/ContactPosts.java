import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sends residents' contact forms for bench/instances.sh, each one valid and distinct: its
 * own email address PREFIX-N@example.org (N from 0), which is also written into the
 * message as its marker, its own idempotency key, and its own client address in
 * X-Forwarded-For (from the benchmarking range 198.18.0.0/15, starting at FIRST_ADDRESS),
 * so the site's rate limits apply as they do to residents; or, given "same:N", every form
 * from the one address N, to test those limits. One form token (its cookie and
 * its form field) is fetched first and sent with every form. The form's start time is a
 * minute back, as a person's would be, so no message is held for review.
 *
 * Writes one line per form to OUT:
 *
 * <pre>
 * marker TAB status (0 when no answer came) TAB reference from the 303's Location, or the error TAB X-Upstream TAB ms
 * </pre>
 *
 * Stops after COUNT forms, or, given "until:FILE", once FILE exists. Each of THREADS senders
 * waits PAUSE_MS after each answer.
 *
 * java bench/instances/ContactPosts.java BASE_URL SLUG PREFIX THREADS COUNT|until:FILE PAUSE_MS FIRST_ADDRESS|same:N OUT
 */
public class ContactPosts {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern STARTED_AT = Pattern.compile("name=\"startedAt\" value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		if (args.length != 8) {
			System.err.println(
					"usage: java ContactPosts.java BASE_URL SLUG PREFIX THREADS COUNT|until:FILE PAUSE_MS FIRST_ADDRESS|same:N OUT");
			System.exit(2);
		}
		String base = args[0];
		String slug = args[1];
		String prefix = args[2];
		int threads = Integer.parseInt(args[3]);
		Path stopFile = args[4].startsWith("until:") ? Path.of(args[4].substring("until:".length())) : null;
		int count = (stopFile == null) ? Integer.parseInt(args[4]) : Integer.MAX_VALUE;
		long pause = Long.parseLong(args[5]);
		boolean sameAddress = args[6].startsWith("same:");
		int firstAddress = Integer.parseInt(sameAddress ? args[6].substring("same:".length()) : args[6]);
		URI form = URI.create(base + "/area/" + slug + "/contact");

		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(form).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(page.body());
		String cookie = page.headers()
			.allValues("set-cookie")
			.stream()
			.filter((c) -> c.contains("CSRF="))
			.map((c) -> c.substring(0, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
			.findFirst()
			.orElse("");
		if (page.statusCode() != 200 || !token.find() || cookie.isEmpty()) {
			System.err.println("No form token from " + form + " (status " + page.statusCode() + ")");
			System.exit(1);
		}
		String csrf = token.group(1);
		Matcher shown = STARTED_AT.matcher(page.body());
		if (!shown.find()) {
			System.err.println("No start time in the form at " + form);
			System.exit(1);
		}
		// The time the form was shown, as the site signed it: a person takes at least 3 s.
		String startedAt = shown.group(1);
		Thread.sleep(3_000);

		AtomicInteger next = new AtomicInteger();
		try (Writer out = Files.newBufferedWriter(Path.of(args[7]), StandardCharsets.UTF_8)) {
			Thread[] senders = new Thread[threads];
			for (int t = 0; t < threads; t++) {
				senders[t] = new Thread(() -> {
					int n;
					while ((n = next.getAndIncrement()) < count && (stopFile == null || !Files.exists(stopFile))) {
						String line = post(client, form, csrf, cookie, startedAt, prefix + "-" + n,
								sameAddress ? firstAddress : firstAddress + n);
						synchronized (out) {
							try {
								out.write(line);
								out.flush();
							}
							catch (IOException ex) {
								throw new IllegalStateException(ex);
							}
						}
						sleep(pause);
					}
				});
				senders[t].start();
			}
			for (Thread sender : senders) {
				sender.join();
			}
		}
	}

	private static String post(HttpClient client, URI form, String csrf, String cookie, String startedAt, String marker,
			int address) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("idempotencyKey", UUID.randomUUID().toString().replace("-", ""));
		fields.put("startedAt", startedAt);
		fields.put("name", "Bench Resident");
		fields.put("email", marker + "@example.org");
		fields.put("phone", "");
		fields.put("preferredContact", "EMAIL");
		fields.put("senderType", "RESIDENT");
		fields.put("topic", "GENERAL_ENQUIRY");
		fields.put("message", "When is the next beat surgery? (" + marker + ")");
		fields.put("location", "");
		fields.put("website", "");
		String body = fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		String clientAddress = String.format("198.%d.%d.%d", 18 + (address / 65536) % 2, (address / 256) % 256,
				address % 256);
		HttpRequest request = HttpRequest.newBuilder(form)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.header("X-Forwarded-For", clientAddress)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long start = System.nanoTime();
		String status;
		String detail;
		String upstream = "";
		try {
			HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
			status = Integer.toString(response.statusCode());
			String location = response.headers().firstValue("location").orElse("");
			int at = location.indexOf("reference=");
			detail = (at >= 0) ? location.substring(at + "reference=".length()) : "-";
			upstream = response.headers().firstValue("x-upstream").orElse("");
		}
		catch (IOException ex) {
			status = "0";
			detail = ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = "0";
			detail = "interrupted";
		}
		long ms = (System.nanoTime() - start) / 1_000_000;
		return marker + "\t" + status + "\t" + detail + "\t" + upstream.replace(' ', '_') + "\t" + ms + "\n";
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
