package uk.yourarea.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rendered page cache on its own, with pages made up here and this instance's
 * refreshes made in-process: which pages a change renders again, which it forgets, and
 * the renderings in the background that keep a much-read page from expiring.
 */
class RenderedPageCacheTests {

	private static final long WIGSTON = 7;

	private static final long OADBY = 8;

	/** What each address renders now, and which neighbourhood's page it is. */
	private final Map<String, String> content = new ConcurrentHashMap<>();

	private final Map<String, Long> neighbourhoodOf = Map.of("/area/wigston", WIGSTON, "/area/oadby", OADBY);

	private final AtomicInteger renderings = new AtomicInteger();

	private final List<String> refreshed = new CopyOnWriteArrayList<>();

	/** Set to fail the refreshes, as when the instance cannot reach itself. */
	private volatile boolean unreachable;

	private Runnable duringRendering = () -> {
	};

	private volatile Runnable beforeRefresh = () -> {
	};

	private final Refreshes refresher = new Refreshes();

	private RenderedPageCache cache = cacheKeepingPagesFor(Duration.ofSeconds(60));

	@AfterEach
	void stop() {
		this.cache.stop();
	}

	@Test
	void aChangeThatOnlyOneNeighbourhoodsPagesShowRendersThemAgainAtOnceAndKeepsTheRest() throws Exception {
		read("/area/wigston");
		read("/area/oadby");
		read("/areas");
		this.content.put("/area/wigston", "Wigston, changed");

		committedInARequest(new PublicContentChanged("priority", 1, WIGSTON));

		assertThat(this.refreshed).containsExactly("/area/wigston");
		int before = this.renderings.get();
		assertThat(read("/area/wigston")).isEqualTo("Wigston, changed");
		assertThat(read("/area/oadby")).isEqualTo("Oadby");
		assertThat(read("/areas")).isEqualTo("Every neighbourhood");
		assertThat(this.renderings.get()).as("all three from the cache").isEqualTo(before);
	}

	@Test
	void aPageThatCannotBeRenderedAgainIsForgotten() throws Exception {
		read("/area/wigston");
		this.unreachable = true;
		this.content.put("/area/wigston", "Wigston, changed");

		committedInARequest(new PublicContentChanged("event", 1, WIGSTON));

		assertThat(this.cache.holds("/area/wigston")).isFalse();
		assertThat(read("/area/wigston")).isEqualTo("Wigston, changed");
	}

	@Test
	void residentsGetTheOldPageUntilTheNewOneIsIn() throws Exception {
		read("/area/wigston");
		this.content.put("/area/wigston", "Wigston, changed");
		CountDownLatch rendering = refreshesWaitFor();

		this.cache.contentChanged(new PublicContentChanged("alert", 1, WIGSTON));

		assertThat(read("/area/wigston")).isEqualTo("Wigston");
		rendering.countDown();
		await().atMost(Duration.ofSeconds(5)).until(() -> "Wigston, changed".equals(keptBody("/area/wigston")));
	}

