package uk.yourarea.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A force that does not offer Welsh (the default): no page under {@code /cy}, no language
 * switch and no {@code hreflang} links.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "yourarea.site.languages=en", "yourarea.mail.relay-enabled=false" })
class WelshOffIT {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "/cy", "/cy/", "/cy/areas", "/cy/find-your-area?postcode=LE18+1AA" })
	void aWelshAddressIsNotFound(String path) throws Exception {
		HttpResponse<String> answer = get(path);

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(answer.body()).selectFirst("html").attr("lang")).isEqualTo("en-GB");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/areas" })
	void anEnglishPageOffersNoWelsh(String path) throws Exception {
		HttpResponse<String> answer = get(path);

		assertThat(answer.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(answer.body());
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en-GB");
		assertThat(page.select(".ya-language-switch")).isEmpty();
		assertThat(page.select("link[hreflang]")).isEmpty();
		assertThat(page.select("[href^=/cy]")).isEmpty();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "cy")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
