package uk.yourarea.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * (an error page, a page with a form token) passes through untouched. Entries go when any
 * public content changes ({@link PublicContentChanged}, after its transaction commits)
 * and after a short lifetime, which bounds how long a time-dependent part of a page
 * (today's opening hours, an event that has just ended) can be out of date.
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

	record Page(byte[] body, byte[] gzipped, String contentType, String etag, String cacheControl, String language) {
	}

	private final Cache<String, Page> pages;

	RenderedPageCache(SiteProperties site) {
		this.pages = Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(site.renderedPageLifetime()).build();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void forgetEverything(PublicContentChanged change) {
		this.pages.invalidateAll();
	}

	/** Forgets every kept page (tests, and operators through a restart). */
	public void clear() {
		this.pages.invalidateAll();
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
		// The language is the address's alone (a /cy address is a key of its own):
		// Accept-Language changes nothing, so a browser set to Welsh is served from here
		// too.
		return !read || request.getQueryString() != null || !KEPT.matcher(request.getRequestURI()).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// WelshPaths, ahead of this filter, has taken the prefix off a Welsh page's path:
		// the key puts it back, so that the two languages are kept apart.
		String key = WelshPaths.isWelsh(request) ? Languages.WELSH_PREFIX + request.getRequestURI()
				: request.getRequestURI();
		Page kept = this.pages.getIfPresent(key);
		if (kept != null) {
			send(kept, request, response);
			return;
		}
		ContentCachingResponseWrapper rendering = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, rendering);
		Page page = keepable(rendering, request);
		if (page != null && "GET".equals(request.getMethod())) {
			this.pages.put(key, page);
		}
		rendering.copyBodyToResponse();
	}

	private static @Nullable Page keepable(ContentCachingResponseWrapper rendering, HttpServletRequest request) {
		String contentType = rendering.getContentType();
		String cacheControl = rendering.getHeader(HttpHeaders.CACHE_CONTROL);
		String etag = rendering.getHeader(HttpHeaders.ETAG);
		byte[] body = rendering.getContentAsByteArray();
		boolean keep = rendering.getStatus() == 200 && contentType != null && contentType.startsWith("text/html")
				&& cacheControl != null && cacheControl.startsWith("public") && etag != null
				&& !rendering.containsHeader(HttpHeaders.SET_COOKIE) && body.length > 0
				&& body.length <= MAX_PAGE_BYTES;
		String language = WelshPaths.isWelsh(request) ? Languages.WELSH.toLanguageTag()
				: Languages.ENGLISH.toLanguageTag();
		return keep ? new Page(body, gzip(body), contentType, etag, cacheControl, language) : null;
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
