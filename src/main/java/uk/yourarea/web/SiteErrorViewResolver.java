package uk.yourarea.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders every error in the site's own layout: 404, 503 and other 5xx pages, with the
 * request's correlation id so a resident can quote it. Nothing from the exception reaches
 * the page.
 */
@Component
class SiteErrorViewResolver implements ErrorViewResolver {

	private final ForceProperties force;

	private final SiteProperties site;

	SiteErrorViewResolver(ForceProperties force, SiteProperties site) {
		this.force = force;
		this.site = site;
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Map<String, Object> page = new HashMap<>();
		page.put("status", status.value());
		page.put("force", this.force);
		page.put("site", this.site);
		page.put("correlationId", request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
		page.put("uploadLimit", request.getAttribute(RequestSizeLimitFilter.UPLOAD_LIMIT_ATTRIBUTE));
		return new ModelAndView(viewFor(status), page, status);
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
