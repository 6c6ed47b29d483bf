package uk.yourarea.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing an instance does when told to stop (SIGTERM): for
 * {@code yourarea.shutdown.drain} (3 s) it goes on answering, but says it is not ready
 * and closes each connection after its answer, so that a load balancer stops sending it
 * requests and keeps none of its connections for later. Only then does Tomcat stop taking
 * connections and finish what is in flight. Without it a proxy that keeps connections
 * open (nginx's {@code keepalive}) sent requests down connections Tomcat was closing, and
 * a POST cut off like that cannot safely be sent elsewhere: it came back as a 502
 * (docs/reliability.md, "Several instances").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShutdownDrain extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final Duration drain;

	private final ApplicationEventPublisher events;

	private volatile boolean draining;

	ShutdownDrain(ShutdownProperties properties, ApplicationEventPublisher events) {
		this.drain = properties.drain();
		this.events = events;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.draining) {
			response.setHeader(HttpHeaders.CONNECTION, "close");
		}
		chain.doFilter(request, response);
	}

	/**
	 * Runs when the application context starts to close, before any bean is stopped:
	 * Tomcat is still taking requests. (A context that is only paused, as the test
	 * framework pauses cached ones, does not drain.)
	 */
	@EventListener(ContextClosedEvent.class)
	synchronized void drain() {
		// The management server's context closes too, and its event reaches this
		// listener as well: one drain is enough.
		if (this.draining) {
			return;
		}
		this.draining = true;
		AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
		if (!this.drain.isZero()) {
			log.info("Stopping: answering for {} more with every connection closed after its answer", this.drain);
			try {
				Thread.sleep(this.drain.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
