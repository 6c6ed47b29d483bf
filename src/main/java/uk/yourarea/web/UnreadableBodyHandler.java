package uk.yourarea.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart body that cannot be read (cut off, or not multipart at all) is the client's
 * fault: the site's 400 page, not a 500 and a stack trace in the log. Too large a body
 * keeps its 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class UnreadableBodyHandler implements HandlerExceptionResolver {

	private static final Logger log = LoggerFactory.getLogger(UnreadableBodyHandler.class);

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!(ex instanceof MultipartException) || ex instanceof MaxUploadSizeExceededException) {
			return null;
		}
		log.info("A {} request with a multipart body that could not be read: {}", request.getMethod(),
				ex.getClass().getSimpleName());
		try {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
		}
		catch (IOException ignored) {
			// The client has gone.
		}
		return new ModelAndView();
	}

}
