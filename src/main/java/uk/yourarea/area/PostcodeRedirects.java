package uk.yourarea.area;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.yourarea.postcode.Postcode;
import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.web.DatabaseFailures;
import uk.yourarea.web.SiteProperties;

/**
 * Answers the site's busiest request, a resident's postcode, ahead of Spring Security and
 * Spring MVC: a full postcode in a live neighbourhood is sent straight on ({@code 303})
 * to its Your Area page, after one query by primary key. Those two layers cost three
 * times the query itself on every lookup (docs/benchmarks.md), and they add nothing to a
 * public redirect that carries no session, cookie or form.
 * <p>
 * Everything else (nothing typed, a partial postcode, one that is not ours, terminated,
 * or in a retired neighbourhood) goes on to {@link AreaController}, which answers the
 * same postcodes the same way and renders the pages that explain the rest. The response
 * headers (CSP and the others) are already set by the site's own filters before this one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class PostcodeRedirects extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(PostcodeRedirects.class);

	private final PostcodeLookup lookup;

	private final String cacheControl;

	PostcodeRedirects(PostcodeLookup lookup, SiteProperties site) {
		this.lookup = lookup;
		this.cacheControl = site.publicCacheControl();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		return !read || !AreaController.FIND_YOUR_AREA.equals(pathWithinSite(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String[] typed = request.getParameterValues("postcode");
		// Spring MVC would join several values with commas, which is not a postcode.
		Optional<Postcode> postcode = (typed != null && typed.length == 1) ? Postcode.parse(typed[0].strip())
				: Optional.empty();
		if (postcode.isPresent()) {
			PostcodeLookup.Result result;
			try {
				result = this.lookup.find(postcode.get());
			}
			catch (RuntimeException ex) {
				if (!DatabaseFailures.isOutage(ex)) {
					throw ex;
				}
				// The site's 503 page, as DatabaseUnavailableHandler gives in MVC.
				log.error("The database is unavailable: {}", DatabaseFailures.describe(ex));
				DatabaseFailures.serviceUnavailable(response);
				response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
				return;
			}
			if (result instanceof PostcodeLookup.Result.InNeighbourhood found && !found.retired()) {
				response.setStatus(HttpServletResponse.SC_SEE_OTHER);
				response.setHeader(HttpHeaders.LOCATION,
						request.getContextPath() + AreaController.pageOf(found.slug()));
				response.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static String pathWithinSite(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
