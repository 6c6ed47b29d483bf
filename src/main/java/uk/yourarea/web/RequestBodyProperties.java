package uk.yourarea.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the site protects itself from clients that send a request body slowly
 * ({@link RequestBodyGuard}).
 *
 * @param concurrentReaders how many requests with a body (form posts and uploads) may be
 * in progress at once: the rest of the request threads stay free for pages
 * @param waitForReader how long a request with a body may wait for its turn before it is
 * answered 503
 * @param readTimeout how long the server waits for the next bytes of a body before it
 * gives up on the request
 */
@ConfigurationProperties("yourarea.requests")
public record RequestBodyProperties(@DefaultValue("8") int concurrentReaders,
		@DefaultValue("1s") Duration waitForReader, @DefaultValue("10s") Duration readTimeout) {
}