	@Test
	void aRequestThatChangedContentAnswersOnceItsPagesAreRenderedAgain() throws Exception {
		read("/area/wigston");
		this.content.put("/area/wigston", "Wigston, changed");
		this.beforeRefresh = () -> pause(Duration.ofMillis(300));
		HttpServlet savesAPriority = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest request, HttpServletResponse response) {
				RenderedPageCacheTests.this.cache.contentChanged(new PublicContentChanged("priority", 1, WIGSTON));
				response.setStatus(303);
			}
		};

		new ChangesShownBeforeAnswering().doFilter(new MockHttpServletRequest("POST", "/staff/priorities/1"),
				new MockHttpServletResponse(), new MockFilterChain(savesAPriority));

		assertThat(keptBody("/area/wigston")).isEqualTo("Wigston, changed");
	}

	@Test
	void aRequestThatMadeAChangeWaitsNoLongerThanItsLimitForThePages() throws Exception {
		read("/area/wigston");
		CountDownLatch rendering = refreshesWaitFor();
		RenderedPageCache.noteRenderingsStartedHere();
		this.cache.contentChanged(new PublicContentChanged("alert", 1, WIGSTON));

		long started = System.nanoTime();
		RenderedPageCache.awaitRenderingsStartedHere(Duration.ofMillis(300));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
				Duration.ofSeconds(3));
		rendering.countDown();
	}

	@Test
	void aChangeOfPlacesOrOfNoOneNeighbourhoodForgetsEveryPage() throws Exception {
		for (PublicContentChanged change : List.of(new PublicContentChanged("coverage", 1, WIGSTON),
				new PublicContentChanged("neighbourhood", WIGSTON, WIGSTON),
				new PublicContentChanged("station", 1, null), PublicContentChanged.anythingOnAnotherInstance())) {
			read("/area/wigston");
			read("/areas");

			this.cache.contentChanged(change);

			assertThat(this.cache.holds("/area/wigston")).as(change.toString()).isFalse();
			assertThat(this.cache.holds("/areas")).as(change.toString()).isFalse();
		}
		assertThat(this.refreshed).isEmpty();
	}

	@Test
	void aPageRenderedWhileAChangeCommittedIsNotKept() throws Exception {
		this.duringRendering = () -> this.cache.contentChanged(new PublicContentChanged("station", 1, null));

		assertThat(read("/area/wigston")).isEqualTo("Wigston");

		assertThat(this.cache.holds("/area/wigston")).isFalse();
	}

	@Test
	void aPageStillReadLateInItsLifetimeIsRenderedAgainInTheBackground() throws Exception {
		this.cache.stop();
		this.cache = cacheKeepingPagesFor(Duration.ofMillis(800));
		read("/area/wigston");
		this.content.put("/area/wigston", "Wigston, later");
		Thread.sleep(650);

		assertThat(read("/area/wigston")).as("the kept page, at once").isEqualTo("Wigston");

		await().atMost(Duration.ofSeconds(5)).until(() -> this.refreshed.contains("/area/wigston"));
		await().atMost(Duration.ofSeconds(5)).until(() -> "Wigston, later".equals(keptBody("/area/wigston")));
		Thread.sleep(300);
		assertThat(this.cache.holds("/area/wigston")).as("past the first page's lifetime").isTrue();
	}

	@Test
	void aPageNotReadLateInItsLifetimeExpires() throws Exception {
		this.cache.stop();
		this.cache = cacheKeepingPagesFor(Duration.ofMillis(300));
		read("/area/wigston");

		Thread.sleep(400);

		assertThat(this.cache.holds("/area/wigston")).isFalse();
		assertThat(this.refreshed).isEmpty();
	}

	@Test
	void onlyThisInstancesOwnRefreshesSkipTheKeptPage() throws Exception {
		read("/area/wigston");
		this.content.put("/area/wigston", "Wigston, changed");
		MockHttpServletRequest forged = request("/area/wigston");
		forged.addHeader(PageRefresher.HEADER, "guessed");

		assertThat(body(forged)).isEqualTo("Wigston");
	}

	/** Holds every refresh back until the latch it answers is counted down. */
	private CountDownLatch refreshesWaitFor() {
		CountDownLatch latch = new CountDownLatch(1);
		this.beforeRefresh = () -> {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		return latch;
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A change committed by a request, which waits for the pages it has rendered again.
	 */
	private void committedInARequest(PublicContentChanged change) {
		RenderedPageCache.noteRenderingsStartedHere();
		this.cache.contentChanged(change);
		RenderedPageCache.awaitRenderingsStartedHere(Duration.ofSeconds(5));
	}

	private RenderedPageCache cacheKeepingPagesFor(Duration lifetime) {
		SiteProperties site = new SiteProperties("Your Area", null, true, Duration.ZERO, Duration.ofSeconds(60),
				"http://localhost:8080", lifetime, List.of("en"));
		this.content.putIfAbsent("/area/wigston", "Wigston");
		this.content.putIfAbsent("/area/oadby", "Oadby");
		this.content.putIfAbsent("/areas", "Every neighbourhood");
		return new RenderedPageCache(site, this.refresher);
	}

	private String read(String path) throws Exception {
		return body(request(path));
	}

	private String body(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.cache.doFilter(request, response, new MockFilterChain(new Renders()));
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private String keptBody(String path) throws Exception {
		return this.cache.holds(path) ? read(path) : null;
	}

	private static MockHttpServletRequest request(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.addHeader("Accept-Encoding", "identity");
		return request;
	}

	/** The site's pages, as they would be rendered now. */
	private final class Renders extends HttpServlet {

		@Override
		protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
			RenderedPageCacheTests.this.renderings.incrementAndGet();
			Long neighbourhood = RenderedPageCacheTests.this.neighbourhoodOf.get(request.getRequestURI());
			if (neighbourhood != null) {
				RenderedPageCache.showsNeighbourhood(request, neighbourhood);
			}
			RenderedPageCacheTests.this.duringRendering.run();
			String body = RenderedPageCacheTests.this.content.get(request.getRequestURI());
			response.setContentType("text/html;charset=UTF-8");
			response.setHeader("Cache-Control", "public, max-age=0, s-maxage=60");
			response.setHeader("ETag", "\"" + Integer.toHexString(body.hashCode()) + "\"");
			response.getWriter().write(body);
		}

	}

	/** This instance asking itself for a page, in-process. */
	private final class Refreshes extends PageRefresher {

		private static final String SECRET = "this instance's own";

		Refreshes() {
			super(new MockEnvironment());
		}

		@Override
		boolean refresh(String address) {
			RenderedPageCacheTests.this.beforeRefresh.run();
			RenderedPageCacheTests.this.refreshed.add(address);
			if (RenderedPageCacheTests.this.unreachable) {
				return false;
			}
			MockHttpServletRequest request = request(address);
			request.addHeader(PageRefresher.HEADER, SECRET);
			try {
				body(request);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return true;
		}

		@Override
		boolean isRefresh(HttpServletRequest request) {
			return SECRET.equals(request.getHeader(PageRefresher.HEADER));
		}

	}

	@Test
	void matchesAnEntityTagStrongOrWeakOrInAList() {
		assertThat(RenderedPageCache.matches("\"abc\"", "\"abc\"")).isTrue();
		assertThat(RenderedPageCache.matches("W/\"abc\"", "\"abc\"")).isTrue();
		assertThat(RenderedPageCache.matches("\"x\", \"abc\"", "\"abc\"")).isTrue();
		assertThat(RenderedPageCache.matches("*", "\"abc\"")).isTrue();
		assertThat(RenderedPageCache.matches("\"abd\"", "\"abc\"")).isFalse();
		assertThat(RenderedPageCache.matches(null, "\"abc\"")).isFalse();
	}

	@Test
	void acceptsGzipUnlessItsQualityIsZero() {
		assertThat(RenderedPageCache.acceptsGzip("gzip, deflate, br")).isTrue();
		assertThat(RenderedPageCache.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
		assertThat(RenderedPageCache.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(RenderedPageCache.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(RenderedPageCache.acceptsGzip("deflate")).isFalse();
		assertThat(RenderedPageCache.acceptsGzip(null)).isFalse();
	}

}
