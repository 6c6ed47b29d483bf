package uk.yourarea.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
		chain.doFilter(new RequestWithoutBody(request), response);
	}

}
