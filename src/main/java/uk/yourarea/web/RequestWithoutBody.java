package uk.yourarea.web;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;

/**
 * A request whose body (parameters, parts, stream) is never read: what the error pages
 * and the early CSRF check of a multipart staff request see, so that nothing makes the
 * container parse, or write to disk, an upload that has not been allowed.
 */
public final class RequestWithoutBody extends HttpServletRequestWrapper {

	public RequestWithoutBody(HttpServletRequest request) {
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
