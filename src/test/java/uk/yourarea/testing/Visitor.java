package uk.yourarea.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One person using the site over real HTTP: keeps their cookies (session, CSRF) and sends
 * forms the way a browser without JavaScript does, with every field the page put in the
 * form (hidden ones included) unless the test overrides it. Redirects are not followed.
 */
public class Visitor {

	private final String base;

	private final HttpClient client;

	/**
	 * Pages in English: Welsh pages are asked for by their /cy address, not the header.
	 */
	private final String language = "en-GB";

	/** A visitor of the site at {@code base}, such as {@code http://localhost:8080}. */
	public Visitor(String base) {
		this.base = base;
		this.client = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	public Document page(String path) {
		return Pages.parse(get(path));
	}

	/**
	 * Sends the form matched by the selector with what the page filled in, changed by
	 * {@code fields}.
	 */
	public HttpResponse<String> submit(Document page, String formSelector, Map<String, String> fields) {
		Element form = page.selectFirst(formSelector);
		if (form == null) {
			throw new AssertionError("No form " + formSelector + " on the page");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Element input : form.select("input[name], textarea[name], select[name]")) {
			String type = input.attr("type");
			if (("radio".equals(type) || "checkbox".equals(type)) && !input.hasAttr("checked")) {
				continue;
			}
			values.put(input.attr("name"), input.is("textarea") ? input.text() : input.val());
		}
		values.putAll(fields);
		return post(form.attr("action"), values);
	}

	public HttpResponse<String> post(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts a form whose answer is a file to download, and returns its bytes. */
	public HttpResponse<byte[]> download(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		try {
			return this.client.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Follows a redirect answer to the page it points at. */
	public HttpResponse<String> follow(HttpResponse<String> redirect) {
		String location = redirect.headers().firstValue("Location").orElseThrow();
		return get(location.startsWith("http")
				? URI.create(location).getRawPath()
						+ (URI.create(location).getRawQuery() != null ? "?" + URI.create(location).getRawQuery() : "")
				: location);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.timeout(Duration.ofSeconds(30))
				.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
				.header("Accept-Language", this.language)
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
