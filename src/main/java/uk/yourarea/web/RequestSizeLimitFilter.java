package uk.yourarea.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies bigger than any form of the site can need (413), before anything
 * reads them: public forms hold at most a few thousand characters; staff forms may carry
 * a photo; the coverage upload forms carry whole postcode files
 * ({@code yourarea.coverage.max-postcode-file-size}, 200 MB unless set). A multipart body
 * must say its length, so the limit always holds (browsers always do).
 * <p>
 * Spring's multipart limits ({@code spring.servlet.multipart.*}) are set as high as the
 * coverage uploads need; this filter is what keeps every other route to its own limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	static final long PUBLIC_LIMIT = 128 * 1024;

	static final long STAFF_LIMIT = 8 * 1024 * 1024;

	/** The routes that take large uploads, and only with POST. */
	static final Set<String> LARGE_UPLOAD_PATHS = Set.of("/staff/coverage/postcodes", "/staff/coverage/boundaries");

	/** A request attribute the 413 page shows: the largest file the form takes. */
	static final String UPLOAD_LIMIT_ATTRIBUTE = "uploadLimit";

	/** Room for the rest of the form around the file. */
	private static final long FORM_OVERHEAD = 1024 * 1024;

	private final DataSize largeUploadLimit;

	RequestSizeLimitFilter(@Value("${yourarea.coverage.max-postcode-file-size:200MB}") DataSize largeUploadLimit) {
		this.largeUploadLimit = largeUploadLimit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI();
		boolean largeUpload = "POST".equals(request.getMethod()) && LARGE_UPLOAD_PATHS.contains(path);
		long limit = largeUpload ? this.largeUploadLimit.toBytes() + FORM_OVERHEAD
				: path.startsWith("/staff/") ? STAFF_LIMIT : PUBLIC_LIMIT;
		String contentType = request.getContentType();
		boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
		if (multipart && request.getContentLengthLong() < 0) {
			refuse(request, response, HttpStatus.LENGTH_REQUIRED);
			return;
		}
		if (request.getContentLengthLong() > limit) {
			if (largeUpload) {
				request.setAttribute(UPLOAD_LIMIT_ATTRIBUTE, this.largeUploadLimit.toMegabytes() + " MB");
			}
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Answers with the error page at once and closes the connection. The page is rendered
	 * here (a forward to the error controller) rather than by {@code sendError}, so that
	 * it can be flushed before the server drains the unread body: otherwise the browser,
	 * still sending its upload, sees the headers but never the page.
	 */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
			throws ServletException, IOException {
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
		response.setStatus(status.value());
		response.setHeader("Connection", "close");
		response.setContentType("text/html;charset=UTF-8");
		// An include, not a forward: a forwarded response is closed to further writes, so
		// it could not be flushed here. The error page sees a request without a body, so
		// nothing tries to read the upload.
		HttpServletRequest withoutBody = new HttpServletRequestWrapper(request) {

			@Override
			public String getContentType() {
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

		};
		request.getRequestDispatcher("/error").include(withoutBody, response);
		response.flushBuffer();
	}

}
