package uk.yourarea.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.testing.DemoSiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rendered public pages are kept and sent again byte for byte (gzipped once for clients
 * that accept it), and forgotten as soon as a change to public content commits.
 */
@DemoSiteTest
class RenderedPageCacheIT {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private RenderedPageCache cache;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transaction;

	@Autowired
	private JdbcTemplate jdbc;

	@BeforeEach
	void startEmpty() {
		this.cache.clear();
	}

	@Test
	void sendsTheSameBytesAgainFromTheKeptPage() throws Exception {
		HttpResponse<byte[]> first = getUntilKept("/area/wigston");

		HttpResponse<byte[]> second = get("/area/wigston", "identity");

		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
		assertThat(second.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(second.headers().firstValue("Cache-Control")).hasValue("public, max-age=0, s-maxage=60");
		assertThat(second.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(second.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void sendsAGzippedCopyToClientsThatAcceptIt() throws Exception {
		byte[] plain = getUntilKept("/areas").body();

		HttpResponse<byte[]> gzipped = get("/areas", "gzip, deflate, br");

		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzipped.headers().allValues("Vary"))
			.anySatisfy((vary) -> assertThat(vary).contains("Accept-Encoding"));
		assertThat(gunzip(gzipped.body())).isEqualTo(plain);
		assertThat(gzipped.body().length).isLessThan(plain.length / 3);
		assertThat(get("/areas", "gzip;q=0").headers().firstValue("Content-Encoding")).isEmpty();
	}

	@Test
	void answersNotModifiedFromTheKeptPage() throws Exception {
		String etag = getUntilKept("/").headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> again = send(HttpRequest.newBuilder(uri("/")).header("If-None-Match", etag).GET());

		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void forgetsEveryPageOnceAChangeThatOtherPagesMayShowCommits() throws Exception {
		keep("/area/wigston", "/areas");

		this.transaction.executeWithoutResult((status) -> {
			this.events.publishEvent(new PublicContentChanged("station", 1, null));
			assertThat(this.cache.holds("/area/wigston")).as("kept until the change commits").isTrue();
		});

		assertThat(this.cache.holds("/area/wigston")).isFalse();
		assertThat(this.cache.holds("/areas")).isFalse();
	}

	@Test
	void aChangeThatOnlyOneNeighbourhoodsPagesShowRendersThemAgainAndKeepsTheRest() throws Exception {
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where slug = 'wigston'", Long.class);
		long priority = this.jdbc.queryForObject(
				"select id from priority where neighbourhood_id = ? and status = 'OPEN' order by id limit 1",
				Long.class, wigston);
		String issue = this.jdbc.queryForObject("select issue from priority where id = ?", String.class, priority);
		String changed = "Parking on the pavement, checked " + UUID.randomUUID();
		keep("/area/wigston", "/cy/area/wigston", "/area/lutterworth", "/areas");
		byte[] lutterworth = get("/area/lutterworth", "identity").body();
		try {
			changePriority(priority, wigston, changed);

			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(kept("/area/wigston")).as("rendered again, with no resident asking")
					.contains(changed));
			assertThat(this.cache.holds(Languages.WELSH, "/area/wigston")).isTrue();
			assertThat(this.cache.holds("/area/lutterworth")).as("another neighbourhood's page is kept").isTrue();
			assertThat(this.cache.holds("/areas")).isTrue();
			assertThat(new String(get("/area/wigston", "identity").body(), StandardCharsets.UTF_8)).contains(changed);
			assertThat(get("/area/lutterworth", "identity").body()).isEqualTo(lutterworth);
		}
		finally {
			changePriority(priority, wigston, issue);
		}
	}

	private String kept(String path) throws Exception {
		return this.cache.holds(path) ? new String(get(path, "identity").body(), StandardCharsets.UTF_8) : "";
	}

	private void changePriority(long priority, long neighbourhood, String issue) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.update("update priority set issue = ? where id = ?", issue, priority);
			this.events.publishEvent(new PublicContentChanged("priority", priority, neighbourhood));
		});
	}

	@Test
	void keepsNoErrorPageNoFormAndNothingWithAQueryString() throws Exception {
		assertThat(get("/area/nowhere", "identity").statusCode()).isEqualTo(404);
		get("/area/wigston/contact", "identity");
		get("/find-your-area?postcode=LE18+1AA", "identity");
		get("/area/wigston?x=1", "identity");

		assertThat(this.cache.holds("/area/nowhere")).isFalse();
		assertThat(this.cache.holds("/area/wigston/contact")).isFalse();
		assertThat(this.cache.holds("/find-your-area")).isFalse();
		assertThat(this.cache.holds("/area/wigston")).isFalse();
	}

	@Test
	void answersHeadWithTheHeadersAlone() throws Exception {
		// Other contexts of the suite share the database, and any public change they make
		// empties this cache too (ChangesAcrossInstances): try again if that happens
		// between the two requests.
		HttpResponse<byte[]> head = null;
		for (int attempt = 0; attempt < 5 && (head == null || head.headers().firstValue("ETag").isEmpty()); attempt++) {
			get("/privacy", "identity");
			head = send(HttpRequest.newBuilder(uri("/privacy")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
		}

		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("ETag")).isPresent();
	}

	/**
	 * Asks for a page until it is kept. Other contexts of the suite share the database,
	 * and a public change any of them makes (or a listener of theirs connecting again)
	 * empties this cache too, through ChangesAcrossInstances.
	 */
	private HttpResponse<byte[]> getUntilKept(String path) throws Exception {
		long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		HttpResponse<byte[]> rendered = get(path, "identity");
		while (!isKept(path) && System.nanoTime() < giveUp) {
			Thread.sleep(200);
			rendered = get(path, "identity");
		}
		assertThat(isKept(path)).as("kept after " + path + " was rendered").isTrue();
		return rendered;
	}

	private void keep(String... paths) {
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
			for (String path : paths) {
				if (!isKept(path)) {
					get(path, "identity");
				}
			}
			return Arrays.stream(paths).allMatch(this::isKept);
		});
	}

	private boolean isKept(String path) {
		return path.startsWith(Languages.WELSH_PREFIX + "/")
				? this.cache.holds(Languages.WELSH, path.substring(Languages.WELSH_PREFIX.length()))
				: this.cache.holds(path);
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept-Encoding", acceptEncoding).GET());
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
		return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static byte[] gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return in.readAllBytes();
		}
	}

}
