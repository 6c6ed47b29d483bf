package uk.yourarea.web;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers the site's own filter puts on every response. */
class SecurityHeadersFilterTests {

	@Test
	void sendsHstsOnlyWhenTheRequestCameOverHttps() throws Exception {
		assertThat(headersFor(true).getHeader("Strict-Transport-Security"))
			.isEqualTo("max-age=31536000; includeSubDomains");
		assertThat(headersFor(false).getHeader("Strict-Transport-Security"))
			.as("over plain HTTP a browser ignores it, and a development site on localhost must not be pinned")
			.isNull();
	}

	@Test
	void deniesPowerfulBrowserFeaturesButPasskeys() throws Exception {
		for (boolean secure : new boolean[] { true, false }) {
			List<String> policy = Arrays.asList(headersFor(secure).getHeader("Permissions-Policy").split(",\\s*"));

			assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()",
					"serial=()", "hid=()", "bluetooth=()", "display-capture=()", "browsing-topics=()",
					"publickey-credentials-get=(self)", "publickey-credentials-create=(self)");
			assertThat(policy).allSatisfy((feature) -> assertThat(feature).matches("[a-z-]+=\\((self)?\\)"));
			assertThat(policy).filteredOn((feature) -> feature.endsWith("=(self)"))
				.containsExactlyInAnyOrder("publickey-credentials-get=(self)", "publickey-credentials-create=(self)");
		}
	}

	@Test
	void keepsTheOtherHeaders() throws Exception {
		MockHttpServletResponse response = headersFor(false);

		assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
	}

	private static MockHttpServletResponse headersFor(boolean secure) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setSecure(secure);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SecurityHeadersFilter().doFilter(request, response, new MockFilterChain());
		return response;
	}

}
