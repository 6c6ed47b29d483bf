package uk.yourarea.opendata;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags for the API and its page, as for the public pages: a client that sends back
 * {@code If-None-Match} gets a {@code 304 Not Modified} when nothing changed. Weak, so
 * that Tomcat may still compress the answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenDataCaching {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> openDataEtags() {
		ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();
		etags.setWriteWeakETag(true);
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(etags);
		registration.addUrlPatterns("/api", "/api/*");
		registration.setName("openDataEtags");
		return registration;
	}

}
