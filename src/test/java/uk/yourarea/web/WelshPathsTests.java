package uk.yourarea.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Welsh prefix comes off a request's path before the application sees it, and goes
 * back on the site's own public addresses it sends.
 */
class WelshPathsTests {

	private final WelshPaths filter = new WelshPaths(site("en", "cy"));

	@Test
	void theApplicationSeesTheBarePathOfAWelshRequest() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cy/area/wigston");
		request.setServletPath("/cy/area/wigston");
		request.setQueryString("x=1");
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		HttpServletRequest seen = (HttpServletRequest) chain.getRequest();
		assertThat(seen.getRequestURI()).isEqualTo("/area/wigston");
		assertThat(seen.getServletPath()).isEqualTo("/area/wigston");
		assertThat(seen.getPathInfo()).isNull();
		assertThat(seen.getRequestURL()).hasToString("http://localhost/area/wigston");
		assertThat(seen.getQueryString()).isEqualTo("x=1");
		assertThat(seen.getLocale()).isEqualTo(Languages.WELSH);
		assertThat(WelshPaths.isWelsh(seen)).isTrue();
		assertThat(seen.getAttribute(WelshPaths.WELSH)).isEqualTo("/area/wigston");
	}

	@Test
	void keepsTheContextPathAndAHostThatStartsLikeThePrefix() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/site/cy");
		request.setContextPath("/site");
		request.setServerName("cymru.example");
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		HttpServletRequest seen = (HttpServletRequest) chain.getRequest();
		assertThat(seen.getRequestURI()).isEqualTo("/site/");
		assertThat(seen.getRequestURL()).hasToString("http://cymru.example/site/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/area/wigston", "/", "/cymru", "/cyf/area", "/staff/cy" })
	void passesAnEnglishRequestOnAsItIs(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isSameAs(request);
		assertThat(chain.getResponse()).isSameAs(response);
		assertThat(WelshPaths.isWelsh(request)).isFalse();
	}

	@Test
	void withWelshOffAWelshAddressIsLeftForTheApplicationToRefuse() throws Exception {
		WelshPaths englishOnly = new WelshPaths(site("en"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/cy/area/wigston");
		MockFilterChain chain = new MockFilterChain();

		englishOnly.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(((HttpServletRequest) chain.getRequest()).getRequestURI()).isEqualTo("/cy/area/wigston");
		assertThat(WelshPaths.isWelsh(request)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/cy/staff", "/cy/staff/inbox", "/cy/api/v1/x", "/cy/assets/css/app.css",
			"/cy/assets/js/app.mjs", "/cy/assets/images/favicon.svg", "/cy/photos/ab-320.jpg", "/cy/actuator/health",
			"/cy/webauthn/register", "/cy/login/webauthn", "/cy/cy" })
	void aWelshAddressOfAPageThatIsNeverWelshIsNotFound(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(chain.getRequest()).as("not passed on").isNull();
	}

	@ParameterizedTest
	@CsvSource({ "/area/wigston, /cy/area/wigston", "/, /cy", "/areas?page=2, /cy/areas?page=2",
			"/find-your-area?postcode=LE18+1AA, /cy/find-your-area?postcode=LE18+1AA",
			"/area/wigston#main, /cy/area/wigston#main", "/staff/inbox, /staff/inbox", "/staff, /staff",
			"/api/v1/x, /api/v1/x", "/assets/css/app.css, /assets/css/app.css",
			"/assets/js/app.mjs, /assets/js/app.mjs", "/assets/images/x.svg, /assets/images/x.svg",
			"/photos/ab-320.jpg, /photos/ab-320.jpg", "/actuator, /actuator", "/cy/area/wigston, /cy/area/wigston",
			"https://example.org/a, https://example.org/a", "//example.org/a, //example.org/a",
			"mailto:a@example.org, mailto:a@example.org", "#main, #main", "area/wigston, area/wigston",
			"/staffing, /cy/staffing" })
	void prefixesOnlyTheSitesOwnPublicPages(String url, String welsh) {
		assertThat(WelshPaths.welsh(url, "")).isEqualTo(welsh);
	}

	@Test
	void prefixesAfterTheContextPath() {
		assertThat(WelshPaths.welsh("/site/area/wigston", "/site")).isEqualTo("/site/cy/area/wigston");
		assertThat(WelshPaths.welsh("/site/staff", "/site")).isEqualTo("/site/staff");
		assertThat(WelshPaths.welsh("/other/area", "/site")).isEqualTo("/other/area");
	}

	@Test
	void aWelshResponseSendsWelshAddresses() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cy/area/wigston/contact");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		this.filter.doFilter(request, response, chain);
		HttpServletResponse seen = (HttpServletResponse) chain.getResponse();

		assertThat(seen.encodeURL("/area/wigston")).isEqualTo("/cy/area/wigston");
		assertThat(seen.encodeRedirectURL("/area/wigston/contact/sent")).isEqualTo("/cy/area/wigston/contact/sent");
		assertThat(seen.encodeURL("/assets/css/app.css")).isEqualTo("/assets/css/app.css");
		assertThat(seen.encodeURL("/staff/inbox")).isEqualTo("/staff/inbox");
		seen.setHeader("Location", "/area/wigston");
		assertThat(response.getHeader("Location")).isEqualTo("/cy/area/wigston");
		seen.setHeader("Location", "https://example.org/area/wigston");
		assertThat(response.getHeader("Location")).isEqualTo("https://example.org/area/wigston");
		seen.setHeader("Link", "</area/wigston>");
		assertThat(response.getHeader("Link")).isEqualTo("</area/wigston>");
		seen.sendRedirect("/areas");
		assertThat(response.getRedirectedUrl()).isEqualTo("/cy/areas");
	}

	@Test
	void anEnglishResponseIsNotWrapped() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/area/wigston");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		((HttpServletResponse) chain.getResponse()).setHeader("Location", "/areas");
		assertThat(response.getHeader("Location")).isEqualTo("/areas");
	}

	@Test
	void theLocaleResolverListensToTheAddressAlone() {
		WelshLinks.ByAddress resolver = new WelshLinks.ByAddress();
		MockHttpServletRequest english = new MockHttpServletRequest("GET", "/area/wigston");
		english.addPreferredLocale(Languages.WELSH);
		MockHttpServletRequest welsh = new MockHttpServletRequest("GET", "/area/wigston");
		welsh.addPreferredLocale(Languages.ENGLISH);
		welsh.setAttribute(WelshPaths.WELSH, "/area/wigston");

		assertThat(resolver.resolveLocale(english)).isEqualTo(Languages.ENGLISH);
		assertThat(resolver.resolveLocale(welsh)).isEqualTo(Languages.WELSH);
	}

	private static SiteProperties site(String... languages) {
		return new SiteProperties("Your Area", null, true, Duration.ZERO, Duration.ofSeconds(60),
				"http://localhost:8080", Duration.ofSeconds(60), List.of(languages));
	}

}
