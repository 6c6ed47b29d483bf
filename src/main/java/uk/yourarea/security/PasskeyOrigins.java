package uk.yourarea.security;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import uk.yourarea.web.SiteProperties;

/**
 * Where passkeys may be used: the relying party is the host of
 * {@code yourarea.site.base-url}, and the only origin a browser may use them from is that
 * address's origin. Tests that run the site on a random port add theirs.
 */
@Component
public class PasskeyOrigins {

	private final String relyingPartyId;

	/**
	 * Read by Spring Security on every passkey check, so an origin added later counts.
	 */
	private final Set<String> allowed = ConcurrentHashMap.newKeySet();

	PasskeyOrigins(SiteProperties site) {
		URI base = URI.create(site.baseUrl());
		this.relyingPartyId = base.getHost();
		this.allowed.add(origin(base));
	}

	String relyingPartyId() {
		return this.relyingPartyId;
	}

	Set<String> allowed() {
		return this.allowed;
	}

	/** Lets passkeys be used from another origin of the same host (a test's port). */
	public void allow(String origin) {
		URI uri = URI.create(origin);
		if (!this.relyingPartyId.equals(uri.getHost())) {
			throw new IllegalArgumentException(
					"Passkeys for " + this.relyingPartyId + " cannot be used from " + origin);
		}
		this.allowed.add(origin(uri));
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() == -1) ? "" : ":" + uri.getPort());
	}

}
