package uk.yourarea.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request that may change public content (any but a {@code GET} or
 * {@code HEAD}) only once the pages its changes had rendered again are in, for at most a
 * few seconds: whoever saved an edit sees it on the next page they open. The wait comes
 * after the request's transactions, so it holds no database connection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ChangesShownBeforeAnswering extends OncePerRequestFilter {

	static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RenderedPageCache.noteRenderingsStartedHere();
		try {
			chain.doFilter(request, response);
		}
		finally {
			RenderedPageCache.awaitRenderingsStartedHere(LONGEST_WAIT);
		}
	}

}
