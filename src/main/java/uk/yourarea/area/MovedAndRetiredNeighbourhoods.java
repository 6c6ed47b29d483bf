package uk.yourarea.area;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;

import uk.yourarea.neighbourhood.NeighbourhoodAddresses;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.SiteProperties;

/**
 * When a page under {@code /area/{slug}} is not found because its neighbourhood was
 * renamed or retired, says so instead of a bare 404: a renamed neighbourhood's old
 * address, and every page under it ({@code /area/{old}/contact}), answers {@code 301} to
 * the same page at the new address ({@code 308} for a form sent to it, so nothing typed
 * is lost); a retired neighbourhood's pages answer {@code 410 Gone} with a page that
 * helps people find their area. Only a miss asks the database, so the pages people read
 * cost nothing more.
 */
@ControllerAdvice
class MovedAndRetiredNeighbourhoods {

	private static final Pattern AREA_PAGE = Pattern.compile("^/area/([^/]+)(/.*)?$");

	private final NeighbourhoodAddresses addresses;

	private final ForceProperties force;

	private final SiteProperties site;

	MovedAndRetiredNeighbourhoods(NeighbourhoodAddresses addresses, ForceProperties force, SiteProperties site) {
		this.addresses = addresses;
		this.force = force;
		this.site = site;
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex, HttpServletRequest request, HttpServletResponse response)
			throws NotFoundException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Matcher page = AREA_PAGE.matcher(path);
		if (!page.matches()) {
			// Not ours: the site's ordinary 404 page.
			throw ex;
		}
		String slug = UriUtils.decode(page.group(1), StandardCharsets.UTF_8);
		NeighbourhoodAddresses.Answer answer = this.addresses.find(slug);
		if (answer instanceof NeighbourhoodAddresses.Answer.Moved moved) {
			String rest = (page.group(2) != null) ? page.group(2) : "";
			String query = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
			boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
			RedirectView redirect = new RedirectView(
					"/area/" + UriUtils.encodePathSegment(moved.slug(), StandardCharsets.UTF_8) + rest + query, true);
			redirect.setStatusCode(read ? HttpStatus.MOVED_PERMANENTLY : HttpStatus.PERMANENT_REDIRECT);
			redirect.setExposeModelAttributes(false);
			redirect.setExpandUriTemplateVariables(false);
			// Browsers keep a 301 for good unless told otherwise, and the old address may
			// one
			// day be given to a new neighbourhood.
			response.setHeader(HttpHeaders.CACHE_CONTROL, this.site.publicCacheControl());
			return new ModelAndView(redirect);
		}
		if (answer instanceof NeighbourhoodAddresses.Answer.Retired retired) {
			return new ModelAndView("area/retired",
					Map.of("retired", retired, "force", this.force, "site", this.site, "postcode", ""),
					HttpStatus.GONE);
		}
		throw ex;
	}

}
