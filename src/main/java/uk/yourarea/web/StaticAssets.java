package uk.yourarea.web;

import java.time.Duration;

import org.springframework.cache.Cache;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.CachingResourceTransformer;
import org.springframework.web.servlet.resource.CssLinkResourceTransformer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The site's static files, all under {@code /assets/} (src/main/frontend/build.mjs), each
 * linked by a name with the MD5 of its content and kept by browsers for a year.
 * <p>
 * Only {@code /assets/**} is a resource path: with Spring Boot's default, {@code /**},
 * each link a page renders ({@code /area/…}, {@code /contact/…}) was looked up on the
 * classpath as a possible file, and a miss is never cached, which was half the time of
 * rendering a Your Area page afresh. Spring Boot's own mapping is off
 * ({@code spring.web.resources.add-mappings}) so that this one can answer for the names
 * of another release's files ({@link AssetsOfOtherReleases}).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

	static final String PATH_PATTERN = "/assets/**";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		Cache found = new ConcurrentMapCache("assets");
		registry.addResourceHandler(PATH_PATTERN)
			.addResourceLocations("classpath:/static/assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
			// Without a Last-Modified there is no 304, which would carry the year instead
			// of the no-cache of a file served under another name. A name with its hash
			// is never asked for again anyway.
			.setUseLastModified(false)
			.resourceChain(false)
			// Before the cache: a name with another hash is never kept, only the file it
			// leads to, so made-up names cannot fill the memory.
			.addResolver(new AssetsOfOtherReleases())
			.addResolver(new CachingResourceResolver(found))
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"))
			.addTransformer(new CachingResourceTransformer(found))
			.addTransformer(new AssetsOfOtherReleases.KeepCheckedEachTime())
			.addTransformer(new CssLinkResourceTransformer());
	}

}
