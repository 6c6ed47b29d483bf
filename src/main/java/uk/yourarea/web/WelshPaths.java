package uk.yourarea.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Welsh site: a public page's address with {@code /cy} in front of it
 * ({@code /cy/area/wigston}) is the same page in Welsh. Ahead of every other filter of
 * the site and of Spring Security, this takes the prefix off, so that the rest of the
 * application (the filters, Spring Security's matchers, Spring MVC and the controllers)
 * sees the page's bare path, and marks the request Welsh ({@link #WELSH}), which the
 * site's {@code LocaleResolver} reads. Addresses the application sends back (a
 * {@code Location} header, {@code encodeURL}) get the prefix again when they are public
 * pages of the site; links in templates get it from {@link WelshLinks}.
 * <p>
 * Never Welsh, so never prefixed and a {@code 404} under {@code /cy}: the staff pages,
 * the API, Spring Security's passkey endpoints, the actuator and the static files
 * (docs/adr/0010). With Welsh off ({@code yourarea.site.languages} without {@code cy})
 * this does nothing, and {@code /cy/...} is a 404 like any other unknown address.
 * <p>
 * An English request is passed on as it is: nothing is allocated for it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WelshPaths extends OncePerRequestFilter {

	/**
	 * The request attribute that marks a Welsh request; its value is the page's bare path
	 * (within the site, without the prefix).
	 */
	public static final String WELSH = WelshPaths.class.getName() + ".WELSH";

	private static final String PREFIX = Languages.WELSH_PREFIX;

	/** Paths that are never Welsh: staff, API, security endpoints and static files. */
	private static final List<String> NEVER = List.of("/staff", "/api", "/actuator", "/webauthn", "/login", "/assets",
			"/images", "/photos", "/error", "/cy");

	private final boolean offersWelsh;

	WelshPaths(SiteProperties site) {
		this.offersWelsh = site.offersWelsh();
	}

	/** Whether a request was made under {@code /cy}. */
	public static boolean isWelsh(HttpServletRequest request) {
		return request.getAttribute(WELSH) != null;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// A Welsh request's error page links to Welsh pages too.
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.offersWelsh;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isWelsh(request)) {
			// The error dispatch of a Welsh request: the request is the container's own.
			chain.doFilter(request, new WelshResponse(response, request.getContextPath()));
			return;
		}
		String contextPath = request.getContextPath();
		String uri = request.getRequestURI();
		if (!uri.startsWith(PREFIX, contextPath.length())) {
			chain.doFilter(request, response);
			return;
		}
		String path = uri.substring(contextPath.length());
		String bare = bare(path);
		if (bare == null) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(WELSH, bare);
		if (never(bare)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(new WelshRequest(request, contextPath, bare),
				new WelshResponse(response, request.getContextPath()));
	}

	/**
	 * The path without the Welsh prefix: {@code /} for {@code /cy} and {@code /cy/},
	 * {@code /area/x} for {@code /cy/area/x}, null for a path that is not Welsh
	 * ({@code /cymru}).
	 */
	static @Nullable String bare(String path) {
		if (!path.startsWith(PREFIX)) {
			return null;
		}
		if (path.length() == PREFIX.length()) {
			return "/";
		}
		return (path.charAt(PREFIX.length()) == '/') ? path.substring(PREFIX.length()) : null;
	}

	/** Whether a path within the site is one that is never Welsh. */
	static boolean never(String path) {
		for (String start : NEVER) {
			if (path.startsWith(start) && (path.length() == start.length() || path.charAt(start.length()) == '/'
					|| path.charAt(start.length()) == '?' || path.charAt(start.length()) == '#')) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The address in Welsh: a path of this site's public pages gets {@code /cy} after the
	 * context path; anything else (an absolute URL, {@code mailto:}, a fragment, a
	 * relative path, a staff page or a static file) is left as it is.
	 */
	static String welsh(String url, String contextPath) {
		if (url.isEmpty() || url.charAt(0) != '/' || url.startsWith("//") || !url.startsWith(contextPath)) {
			return url;
		}
		String path = url.substring(contextPath.length());
		if (path.isEmpty() || path.charAt(0) != '/' || never(path)) {
			return url;
		}
		return contextPath + (path.equals("/") ? PREFIX : PREFIX + path);
	}

	/** A Welsh request as the application sees it: without the prefix. */
	static final class WelshRequest extends HttpServletRequestWrapper {

		private final String contextPath;

		private final String bare;

		WelshRequest(HttpServletRequest request, String contextPath, String bare) {
			super(request);
			this.contextPath = contextPath;
			this.bare = bare;
		}

		@Override
		public String getRequestURI() {
			return this.contextPath + this.bare;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = super.getRequestURL();
			String uri = super.getRequestURI();
			if (url.length() >= uri.length() && url.substring(url.length() - uri.length()).equals(uri)) {
				url.setLength(url.length() - uri.length());
				url.append(getRequestURI());
			}
			return url;
		}

		@Override
		public String getServletPath() {
			return stripped(super.getServletPath());
		}

		@Override
		public @Nullable String getPathInfo() {
			String pathInfo = super.getPathInfo();
			return (pathInfo != null) ? stripped(pathInfo) : null;
		}

		@Override
		public @Nullable String getPathTranslated() {
			return null;
		}

		@Override
		public Locale getLocale() {
			return Languages.WELSH;
		}

		@Override
		public Enumeration<Locale> getLocales() {
			return Collections.enumeration(List.of(Languages.WELSH));
		}

		private static String stripped(String path) {
			String bare = bare(path);
			return (bare != null) ? bare : path;
		}

	}

	/** A Welsh response: the site's own public addresses it sends back are Welsh. */
	static final class WelshResponse extends HttpServletResponseWrapper {

		private final String contextPath;

		WelshResponse(HttpServletResponse response, String contextPath) {
			super(response);
			this.contextPath = contextPath;
		}

		@Override
		public String encodeURL(String url) {
			return super.encodeURL(welsh(url, this.contextPath));
		}

		@Override
		public String encodeRedirectURL(String url) {
			return super.encodeRedirectURL(welsh(url, this.contextPath));
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			super.sendRedirect(welsh(location, this.contextPath));
		}

		@Override
		public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
			super.sendRedirect(welsh(location, this.contextPath), sc, clearBuffer);
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, location(name, value));
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, location(name, value));
		}

		private String location(String name, String value) {
			return (value != null && HttpHeaders.LOCATION.equalsIgnoreCase(name)) ? welsh(value, this.contextPath)
					: value;
		}

	}

}
