package uk.yourarea.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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

/** Addresses that lead nowhere get the site's own 404 page, never a stack trace. */
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
		assertThat(page.body().text()).contains(Pages.DEMONSTRATION_BANNER).contains("Error 400");
		assertThat(response.body()).doesNotContain("Apache Tomcat").doesNotContain("HTTP Status 400");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'self'"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
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
