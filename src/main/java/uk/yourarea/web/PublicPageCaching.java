package uk.yourarea.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Public pages hold nothing personal, so browsers and shared caches may keep them for a few minutes
 * and revalidate them with an ETag ({@code 304 Not Modified} when nothing changed).
 */
@Configuration(proxyBeanMethods = false)
class PublicPageCaching {

	static final String[] PUBLIC_PAGES = { "/", "/find-your-area", "/areas", "/area/*", "/accessibility", "/privacy" };

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> publicCacheControl(SiteProperties site) {
		String cacheControl = "public, max-age=" + site.publicMaxAge().toSeconds();
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
					response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns(PUBLIC_PAGES);
		registration.setName("publicCacheControl");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> publicPageEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns(PUBLIC_PAGES);
		registration.setName("publicPageEtags");
		return registration;
	}

}
