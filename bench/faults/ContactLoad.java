import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator of bench/faults.sh, run with the JDK's single-file launcher. Two modes.
 * <p>
 * {@code load}: sends residents' messages through the contact form as a browser would. For each
 * submission it fetches the form (a fresh session cookie, the CSRF token, the form's idempotency
 * key and start time), waits past the site's minimum fill time, and posts a valid message from its
 * own client address ({@code X-Forwarded-For}, in the benchmarking range 198.18.0.0/15) and its own
 * email address, so the site's rate limits stay as configured. Every message carries a unique
 * marker. With {@code --repeat-every K}, every K-th form is posted twice with the same idempotency
 * key: alternately both at once (a double click) and the second after the first answer (a resend).
 * Many submissions are in flight at once on a few threads (asynchronous HTTP; the fill time is a
 * timer, not a sleeping thread).
 *
 * <pre>
 * java bench/faults/ContactLoad.java load --base http://127.0.0.1:18090 --slug south-wigston \
 *     --count 2000 --prefix dup-1 --out load.tsv [--repeat-every 10] [--rate 20] [--duration 60] \
 *     [--concurrency 64] [--threads 4] [--address-offset 0] [--fill-ms 3300] [--timeout-ms 30000]
 * </pre>
 *
 * One tab-separated line per request, written as it ends:
 * {@code kind index attempt idempotency-key marker status latency-ms sent-ms done-ms reference kept error}
 * where kind is {@code form} (the GET) or {@code post}; status 0 means no HTTP answer (the error
 * says why), -200 a 200 without the form in it; reference is the one in a 303's Location; kept is 1 when a
 * non-303 answer showed the resident's text again, 0 when it did not; times are epoch milliseconds.
 * <p>
 * {@code probe}: a visitor who keeps asking for one page, each time on a new connection, from a few
 * threads. One line per request: {@code probe status latency-ms sent-ms}.
 *
 * <pre>
 * java bench/faults/ContactLoad.java probe --url http://127.0.0.1:18090/area/wigston --seconds 30 \
 *     --out probe.tsv [--threads 4] [--interval-ms 100] [--timeout-ms 10000]
 * </pre>
 */
