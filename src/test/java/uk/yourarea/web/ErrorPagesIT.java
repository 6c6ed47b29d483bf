package uk.yourarea.web;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses that lead nowhere get the site's own 404 page, never a stack trace; requests
 * Tomcat refuses get the site's words too, never Tomcat's page.
 */
@DemoSiteTest
class ErrorPagesIT {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	private Site site;

	@Autowired
	private Environment environment;

	@ParameterizedTest
	@ValueSource(strings = { "/area/nowhere", "/no-such-page" })
	void answersAnUnknownAddressWithTheSitesNotFoundPage(String path) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).contains("Page not found");
		assertThat(page.title()).startsWith("Page not found");
		assertThat(page.select("main a").eachAttr("href")).contains("/", "/areas");
		assertThat(page.body().text()).contains(Pages.DEMONSTRATION_BANNER);
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("at uk.yourarea.")
			.doesNotContain("at org.springframework.")
			.doesNotContain("No neighbourhood nowhere")
			.doesNotContain("Whitelabel");
	}

	@Test
	void aTenMegabyteMessageGetsTheSites413PageInABrowser() {
		Visitor resident = this.site.visitor();
		Document form = resident.page("/area/south-wigston/contact");
		Map<String, String> fields = new HashMap<>();
		fields.put("name", "Sam Resident");
		fields.put("message", "x".repeat(10 * 1024 * 1024));

		HttpResponse<String> response = resident.submit(form, "form[action$='/contact']", fields);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).isEqualTo("What you sent is too large");
		assertThat(page.body().text()).contains(Pages.DEMONSTRATION_BANNER).contains("5,000 characters");
	}

	@Test
	void aTenMegabyteBodyFromAClientThatIsNotABrowserGetsAShortPlainAnswerNotAnEmptyOne() throws Exception {
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(log);
		HttpResponse<String> response;
		try {
			response = CLIENT.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.environment.getRequiredProperty("local.server.port")
						+ "/area/south-wigston/contact"))
				.header("Accept", "*/*")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("message=" + "x".repeat(10 * 1024 * 1024)))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		finally {
			root.detachAppender(log);
		}

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(response.body()).startsWith("What you sent is too large.").contains("5,000 characters");
		assertThat(log.list).as("routine: nothing for an operator to act on")
			.filteredOn((event) -> event.getThreadName().contains("exec"))
			.filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEmpty();
	}

	@Test
	void anAddressTooLongForTheServerGetsTheSitesErrorPageNotTomcatsOrAHang() {
		HttpResponse<String> response = this.site.get("/find-your-area?postcode=" + "A".repeat(100 * 1024));

		assertThat(response.statusCode()).isIn(400, 414);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).isEqualTo("Sorry, there is a problem");
		assertThat(page.body().text()).contains("Error 400").contains("Gwall 400");
		assertThat(response.body()).doesNotContain("Apache Tomcat").doesNotContain("HTTP Status 400");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'self'"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	/**
	 * Requests Tomcat refuses before the application sees them, sent as they come over
	 * the wire: an address it cannot decode, a character no request line may hold, a
	 * header it cannot parse. Each gets the site's page, in English and then in Welsh,
	 * whatever the client accepts, and nothing that names the server; and the site logs
	 * no error for them.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "GET /%zz HTTP/1.1", "GET /% HTTP/1.1", "GET /a%00b HTTP/1.1", "GET /cy/%zz HTTP/1.1",
			"GET /a<b> HTTP/1.1" })
	void aRequestTomcatCannotReadGetsTheSitesPageInBothLanguagesNotTomcats(String requestLine) throws IOException {
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(log);
		RawResponse response;
		try {
			response = raw(requestLine + "\r\nHost: localhost\r\nAccept: */*\r\nConnection: close\r\n\r\n");
		}
		finally {
			root.detachAppender(log);
		}

		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		assertThat(response.header("Content-Type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
		assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("style-src 'self' 'sha256-");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.body()).doesNotContain("Tomcat").doesNotContain("HTTP Status");
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("h1").eachText()).containsExactly("Sorry, there is a problem",
				"Mae'n ddrwg gennym, mae problem wedi codi");
		assertThat(page.selectFirst("main > [lang=cy]").text()).contains("Gwall 400.");
		// The demo sets the force's Welsh name.
		assertThat(page.select("header p").first().text()).isEqualTo("Leicestershire Police / Heddlu Swydd Gaerlŷr");
		assertThat(page.title()).endsWith(" – Eich Ardal – Heddlu Swydd Gaerlŷr");
		assertThat(log.list).as("routine: nothing for an operator to act on")
			.filteredOn((event) -> event.getThreadName().contains("exec"))
			.filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEmpty();
	}

	@Test
	void aHeaderTomcatCannotParseGetsTheSitesPage() throws IOException {
		RawResponse response = raw("GET / HTTP/1.1\r\nHost: localhost\r\nNot a header\r\nConnection: close\r\n\r\n");

		assertThat(response.statusLine()).startsWith("HTTP/1.1 400");
		assertThat(Jsoup.parse(response.body()).select("h1").first().text()).isEqualTo("Sorry, there is a problem");
	}

	private record RawResponse(String statusLine, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase(name))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse("");
		}

	}

	/** Sends bytes no HTTP client would, and reads the answer to the end. */
	private RawResponse raw(String request) throws IOException {
		int port = this.environment.getRequiredProperty("local.server.port", Integer.class);
		byte[] answer;
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			answer = socket.getInputStream().readAllBytes();
		}
		String text = new String(answer, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		assertThat(end).as("the end of the headers in: " + text).isPositive();
		List<String> lines = List.of(text.substring(0, end).split("\r\n"));
		Map<String, String> headers = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			headers.put(line.substring(0, line.indexOf(':')).strip(), line.substring(line.indexOf(':') + 1).strip());
		}
		return new RawResponse(lines.get(0), headers, text.substring(end + 4));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/area/nowhere", "/no-such-page" })
	void sendsTheSecurityHeadersWithTheNotFoundPage(String path) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'self'"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

}
