package uk.yourarea.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The database is down or unreachable: say so with a 503 page rather than a generic
 * error.
 */
@ControllerAdvice
class DatabaseUnavailableHandler {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

	private final ForceProperties force;

	private final SiteProperties site;

	DatabaseUnavailableHandler(ForceProperties force, SiteProperties site) {
		this.force = force;
		this.site = site;
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	ModelAndView databaseUnavailable(Exception ex, HttpServletRequest request) {
		log.error("The database is unavailable: {}", ex.getMessage());
		Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
		return new ModelAndView("error/503", Map.of("force", this.force, "site", this.site, "status", 503,
				"correlationId", (correlationId != null) ? correlationId : ""), HttpStatus.SERVICE_UNAVAILABLE);
	}

}
