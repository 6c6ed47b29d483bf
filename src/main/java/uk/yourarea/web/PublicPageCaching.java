package uk.yourarea.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Public pages hold nothing personal, so browsers and shared caches may keep them for a
 * few minutes and revalidate them with an ETag ({@code 304 Not Modified} when nothing
 * changed). Only successful answers are marked cacheable: an error or an outage page must
 * never be kept.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageCaching implements WebMvcConfigurer {

	static final String[] PUBLIC_PAGES = { "/", "/find-your-area", "/areas", "/area/*", "/area/*/poster",
			"/accessibility", "/privacy" };

	/** The same pages in Welsh, as servlet URL patterns of the address as sent. */
	static final String[] WELSH_PAGES = { "/cy", "/cy/", "/cy/find-your-area", "/cy/areas", "/cy/area/*",
			"/cy/accessibility", "/cy/privacy" };

	private final SiteProperties site;

	PublicPageCaching(SiteProperties site) {
		this.site = site;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		String cacheControl = this.site.publicCacheControl();
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView modelAndView) {
				boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
				if (read && response.getStatus() < 400) {
					response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
				}
			}
		}).addPathPatterns(PUBLIC_PAGES);
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> publicPageEtags() {
		// Weak: Tomcat does not gzip a response with a strong ETag (a strong one promises
		// the same bytes, which a compressed copy is not).
		ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();
		etags.setWriteWeakETag(true);
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(etags);
		registration.addUrlPatterns(PUBLIC_PAGES);
		// The container matches these against the address as sent, with the Welsh
		// prefix (WelshPaths takes it off only for the application).
		registration.addUrlPatterns(WELSH_PAGES);
		registration.setName("publicPageEtags");
		return registration;
	}

}
