package uk.yourarea.web;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

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
 * shown on error pages, so a problem a resident reports can be found in the logs. It only
 * has to tell requests apart, not be hard to guess, so it comes from
 * {@link ThreadLocalRandom}, with no lock shared by every request thread as a
 * {@code SecureRandom} has (docs/benchmarks.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = CorrelationIdFilter.class.getName();

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// 48 random bits as 12 hexadecimal digits.
		String id = HEX.toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
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
