package uk.yourarea.web;

import java.net.http.HttpResponse;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Public pages (whose headers come only from {@link SecurityHeadersFilter}) and staff
 * pages (where Spring Security's own header writing adds only {@code no-store}) carry the
 * same security headers, each once: Permissions-Policy always, HSTS when the request came
 * over HTTPS.
 */
@DemoSiteTest
class SecurityHeadersIT {

	@Autowired
	private Site site;

	@Autowired
	private Environment environment;

	@Autowired
	private WebApplicationContext context;

	private MockMvc https;

	@BeforeEach
	void throughTheSitesFiltersAndSpringSecurity() {
		this.https = MockMvcBuilders.webAppContextSetup(this.context)
			.addFilters(this.context.getBean(SecurityHeadersFilter.class),
					this.context.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/area/wigston", "/find-your-area?postcode=LE18+1AA", "/area/wigston/contact",
			"/no-such-page", "/staff/sign-in", "/staff", "/staff/inbox", "/staff/admin" })
	void everyPublicAndStaffPageHasThePermissionsPolicyAndNoHstsOverPlainHttp(String path) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.headers().allValues("Permissions-Policy")).singleElement()
			.isEqualTo(SecurityHeadersFilter.PERMISSIONS_POLICY);
		assertThat(response.headers().allValues("Content-Security-Policy")).hasSize(1);
		assertThat(response.headers().allValues("X-Frame-Options")).hasSize(1);
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void aSignedInStaffPageHasThemToo() {
		StaffBrowser editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org",
				StaffBrowser.DEMO_PASSWORD);

		HttpResponse<String> response = editor.get("/staff");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Permissions-Policy")).singleElement()
			.isEqualTo(SecurityHeadersFilter.PERMISSIONS_POLICY);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/area/wigston", "/accessibility", "/staff/sign-in", "/staff", "/staff/admin" })
	void aRequestThatCameOverHttpsGetsHstsOnceOnPublicAndStaffPages(String path) throws Exception {
		MvcResult result = this.https.perform(get(path).secure(true)).andReturn();

		assertThat(result.getResponse().getHeaders("Strict-Transport-Security")).singleElement()
			.isEqualTo("max-age=31536000; includeSubDomains");
		assertThat(result.getResponse().getHeaders("Permissions-Policy")).singleElement()
			.isEqualTo(SecurityHeadersFilter.PERMISSIONS_POLICY);

		MvcResult plain = this.https.perform(get(path)).andReturn();
		assertThat(plain.getResponse().getHeader("Strict-Transport-Security")).isNull();
	}

	@Test
	void staffPagesOverHttpsAreStillNeverStored() throws Exception {
		MvcResult result = this.https.perform(get("/staff/sign-in").secure(true)).andReturn();

		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
	}

}
