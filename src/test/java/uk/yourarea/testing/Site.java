package uk.yourarea.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.jsoup.nodes.Document;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;

/**
 * The running application as a browser sees it: plain HTTP requests to the random port,
 * redirects not followed, so tests can assert on status codes, headers and the HTML
 * exactly as sent.
 */
@TestComponent
public class Site {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final Environment environment;

	public Site(Environment environment) {
		this.environment = environment;
	}

	/**
	 * GETs a path (with any query string already encoded), as a British English browser
	 * would.
	 * @param pathAndQuery for example {@code /area/wigston}
	 * @param headers extra request headers as name, value pairs
	 * @return the response with its body as text
	 */
	public HttpResponse<String> get(String pathAndQuery, String... headers) {
		return get(uri(pathAndQuery), headers);
	}

	/**
	 * GETs a path on the management port, where the health checks and probes are.
	 * @param path for example {@code /actuator/health/readiness}
	 */
	public HttpResponse<String> management(String path) {
		int port = this.environment.getRequiredProperty("local.management.port", Integer.class);
		return get(URI.create("http://localhost:" + port + path), "Accept", "application/json");
	}

	private HttpResponse<String> get(URI uri, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
		if (!Arrays.asList(headers).contains("Accept-Language")) {
			request.header("Accept-Language", "en-GB");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		if (!Arrays.asList(headers).contains("Accept")) {
			request.header("Accept", "text/html");
		}
		try {
			return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** GETs a page and parses it. */
	public Document page(String pathAndQuery) {
		return Pages.parse(get(pathAndQuery));
	}

	/**
	 * The find-your-area URL for what a resident typed, encoded as a browser submits the
	 * form.
	 */
	public static String findYourArea(String typed) {
		return "/find-your-area?postcode=" + URLEncoder.encode(typed, StandardCharsets.UTF_8);
	}

	/** A visitor with their own cookies, who can fill in and send forms. */
	public Visitor visitor() {
		return new Visitor(uri("/").toString().replaceAll("/$", ""));
	}

	private URI uri(String pathAndQuery) {
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		return URI.create("http://localhost:" + port + pathAndQuery);
	}

}
