package uk.yourarea.web;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Caches are Caffeine, configured in application.yml (names, size and lifetime). */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

}
