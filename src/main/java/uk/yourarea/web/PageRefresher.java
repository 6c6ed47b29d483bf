package uk.yourarea.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Asks this instance for one of its own public pages, over its loopback address, so that
 * {@link RenderedPageCache} can keep a page rendered afresh without a resident waiting
 * for it. The request goes through every filter and Spring MVC, as a resident's would, so
 * the page is exactly what a resident would get. It carries a secret made when the
 * instance starts, which only this instance knows: nobody else can make the cache render
 * a page again.
 * <p>
 * Where the instance cannot be reached that way (it is not listening yet, or the
 * connector only speaks TLS) a refresh fails and the cache forgets the page instead, as
 * it did before refreshing.
 */
@Component
class PageRefresher {

	static final String HEADER = "X-Your-Area-Page-Refresh";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(PageRefresher.class);

	private final String secret;

	private final HttpClient client;

	private final @Nullable String host;

	private volatile @Nullable URI base;

	PageRefresher(Environment environment) {
		byte[] random = new byte[16];
		new SecureRandom().nextBytes(random);
		this.secret = HexFormat.of().formatHex(random);
		this.client = HttpClient.newBuilder()
			.connectTimeout(TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.host = loopbackOr(environment.getProperty("server.address"));
	}

	@EventListener
	void listening(WebServerInitializedEvent event) {
		// The management server, when it has a port of its own, has a namespace.
		if (event.getApplicationContext().getServerNamespace() == null && this.host != null && !speaksTls(event)) {
			this.base = URI.create("http://" + this.host + ":" + event.getWebServer().getPort());
		}
	}

	/** Whether the connector speaks TLS: any of Spring Boot's ways of setting it up. */
	private static boolean speaksTls(WebServerInitializedEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		boolean configured = environment.containsProperty("server.ssl.bundle")
				|| environment.containsProperty("server.ssl.key-store")
				|| environment.containsProperty("server.ssl.certificate");
		return environment.getProperty("server.ssl.enabled", Boolean.class, configured);
	}

	/**
	 * Asks for the page at this address (as a resident would write it, with the context
	 * path and any {@code /cy}), marked as a refresh. Whether it came back rendered.
	 */
	boolean refresh(String address) {
		URI base = this.base;
		if (base == null) {
			return false;
		}
		HttpRequest request = HttpRequest.newBuilder(base.resolve(address))
			.timeout(TIMEOUT)
			.header(HEADER, this.secret)
			.GET()
			.build();
		try {
			int status = this.client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 200) {
				// A neighbourhood retired since, for one: its page is forgotten.
				log.debug("Rendering {} again answered {}; it is forgotten instead", address, status);
			}
			return status == 200;
		}
		catch (IOException ex) {
			log.warn("Could not render {} again ({}); it is forgotten instead", address, ex.toString());
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Whether this request is one of this instance's own refreshes. */
	boolean isRefresh(HttpServletRequest request) {
		String given = request.getHeader(HEADER);
		return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
				this.secret.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The address to reach this instance on: the loopback address, unless the connector
	 * listens on one address only; {@code null} when that address is not valid.
	 */
	private static @Nullable String loopbackOr(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return "127.0.0.1";
		}
		try {
			InetAddress bound = InetAddress.getByName(address.strip());
			if (bound.isAnyLocalAddress()) {
				return "127.0.0.1";
			}
			String literal = bound.getHostAddress();
			return literal.contains(":") ? "[" + literal + "]" : literal;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
