package uk.yourarea.web;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps slow request bodies from taking every request thread. A servlet container reads a
 * body on the request's own thread, and a client may send it one byte at a time: sixteen
 * such clients used to hold all sixteen threads, and no page was answered while they
 * lasted. Requests that carry a body now take one of a limited number of turns
 * ({@code yourarea.requests.concurrent-readers}), and only a few more wait for one
 * ({@code waiting-readers}), since waiting holds a thread too; so the other threads are
 * always free for pages. A request that cannot get a turn quickly, or finds too many
 * waiting already, is answered 503 with Retry-After: a burst of 32 sign-ins used to fill
 * all sixteen threads with requests waiting for a turn, and pages waited seconds behind
 * them (docs/benchmarks.md). Tomcat also gives up on a body whose next bytes do not come
 * within {@code yourarea.requests.read-timeout}.
 * <p>
 * Headers sent slowly cost no thread: Tomcat reads them without blocking. In production a
 * reverse proxy that buffers request bodies (nginx does by default) stops slow bodies
 * before they reach the site at all (docs/operations.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyGuard extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestBodyGuard.class);

	private final Semaphore readers;

	private final Semaphore waiting;

	private final RequestBodyProperties properties;

	RequestBodyGuard(RequestBodyProperties properties) {
		this.properties = properties;
		this.readers = new Semaphore(properties.concurrentReaders());
		this.waiting = new Semaphore(properties.waitingReaders());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		boolean turn = this.readers.tryAcquire() || waitForTurn();
		if (!turn) {
			log.info("A request with a body could not have a turn within {} and was refused: {} are in progress",
					this.properties.waitForReader(), this.properties.concurrentReaders());
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			response.setHeader(HttpHeaders.CONNECTION, "close");
			response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.readers.release();
		}
	}

	/**
	 * Waits for a turn, if fewer than {@code waiting-readers} requests are waiting
	 * already: each one waiting holds a request thread, and pages need some.
	 */
	private boolean waitForTurn() {
		if (!this.waiting.tryAcquire()) {
			return false;
		}
		try {
			return this.readers.tryAcquire(this.properties.waitForReader().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.waiting.release();
		}
	}

	static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
	}

	/** Tomcat's own limit on a stalled body: the time allowed between its bytes. */
	@Bean
	static TomcatConnectorCustomizer bodyReadTimeout(RequestBodyProperties properties) {
		return (Connector connector) -> {
			connector.setProperty("disableUploadTimeout", "false");
			connector.setProperty("connectionUploadTimeout", Long.toString(properties.readTimeout().toMillis()));
		};
	}

}
