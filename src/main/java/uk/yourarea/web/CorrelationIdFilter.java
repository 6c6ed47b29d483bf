package uk.yourarea.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a short random id, logged with everything the request logs and
 * shown on error pages, so a problem a resident reports can be found in the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = CorrelationIdFilter.class.getName();

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[6];
		RANDOM.nextBytes(bytes);
		String id = HexFormat.of().formatHex(bytes).toUpperCase();
		request.setAttribute(ATTRIBUTE, id);
		MDC.put("correlationId", id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("correlationId");
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

}
