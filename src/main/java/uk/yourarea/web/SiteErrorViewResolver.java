package uk.yourarea.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders every error in the site's own layout: 404, 413, 503 and other 4xx and 5xx
 * pages, with the request's correlation id so a resident can quote it. Nothing from the
 * exception reaches the page.
 * <p>
 * An exception that escaped to the container because the database was unavailable (one
 * thrown in a filter, ahead of Spring MVC's own handling) gets the 503 page, with a
 * {@code Retry-After}, rather than a 500.
 */
@Component
class SiteErrorViewResolver implements ErrorViewResolver {

	private static final Logger log = LoggerFactory.getLogger(SiteErrorViewResolver.class);

	private final ForceProperties force;

	private final SiteProperties site;

	SiteErrorViewResolver(ForceProperties force, SiteProperties site) {
		this.force = force;
		this.site = site;
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		HttpStatus shown = status;
		if (status == HttpStatus.INTERNAL_SERVER_ERROR
				&& DatabaseFailures.isOutage((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
			shown = HttpStatus.SERVICE_UNAVAILABLE;
			log.info("The database was unavailable: answered with the 503 page");
		}
		if (shown == HttpStatus.SERVICE_UNAVAILABLE
				&& RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
				&& current.getResponse() != null) {
			retryLater(current.getResponse());
		}
		Map<String, Object> page = new HashMap<>();
		page.put("status", shown.value());
		page.put("force", this.force);
		page.put("site", this.site);
		page.put("correlationId", request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
		page.put("uploadLimit", request.getAttribute(RequestSizeLimitFilter.UPLOAD_LIMIT_ATTRIBUTE));
		return new ModelAndView(viewFor(shown), page, shown);
	}

	private static void retryLater(HttpServletResponse response) {
		if (!response.containsHeader("Retry-After")) {
			response.setHeader("Retry-After", DatabaseFailures.RETRY_AFTER_SECONDS);
		}
	}

	static String viewFor(HttpStatus status) {
		if (status == HttpStatus.NOT_FOUND) {
			return "error/404";
		}
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			return "error/503";
		}
		if (status == HttpStatus.CONTENT_TOO_LARGE) {
			return "error/413";
		}
		return status.is5xxServerError() ? "error/5xx" : "error/error";
	}

}
