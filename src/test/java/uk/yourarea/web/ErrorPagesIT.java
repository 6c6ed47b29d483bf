package uk.yourarea.web;

import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/** Addresses that lead nowhere get the site's own 404 page, never a stack trace. */
@DemoSiteTest
class ErrorPagesIT {

	@Autowired
	private Site site;

	@ParameterizedTest
	@ValueSource(strings = { "/area/nowhere", "/no-such-page" })
	void answersAnUnknownAddressWithTheSitesNotFoundPage(String path) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).contains("Page not found");
		assertThat(page.title()).startsWith("Page not found");
		assertThat(page.select("main a").eachAttr("href")).contains("/", "/areas");
		assertThat(page.body().text()).contains(Pages.DEMONSTRATION_BANNER);
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("at uk.yourarea.")
			.doesNotContain("at org.springframework.")
			.doesNotContain("No neighbourhood nowhere")
			.doesNotContain("Whitelabel");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/area/nowhere", "/no-such-page" })
	void sendsTheSecurityHeadersWithTheNotFoundPage(String path) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'self'"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

}
