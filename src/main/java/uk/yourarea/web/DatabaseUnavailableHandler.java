package uk.yourarea.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The database is down, unreachable or cut off mid-request
 * ({@link DatabaseFailures#isOutage}): say so with the site's 503 page and a
 * {@code Retry-After}, rather than a generic error. Any other exception goes on to the
 * usual handling (a 5xx page for an unexpected one).
 * <p>
 * A resolver rather than an {@code @ExceptionHandler}, because an outage arrives wrapped
 * in many types (a transaction that could not start or commit, a JPA or JDBC error) and
 * only the causes tell it apart. Controllers that take a resident's form catch database
 * failures themselves, to show the form again with what was typed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableHandler implements HandlerExceptionResolver {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

	private final ForceProperties force;

	private final SiteProperties site;

	DatabaseUnavailableHandler(ForceProperties force, SiteProperties site) {
		this.force = force;
		this.site = site;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception ex) {
		if (!DatabaseFailures.isOutage(ex)) {
			return null;
		}
		// Not the address: a resident's private link is in it.
		log.error("The database is unavailable during a {} request: {}", request.getMethod(),
				DatabaseFailures.describe(ex));
		DatabaseFailures.serviceUnavailable(response);
		Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
		return new ModelAndView("error/503", Map.of("force", this.force, "site", this.site, "status", 503,
				"correlationId", (correlationId != null) ? correlationId : ""), HttpStatus.SERVICE_UNAVAILABLE);
	}

}
