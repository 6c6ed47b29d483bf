package uk.yourarea.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site's own static files: every one under {@code /assets/}, named by its content and
 * kept by browsers for a year. Only {@code /assets/**} is a resource path, so the links a
 * page renders (to {@code /area/…}, {@code /contact/…}) are never looked up as files.
 */
@DemoSiteTest
class StaticAssetsIT {

	@Autowired
	private Site site;

	@Autowired
	private ResourceUrlProvider resourceUrls;

	@Test
	void onlyAssetsAreStaticFiles() {
		// Spring Boot's /webjars/** is there too; this site has none.
		assertThat(this.resourceUrls.getHandlerMap().keySet()).contains("/assets/**")
			.allSatisfy((pattern) -> assertThat(pattern).isIn("/assets/**", "/webjars/**"));
		assertThat(this.resourceUrls.getForLookupPath("/area/wigston")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/area/wigston", "/staff/sign-in", "/area/wigston/poster" })
	void everyStylesheetScriptAndIconIsVersionedAndKeptForAYear(String page) {
		Document document = Pages.parse(this.site.get(page));
		List<String> files = new ArrayList<>();
		files.addAll(document.select("link[rel=stylesheet], link[rel=icon]").eachAttr("href"));
		files.addAll(document.select("script[src]").eachAttr("src"));

		assertThat(files).isNotEmpty()
			.allSatisfy((file) -> assertThat(file).matches("/assets/(css|js|images)/[a-z.-]+-[0-9a-f]{32}\\.[a-z]+"));
		for (String file : files) {
			HttpResponse<String> answer = this.site.get(file);
			assertThat(answer.statusCode()).as(file).isEqualTo(200);
			assertThat(answer.headers().firstValue("Cache-Control")).as(file).hasValue("max-age=31536000, public");
		}
	}

	@Test
	void theModuleScriptFindsTheLibraryItImports() {
		HttpResponse<String> library = this.site.get("/assets/js/govuk-frontend.min.js");

		assertThat(library.statusCode()).isEqualTo(200);
		assertThat(library.body()).contains("initAll");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/css/app.css", "/js/app.mjs", "/app.css", "/static/assets/css/app.css" })
	void aFileOutsideAssetsIsAPageNotFound(String path) {
		HttpResponse<String> answer = this.site.get(path);

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(Pages.parse(answer).select("h1").text()).isEqualTo("Page not found");
	}

}