public class ContactLoad {

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: ContactLoad load|probe --option value ...");
			System.exit(2);
		}
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 1; i + 1 < args.length; i += 2) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("expected an option, got " + args[i]);
			}
			options.put(args[i].substring(2), args[i + 1]);
		}
		switch (args[0]) {
			case "load" -> new Load(options).run();
			case "probe" -> probe(options);
			default -> {
				System.err.println("unknown mode " + args[0]);
				System.exit(2);
			}
		}
		System.exit(0);
	}

	static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	static long number(Map<String, String> options, String name, long otherwise) {
		return options.containsKey(name) ? Long.parseLong(options.get(name)) : otherwise;
	}

	static String clean(String text) {
		if (text == null) {
			return "-";
		}
		String flat = text.replaceAll("[\\t\\r\\n]+", " ").strip();
		return flat.isEmpty() ? "-" : (flat.length() > 120 ? flat.substring(0, 120) : flat);
	}

	/** The form as fetched: what the POST must send back. */
	record Form(String cookie, String csrf, String key, String startedAt) {
	}

	static final class Load {

		final String base;

		final String slug;

		final int count;

		final int concurrency;

		final int repeatEvery;

		final String prefix;

		final long addressOffset;

		final long fillMs;

		final long timeoutMs;

		final double rate;

		final long durationMs;

		final PrintWriter out;

		final ExecutorService pool;

		final HttpClient client;

		final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();

		Load(Map<String, String> options) throws IOException {
			this.base = required(options, "base");
			this.slug = options.getOrDefault("slug", "south-wigston");
			this.count = (int) number(options, "count", 100);
			this.concurrency = (int) number(options, "concurrency", 64);
			this.repeatEvery = (int) number(options, "repeat-every", 0);
			this.prefix = required(options, "prefix");
			this.addressOffset = number(options, "address-offset", 0);
			this.fillMs = number(options, "fill-ms", 3300);
			this.timeoutMs = number(options, "timeout-ms", 30000);
			this.rate = Double.parseDouble(options.getOrDefault("rate", "0"));
			this.durationMs = number(options, "duration", 0) * 1000;
			this.out = new PrintWriter(Files.newBufferedWriter(Path.of(required(options, "out")), StandardCharsets.UTF_8));
			this.pool = Executors.newFixedThreadPool((int) number(options, "threads", 4));
			this.client = HttpClient.newBuilder()
				.executor(this.pool)
				.connectTimeout(Duration.ofSeconds(5))
				.followRedirects(HttpClient.Redirect.NEVER)
				.version(HttpClient.Version.HTTP_1_1)
				.build();
		}

		void run() throws InterruptedException {
			Semaphore inFlight = new Semaphore(this.concurrency);
			long start = System.currentTimeMillis();
			int started = 0;
			for (int i = 0; i < this.count; i++) {
				long now = System.currentTimeMillis();
				if (this.durationMs > 0 && now - start >= this.durationMs) {
					break;
				}
				if (this.rate > 0) {
					long due = start + (long) (i * 1000 / this.rate);
					if (due > now) {
						Thread.sleep(due - now);
					}
				}
				if (!inFlight.tryAcquire(this.timeoutMs * 3 + this.fillMs, TimeUnit.MILLISECONDS)) {
					System.err.println("submissions stopped finishing; giving up");
					break;
				}
				started++;
				submission(i).whenComplete((ignored, error) -> {
					if (error != null) {
						System.err.println("submission failed in the generator: " + error);
					}
					inFlight.release();
				});
			}
			// Every request has a time limit, so this ends; the bound is a second guard.
			boolean finished = inFlight.tryAcquire(this.concurrency, this.timeoutMs * 3 + this.fillMs,
					TimeUnit.MILLISECONDS);
			synchronized (this.out) {
				this.out.flush();
			}
			System.out.println("submissions started " + started + " in " + (System.currentTimeMillis() - start)
					+ " ms" + (finished ? "" : " (some never finished)") + "; answers " + new TreeMap<>(this.statuses));
			this.pool.shutdownNow();
		}

		String marker(int i) {
			return this.prefix + "-" + String.format("%06d", i);
		}

		String message(int i) {
			return "Fault test " + marker(i) + ": the street light outside number 12 has been out for a week.";
		}

		String address(int i) {
			long n = this.addressOffset + i;
			return "198." + (18 + (n / 65536) % 2) + "." + (n / 256) % 256 + "." + n % 256;
		}

		CompletableFuture<Void> submission(int i) {
			long sent = System.currentTimeMillis();
			HttpRequest get = HttpRequest.newBuilder(URI.create(this.base + "/area/" + this.slug + "/contact"))
				.timeout(Duration.ofMillis(this.timeoutMs))
				.header("X-Forwarded-For", address(i))
				.GET()
				.build();
			return this.client.sendAsync(get, HttpResponse.BodyHandlers.ofString())
				.handle((response, error) -> {
					long done = System.currentTimeMillis();
					Optional<Form> form = (response != null && response.statusCode() == 200) ? parse(response)
							: Optional.empty();
					int status = (response != null) ? response.statusCode() : 0;
					if (form.isEmpty()) {
						String why = (error != null) ? describe(error)
								: (status == 200 ? "no form in the page" : titleOf(response.body()));
						record("form", i, 0, null, status == 200 ? -200 : status, sent, done, null, null, why);
					}
					else {
						record("form", i, 0, form.get().key(), status, sent, done, null, null, null);
					}
					return form;
				})
				.thenCompose((form) -> {
					if (form.isEmpty()) {
						return CompletableFuture.completedFuture(null);
					}
					// A person starts typing when the page has arrived; the site's clock for the
					// minimum fill time starts when it renders the form, which may be a while after
					// the request was sent on a busy server.
					return CompletableFuture
						.runAsync(() -> {
						}, CompletableFuture.delayedExecutor(this.fillMs, TimeUnit.MILLISECONDS, this.pool))
						.thenCompose((ignored) -> send(i, form.get()));
				});
		}

		CompletableFuture<Void> send(int i, Form form) {
			boolean repeat = this.repeatEvery > 0 && i % this.repeatEvery == this.repeatEvery - 1;
			if (!repeat) {
				return post(i, 1, form);
			}
			boolean together = (i / this.repeatEvery) % 2 == 0;
			if (together) {
				return CompletableFuture.allOf(post(i, 1, form), post(i, 2, form));
			}
			return post(i, 1, form).thenCompose((ignored) -> post(i, 2, form));
		}

		CompletableFuture<Void> post(int i, int attempt, Form form) {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("_csrf", form.csrf());
			fields.put("startedAt", form.startedAt());
			fields.put("idempotencyKey", form.key());
			fields.put("name", "Fault Tester");
			fields.put("email", marker(i) + "@example.org");
			fields.put("phone", "");
			fields.put("preferredContact", "EMAIL");
			fields.put("senderType", "RESIDENT");
			fields.put("topic", "GENERAL_ENQUIRY");
			fields.put("message", message(i));
			fields.put("location", "");
			fields.put("website", "");
			StringBuilder body = new StringBuilder();
			fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
				.append(name)
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(this.base + "/area/" + this.slug + "/contact"))
				.timeout(Duration.ofMillis(this.timeoutMs))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Forwarded-For", address(i))
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
			if (!form.cookie().isEmpty()) {
				request.header("Cookie", form.cookie());
			}
			long sent = System.currentTimeMillis();
			return this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
				.handle((response, error) -> {
					long done = System.currentTimeMillis();
					if (response == null) {
						record("post", i, attempt, form.key(), 0, sent, done, null, null, describe(error));
						return null;
					}
					int status = response.statusCode();
					String reference = null;
					String kept = null;
					if (status == 303) {
						reference = response.headers()
							.firstValue("Location")
							.map(ContactLoad::referenceIn)
							.orElse(null);
					}
					else {
						kept = response.body().contains(message(i)) ? "1" : "0";
					}
					record("post", i, attempt, form.key(), status, sent, done, reference, kept,
							status == 303 ? null : titleOf(response.body()));
					return null;
				});
		}

		Optional<Form> parse(HttpResponse<String> response) {
			String html = response.body();
			Optional<String> csrf = hiddenValue(html, "_csrf");
			Optional<String> key = hiddenValue(html, "idempotencyKey");
			Optional<String> startedAt = hiddenValue(html, "startedAt");
			if (csrf.isEmpty() || key.isEmpty() || startedAt.isEmpty()) {
				return Optional.empty();
			}
			List<String> cookies = new ArrayList<>();
			for (String setCookie : response.headers().allValues("Set-Cookie")) {
				cookies.add(setCookie.split(";", 2)[0].strip());
			}
			return Optional.of(new Form(String.join("; ", cookies), csrf.get(), key.get(), startedAt.get()));
		}

		void record(String kind, int i, int attempt, String key, int status, long sent, long done, String reference,
				String kept, String error) {
			this.statuses.computeIfAbsent(kind + " " + status, (k) -> new AtomicInteger()).incrementAndGet();
			String line = String.join("\t", kind, Integer.toString(i), Integer.toString(attempt),
					key == null ? "-" : key, marker(i), Integer.toString(status), Long.toString(done - sent),
					Long.toString(sent), Long.toString(done), reference == null ? "-" : reference,
					kept == null ? "-" : kept, clean(error));
			synchronized (this.out) {
				this.out.println(line);
				this.out.flush();
			}
		}

	}

	static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

	static Optional<String> hiddenValue(String html, String name) {
		Matcher input = INPUT.matcher(html);
		while (input.find()) {
			String tag = input.group();
			if (tag.contains("name=\"" + name + "\"")) {
				Matcher value = VALUE.matcher(tag);
				return value.find() ? Optional.of(value.group(1).replace("&#45;", "-")) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	static String referenceIn(String location) {
		Matcher matcher = Pattern.compile("[?&]reference=([^&]*)").matcher(location);
		return matcher.find() ? URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8) : location;
	}

	static String titleOf(String html) {
		Matcher matcher = Pattern.compile("<title>([^<]*)</title>", Pattern.CASE_INSENSITIVE).matcher(html);
		return matcher.find() ? matcher.group(1)
				: (html.isEmpty() ? "empty body" : "no title: " + html.substring(0, Math.min(html.length(), 80)));
	}

	static String describe(Throwable error) {
		Throwable cause = error;
		while (cause.getCause() != null && cause != cause.getCause()) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
	}

	/** A visitor asking for one page on a new connection each time, from a few threads. */
	static void probe(Map<String, String> options) throws Exception {
		URI url = URI.create(required(options, "url"));
		long seconds = number(options, "seconds", 30);
		int threads = (int) number(options, "threads", 4);
		long intervalMs = number(options, "interval-ms", 100);
		int timeoutMs = (int) number(options, "timeout-ms", 10000);
		String request = "GET " + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
				+ " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
				+ "\r\nUser-Agent: faults-probe\r\nAccept: text/html\r\nConnection: close\r\n\r\n";
		long end = System.currentTimeMillis() + seconds * 1000;
		List<long[]> results = Collections.synchronizedList(new ArrayList<>());
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				while (System.currentTimeMillis() < end) {
					long sent = System.currentTimeMillis();
					int status = 0;
					try (Socket socket = new Socket()) {
						socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), timeoutMs);
						socket.setSoTimeout(timeoutMs);
						OutputStream output = socket.getOutputStream();
						output.write(request.getBytes(StandardCharsets.US_ASCII));
						output.flush();
						InputStream input = socket.getInputStream();
						byte[] buffer = new byte[16384];
						StringBuilder head = new StringBuilder();
						int read;
						while ((read = input.read(buffer)) > 0) {
							if (head.length() < 64) {
								head.append(new String(buffer, 0, Math.min(read, 64), StandardCharsets.ISO_8859_1));
							}
						}
						String[] parts = head.toString().split(" ", 3);
						status = (parts.length > 1 && parts[0].startsWith("HTTP/")) ? Integer.parseInt(parts[1]) : 0;
					}
					catch (IOException | NumberFormatException ex) {
						status = 0;
					}
					long done = System.currentTimeMillis();
					results.add(new long[] { status, done - sent, sent });
					long pause = intervalMs - (done - sent);
					if (pause > 0) {
						try {
							Thread.sleep(pause);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				}
			});
			worker.start();
			workers.add(worker);
		}
		for (Thread worker : workers) {
			worker.join(seconds * 1000 + timeoutMs * 2L + 5000);
		}
		List<long[]> copy;
		synchronized (results) {
			copy = new ArrayList<>(results);
		}
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(required(options, "out"))))) {
			for (long[] result : copy) {
				out.println("probe\t" + result[0] + "\t" + result[1] + "\t" + result[2]);
			}
		}
		long[] latencies = copy.stream().mapToLong((r) -> r[1]).sorted().toArray();
		long ok = copy.stream().filter((r) -> r[0] == 200).count();
		System.out.println("probes " + latencies.length + ", 200s " + ok + ", p50 " + percentile(latencies, 50)
				+ " ms, p99 " + percentile(latencies, 99) + " ms, max "
				+ (latencies.length == 0 ? 0 : latencies[latencies.length - 1]) + " ms");
	}

	static long percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
