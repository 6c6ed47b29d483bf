package uk.yourarea.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser over real HTTP to the running site: it keeps its cookies (so it has a
 * session), never follows redirects, and sends forms the way a browser does, with the
 * CSRF token taken from the page the form is on. Each instance is a separate person;
 * create as many as a test needs.
 */
public final class StaffBrowser {

	/** The password of every demo account. */
	public static final String DEMO_PASSWORD = DemoPasswords.DEMO_PASSWORD;

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String forwardedFor;

	/**
	 * Pages in English: Welsh pages are asked for by their /cy address, not the header.
	 */
	private final String language = "en-GB";

	private StaffBrowser(int port) {
		this.port = port;
	}

	public static StaffBrowser on(Environment environment) {
		return new StaffBrowser(environment.getRequiredProperty("local.server.port", Integer.class));
	}

	/** A new browser signed in (and checked to be signed in) as the given account. */
	public static StaffBrowser signedIn(Environment environment, String email, String password) {
		StaffBrowser browser = on(environment);
		HttpResponse<String> response = browser.signIn(email, password);
		assertThat(response.statusCode()).as("status after signing in as %s", email).isEqualTo(302);
		assertThat(location(response)).as("where signing in as %s leads", email).doesNotContain("/staff/sign-in");
		return browser;
	}

	/**
	 * From now on, sends {@code X-Forwarded-For} with every request, as a reverse proxy
	 * in front of the site would for a client at this address.
	 */
	public StaffBrowser forwardedFor(String clientAddress) {
		this.forwardedFor = clientAddress;
		return this;
	}

	/** Fills in and sends the sign-in form. */
	public HttpResponse<String> signIn(String email, String password) {
		return submit("/staff/sign-in", "/staff/sign-in", "email", email, "password", password);
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	public Document page(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("status of GET %s", path).isEqualTo(200);
		return parse(response);
	}

	/**
	 * GETs the page at {@code pagePath}, takes the CSRF token from its form posting to
	 * {@code action}, and posts the fields (name, value pairs; a name may repeat) to it.
	 */
	public HttpResponse<String> submit(String pagePath, String action, String... fields) {
		HttpResponse<String> page = get(pagePath);
		assertThat(page.statusCode()).as("status of GET %s", pagePath).isEqualTo(200);
		return post(action, csrfToken(parse(page), action), fields);
	}

	/** Posts fields with the given CSRF token (or none, when it is null). */
	public HttpResponse<String> post(String path, String csrfToken, String... fields) {
		List<String> pairs = new ArrayList<>();
		if (csrfToken != null) {
			pairs.add("_csrf=" + encode(csrfToken));
		}
		for (int i = 0; i < fields.length; i += 2) {
			pairs.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
		}
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
	}

	/**
	 * Posts a multipart form, as a browser sends a form with a file: the CSRF token (if
	 * not null), the fields (name, value pairs), then one file part.
	 */
	public HttpResponse<String> postMultipart(String path, String csrfToken, String fileField, String fileName,
			String contentType, byte[] file, String... fields) {
		String boundary = "----StaffBrowser" + Long.toHexString(System.nanoTime());
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		List<String> pairs = new ArrayList<>();
		if (csrfToken != null) {
			pairs.add("_csrf");
			pairs.add(csrfToken);
		}
		pairs.addAll(List.of(fields));
		for (int i = 0; i < pairs.size(); i += 2) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + pairs.get(i)
					+ "\"\r\n\r\n" + pairs.get(i + 1) + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * Posts a multipart request whose body cannot be read, with the CSRF token in a
	 * header: the site decides whether this person may post here before it reads the
	 * body, and, if they may, refuses the body without running the form. For tests of who
	 * may post where that must change nothing.
	 */
	public HttpResponse<String> postUnreadable(String path, String csrfToken) {
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=unreadable")
			.header("X-CSRF-TOKEN", csrfToken)
			.header("X-XSRF-TOKEN", csrfToken)
			.POST(HttpRequest.BodyPublishers.ofString(
					"--unreadable\r\nContent-Disposition: form-data; name=\"cut\"\r\n\r\ncut off before its end")));
	}

	/** Follows a redirect with a GET, as a browser would. */
	public HttpResponse<String> follow(HttpResponse<String> redirect) {
		assertThat(redirect.statusCode()).as("a redirect").isBetween(301, 303);
		URI target = redirect.uri().resolve(location(redirect));
		return get(target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : ""));
	}

	/** The cookies this browser sends, as a Cookie header's value. */
	public String cookieHeader() {
		List<String> pairs = new ArrayList<>();
		this.cookies.forEach((name, value) -> pairs.add(name + "=" + value));
		return String.join("; ", pairs);
	}

	/** The session id this browser holds, if any. */
	public Optional<String> sessionId() {
		return Optional.ofNullable(this.cookies.get(StaffSecurityProperties.PLAIN_COOKIE_NAME));
	}

	/**
	 * The same browser, with the same cookies, sending its next requests to another
	 * instance of the site (as a load balancer may).
	 */
	public StaffBrowser at(Environment otherInstance) {
		StaffBrowser moved = on(otherInstance);
		moved.cookies.putAll(this.cookies);
		return moved;
	}

	/** Another browser holding the same cookies now (a stolen or copied session). */
	public StaffBrowser copy() {
		StaffBrowser copy = new StaffBrowser(this.port);
		copy.cookies.putAll(this.cookies);
		return copy;
	}

	/** Another browser with the same cookies but this session cookie (a forged one). */
	public StaffBrowser withSessionCookie(String value) {
		StaffBrowser forged = copy();
		forged.cookies.put(StaffSecurityProperties.PLAIN_COOKIE_NAME, value);
		return forged;
	}

	public static String csrfToken(Document page, String action) {
		Element form = page.selectFirst("form[action=\"" + action + "\"]");
		assertThat(form).as("a form posting to %s", action).isNotNull();
		Element token = form.selectFirst("input[name=_csrf]");
		assertThat(token).as("the CSRF token in the form posting to %s", action).isNotNull();
		return token.val();
	}

	public static Document parse(HttpResponse<String> response) {
		return Jsoup.parse(response.body(), response.uri().toString());
	}

	public static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	/** The path (and query) a redirect leads to, without scheme, host and port. */
	public static String redirectPath(HttpResponse<String> response) {
		URI target = response.uri().resolve(location(response));
		return target.getRawPath() + ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "");
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html")
			.header("Accept-Language", this.language);
		if (this.forwardedFor != null) {
			request.header("X-Forwarded-For", this.forwardedFor);
		}
		if (!this.cookies.isEmpty()) {
			List<String> pairs = new ArrayList<>();
			this.cookies.forEach((name, value) -> pairs.add(name + "=" + value));
			request.header("Cookie", String.join("; ", pairs));
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = CLIENT.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			for (String header : response.headers().allValues("Set-Cookie")) {
				remember(header);
			}
			return response;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void remember(String setCookie) {
		String[] parts = setCookie.split(";");
		String[] nameValue = parts[0].split("=", 2);
		String name = nameValue[0].strip();
		String value = (nameValue.length > 1) ? nameValue[1].strip() : "";
		boolean expired = value.isEmpty();
		for (String attribute : parts) {
			String lower = attribute.strip().toLowerCase();
			if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970")) {
				expired = true;
			}
		}
		if (expired) {
			this.cookies.remove(name);
		}
		else {
			this.cookies.put(name, value);
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
