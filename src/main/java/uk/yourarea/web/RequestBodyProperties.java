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
 * @param waitingReaders how many requests with a body may wait for a turn at once; any
 * more are answered 503 at once. A request waiting holds a request thread, so
 * {@code concurrent-readers} plus this must stay below {@code server.tomcat.threads.max}
 * for pages to be served while bodies wait
 * @param readTimeout how long the server waits for the next bytes of a body before it
 * gives up on the request
 */
@ConfigurationProperties("yourarea.requests")
public record RequestBodyProperties(@DefaultValue("8") int concurrentReaders,
		@DefaultValue("1s") Duration waitForReader, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("4") int waitingReaders) {
}
