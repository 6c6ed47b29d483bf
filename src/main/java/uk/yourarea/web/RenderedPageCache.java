package uk.yourarea.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the finished bytes of the public pages everyone reads (the home page, the A–Z
 * list and each Your Area page) so that a repeat request is answered without Spring MVC,
 * Thymeleaf or the database: nearly as fast as a static file. A gzipped copy is made
 * once, so compressing costs nothing per request either.
 * <p>
 * What is kept is exactly what was sent the first time: only a 200 with an HTML body, no
 * cookie and the public {@code Cache-Control} of {@code PublicPageCaching}; anything else
 * (an error page, a page with a form token) passes through untouched.
 * <p>
 * No resident waits for a page to be rendered again once it is kept:
 * <ul>
 * <li>When public content changes ({@link PublicContentChanged}, after its transaction
 * commits), a change that only one neighbourhood's pages show has those pages rendered
 * again in the background, and keeps every other page; residents get the old bytes for
 * those milliseconds, and the request that made the change answers once they are in
 * ({@link ChangesShownBeforeAnswering}). Any other change forgets every page.</li>
 * <li>A page is kept for a short lifetime, which bounds how long a time-dependent part of
 * it (today's opening hours, an event that has just ended) can be out of date. A page
 * still read in the last quarter of its lifetime is rendered again in the
 * background.</li>
 * </ul>
 * Both ask this instance for the page ({@link PageRefresher}); if that fails, the page is
 * forgotten and the next reader renders it. A rendering that began before a change
 * committed is never kept, since it may show what the change replaced.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class RenderedPageCache extends OncePerRequestFilter {

	/**
	 * The pages kept: no query string, and for Your Area pages one path segment. A Welsh
	 * page is kept by the same path (this filter sees it without the prefix) and its
	 * language.
	 */
	private static final Pattern KEPT = Pattern
		.compile("/|/areas|/area/[a-z0-9]+(-[a-z0-9]+)*|/accessibility|/privacy");

	private static final int MAX_PAGE_BYTES = 512 * 1024;

	private static final String NEIGHBOURHOOD = RenderedPageCache.class.getName() + ".NEIGHBOURHOOD";

	/**
	 * A kept page.
	 *
	 * @param key what it is kept by
	 * @param address where a resident asks for it (context path, {@code /cy}, path)
	 * @param neighbourhoodId the neighbourhood whose page it is, if it is one
	 * @param renderedAt when it was rendered ({@link System#nanoTime()})
	 */
	record Page(byte[] body, byte[] gzipped, String contentType, String etag, String cacheControl, String language,
			String key, String address, @Nullable Long neighbourhoodId, long renderedAt) {
	}

	private final Cache<String, Page> pages;

	private final PageRefresher refresher;

	private final long refreshAfterNanos;

	/**
	 * The renderings this thread's committed changes started, while a request that may
	 * change public content is answered.
	 */
	private static final ThreadLocal<List<Future<?>>> AWAITED = new ThreadLocal<>();

	/** Pages being rendered again in the background, so that each is asked for once. */
	private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

	private final ThreadPoolExecutor background;

	/** How many changes have committed: a page rendered across one is not kept. */
	private final AtomicLong changes = new AtomicLong();

	RenderedPageCache(SiteProperties site, PageRefresher refresher) {
		this.pages = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(site.renderedPageLifetime()).build();
		this.refresher = refresher;
		this.refreshAfterNanos = site.renderedPageLifetime().toNanos() * 3 / 4;
		this.background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1_000),
				(task) -> {
					Thread thread = new Thread(task, "page-refresh");
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Marks the page being rendered as a neighbourhood's own page, so that a change only
	 * that neighbourhood's pages show renders it again.
	 */
	public static void showsNeighbourhood(HttpServletRequest request, long neighbourhoodId) {
		request.setAttribute(NEIGHBOURHOOD, neighbourhoodId);
	}

	/**
	 * Once a change commits: renders the pages of the one neighbourhood that shows it
	 * again in the background (residents get the old bytes meanwhile), or forgets every
	 * page. Never on the committing thread, which may still hold its database connection.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void contentChanged(PublicContentChanged change) {
		this.changes.incrementAndGet();
		Long neighbourhoodId = change.shownOnlyByPagesOf();
		if (neighbourhoodId == null) {
			this.pages.invalidateAll();
			return;
		}
		List<Page> shown = this.pages.asMap()
			.values()
			.stream()
			.filter((page) -> neighbourhoodId.equals(page.neighbourhoodId()))
			.toList();
		List<Future<?>> awaited = AWAITED.get();
		for (Page page : shown) {
			try {
				Future<?> rendered = this.background.submit(() -> {
					this.refresher.refresh(page.address());
					forgetUnlessRenderedAgain(page);
				});
				if (awaited != null) {
					awaited.add(rendered);
				}
			}
			catch (RejectedExecutionException ex) {
				this.pages.invalidate(page.key());
			}
		}
	}

	/**
	 * Starts noting the pages this thread's changes have rendered again (see
	 * {@link ChangesShownBeforeAnswering}).
	 */
	static void noteRenderingsStartedHere() {
		AWAITED.set(new ArrayList<>());
	}

	/**
	 * Waits, at most this long in all, until the pages this thread's changes render again
	 * are in, and stops noting them.
	 */
	static void awaitRenderingsStartedHere(Duration longest) {
		List<Future<?>> awaited = AWAITED.get();
		AWAITED.remove();
		if (awaited == null) {
			return;
		}
		long deadline = System.nanoTime() + longest.toNanos();
		for (Future<?> rendering : awaited) {
			try {
				rendering.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException | TimeoutException | CancellationException ex) {
				// The page is forgotten (or will be), and its next reader renders it.
			}
		}
	}

	/** Forgets every kept page (tests, and operators through a restart). */
	public void clear() {
		this.pages.invalidateAll();
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

	/** Whether a rendered English page is kept for this path. */
	boolean holds(String path) {
		return this.pages.getIfPresent(path) != null;
	}

	/** Whether a rendered page is kept for this path in this language. */
	boolean holds(Locale language, String path) {
		return this.pages.getIfPresent(Languages.pathPrefix(language) + path) != null;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		return !read || request.getQueryString() != null || !KEPT.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// WelshPaths, ahead of this filter, has taken the prefix off a Welsh page's path:
		// the key puts it back, so that the two languages are kept apart.
		String key = WelshPaths.isWelsh(request) ? Languages.WELSH_PREFIX + request.getRequestURI()
				: request.getRequestURI();
		boolean refresh = this.refresher.isRefresh(request);
		Page kept = refresh ? null : this.pages.getIfPresent(key);
		if (kept != null) {
			if (System.nanoTime() - kept.renderedAt() > this.refreshAfterNanos) {
				refreshInBackground(kept);
			}
			send(kept, request, response);
			return;
		}
		long changesBefore = this.changes.get();
		long startedAt = System.nanoTime();
		ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, rendering);
		Page page = keepable(rendering, request, key, startedAt);
		if (page != null && "GET".equals(request.getMethod()) && this.changes.get() == changesBefore) {
			this.pages.put(key, page);
			// A change that committed between the check and the put may have been missed.
			if (this.changes.get() != changesBefore) {
				this.pages.asMap().remove(key, page);
			}
		}
		rendering.copyBodyToResponse();
	}

	private void refreshInBackground(Page page) {
		if (this.refreshing.add(page.key())) {
			try {
				this.background.execute(() -> {
					try {
						this.refresher.refresh(page.address());
						forgetUnlessRenderedAgain(page);
					}
					finally {
						this.refreshing.remove(page.key());
					}
				});
			}
			catch (RejectedExecutionException ex) {
				this.refreshing.remove(page.key());
			}
		}
	}

	/**
	 * Forgets a page that asking for it again did not replace: it could not be rendered,
	 * is no longer one to keep (a 404 now), or was rendered across another change.
	 */
	private void forgetUnlessRenderedAgain(Page page) {
		this.pages.asMap().remove(page.key(), page);
	}

	private static @Nullable Page keepable(ContentCachingResponseWrapper rendering, HttpServletRequest request,
			String key, long renderedAt) {
		String contentType = rendering.getContentType();
		String cacheControl = rendering.getHeader(HttpHeaders.CACHE_CONTROL);
		String etag = rendering.getHeader(HttpHeaders.ETAG);
		byte[] body = rendering.getContentAsByteArray();
		boolean keep = rendering.getStatus() == 200 && contentType != null && contentType.startsWith("text/html")
				&& cacheControl != null && cacheControl.startsWith("public") && etag != null
				&& !rendering.containsHeader(HttpHeaders.SET_COOKIE) && body.length > 0
				&& body.length <= MAX_PAGE_BYTES;
		if (!keep) {
			return null;
		}
		boolean welsh = WelshPaths.isWelsh(request);
		String language = welsh ? Languages.WELSH.toLanguageTag() : Languages.ENGLISH.toLanguageTag();
		String contextPath = request.getContextPath();
		String address = welsh
				? contextPath + Languages.WELSH_PREFIX + request.getRequestURI().substring(contextPath.length())
				: request.getRequestURI();
		Object neighbourhoodId = request.getAttribute(NEIGHBOURHOOD);
		return new Page(body, gzip(body), contentType, etag, cacheControl, language, key, address,
				(neighbourhoodId instanceof Long id) ? id : null, renderedAt);
	}

	private static void send(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, page.cacheControl());
		response.setHeader(HttpHeaders.ETAG, page.etag());
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.language());
		if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), page.etag())) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentType(page.contentType());
		boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		byte[] body = gzip ? page.gzipped() : page.body();
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		if ("GET".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
	}

	static boolean matches(@Nullable String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		String bare = etag.replaceFirst("^W/", "");
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.trim().replaceFirst("^W/", "");
			if (tag.equals("*") || tag.equals(bare)) {
				return true;
			}
		}
		return false;
	}

	static boolean acceptsGzip(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String coding : acceptEncoding.split(",")) {
			String[] parts = coding.trim().split(";");
			if (parts[0].trim().equalsIgnoreCase("gzip")) {
				return parts.length == 1 || !parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
			}
		}
		return false;
	}

	private static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
