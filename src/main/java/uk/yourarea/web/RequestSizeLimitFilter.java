package uk.yourarea.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

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

	private static final Logger log = LoggerFactory.getLogger(RequestSizeLimitFilter.class);

	private final DataSize largeUploadLimit;

	private final MessageSource messages;

	RequestSizeLimitFilter(@Value("${yourarea.coverage.max-postcode-file-size:200MB}") DataSize largeUploadLimit,
			MessageSource messages) {
		this.largeUploadLimit = largeUploadLimit;
		this.messages = messages;
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
			// Routine: a client that does not say how much it sends. Nothing to act on.
			log.info("Refused a multipart request without a length");
			refuse(request, response, HttpStatus.LENGTH_REQUIRED);
			return;
		}
		if (request.getContentLengthLong() > limit) {
			// Routine too: a long paste, a wrong file, a probe. Not the path: it may hold
			// a
			// resident's private link.
			log.info("Refused a request body of {} bytes to a route that takes at most {}",
					request.getContentLengthLong(), limit);
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
	 * <p>
	 * A client that does not take HTML (a script, {@code curl}) gets the same answer as a
	 * line of plain text: the error controller's answer for it would be JSON, which a
	 * response already declared HTML cannot carry, and it would send nothing at all.
	 */
	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
			throws ServletException, IOException {
		response.setStatus(status.value());
		response.setHeader("Connection", "close");
		if (!takesHtml(request)) {
			response.setContentType("text/plain;charset=UTF-8");
			String key = (status == HttpStatus.LENGTH_REQUIRED) ? "web.request-size.length-required.text"
					: "web.request-size.too-large.text";
			byte[] text = (this.messages.getMessage(key, null, Locale.UK) + "\n").getBytes(StandardCharsets.UTF_8);
			response.setContentLength(text.length);
			response.getOutputStream().write(text);
			response.flushBuffer();
			return;
		}
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
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
		// Rendered whole first, to be sent with its length: the server cuts the
		// connection on an upload still coming (beyond server.tomcat.max-swallow-size),
		// and a client that was not told where the page ends would take that for an
		// error rather than the end of the page.
		ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
		request.getRequestDispatcher("/error").include(withoutBody, page);
		page.copyBodyToResponse();
		response.flushBuffer();
	}

	/** Whether the client asks for HTML, as every browser does for a page or a form. */
	static boolean takesHtml(HttpServletRequest request) {
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		for (MediaType type : accepted) {
			if (!type.isWildcardType() && (type.isCompatibleWith(MediaType.TEXT_HTML)
					|| type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML))) {
				return true;
			}
		}
		return false;
	}

}
