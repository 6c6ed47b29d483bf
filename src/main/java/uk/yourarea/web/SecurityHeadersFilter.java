package uk.yourarea.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every response carries, public and staff pages, error pages and static
 * files alike (Spring Security writes none of these: it is switched off for public pages
 * and adds only {@code Cache-Control: no-store} to staff pages): no inline script, no
 * framing, no MIME sniffing, referrers cut to the origin when leaving the site, no
 * powerful browser features but passkeys, and, when the request came over HTTPS, HSTS.
 * <p>
 * Behind a reverse proxy that ends TLS, {@code request.isSecure()} is true only when the
 * proxy's {@code X-Forwarded-Proto} is trusted ({@code server.forward-headers-strategy},
 * docs/operations.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * Browser features no page of the site uses are denied to it and to anything it might
	 * embed; passkeys (WebAuthn) are allowed for the site itself, as staff sign in with
	 * them. Only features browsers know are named, so none logs a warning.
	 */
	static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), bluetooth=(), browsing-topics=(), "
			+ "camera=(), clipboard-read=(), clipboard-write=(), display-capture=(), encrypted-media=(), "
			+ "fullscreen=(), gamepad=(), geolocation=(), gyroscope=(), hid=(), idle-detection=(), "
			+ "local-fonts=(), magnetometer=(), microphone=(), midi=(), otp-credentials=(), payment=(), "
			+ "picture-in-picture=(), publickey-credentials-create=(self), publickey-credentials-get=(self), "
			+ "screen-wake-lock=(), serial=(), usb=(), web-share=(), window-management=(), " + "xr-spatial-tracking=()";

	static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
		}
		chain.doFilter(request, response);
	}

}
