package uk.yourarea.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An error page never reads the body of the request it answers. When a multipart request
 * (an upload) is refused, for example with 403 because the person may not upload, the
 * container shows the error page through Spring MVC, and Spring MVC would parse the
 * multipart body first: the whole upload read, and written to temporary files, to say no.
 * On the error dispatch of a multipart request this filter hides the body: no content
 * type, no length, no parameters, no parts. The error page needs none of them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ErrorPagesReadNoBody extends OncePerRequestFilter {

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return request.getDispatcherType() != DispatcherType.ERROR || type == null
				|| !type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new WithoutBody(request), response);
	}

	/** The request as the error page sees it: without its body. */
	static final class WithoutBody extends HttpServletRequestWrapper {

		WithoutBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getContentType() {
			return null;
		}

		@Override
		public int getContentLength() {
			return 0;
		}

		@Override
		public long getContentLengthLong() {
			return 0;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return isBodyHeader(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isBodyHeader(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public ServletInputStream getInputStream() {
			return new ServletInputStream() {

				@Override
				public int read() {
					return -1;
				}

				@Override
				public boolean isFinished() {
					return true;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new IllegalStateException("Not asynchronous");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new StringReader(""));
		}

		@Override
		public @Nullable String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			return null;
		}

		@Override
		public Collection<Part> getParts() {
			return List.of();
		}

		@Override
		public @Nullable Part getPart(String name) {
			return null;
		}

		private static boolean isBodyHeader(String name) {
			return "Content-Type".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name);
		}

	}

}
