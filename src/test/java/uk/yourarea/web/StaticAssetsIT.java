package uk.yourarea.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.Cache;
import org.springframework.web.servlet.resource.CachingResourceResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site's own static files: every one under {@code /assets/}, named by its content and
 * kept by browsers for a year. Only {@code /assets/**} is a resource path, so the links a
 * page renders (to {@code /area/…}, {@code /contact/…}) are never looked up as files. A
 * name with another release's hash gets this release's file, to be checked again.
 */
@DemoSiteTest
class StaticAssetsIT {

	@Autowired
	private Site site;

	@Autowired
	private ResourceUrlProvider resourceUrls;

	@Test
	void onlyAssetsAreStaticFiles() {
		assertThat(this.resourceUrls.getHandlerMap().keySet()).containsExactly("/assets/**");
		assertThat(this.resourceUrls.getForLookupPath("/area/wigston")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/area/wigston", "/staff/sign-in", "/area/wigston/poster" })
	void everyStylesheetScriptAndIconIsVersionedAndKeptForAYear(String page) {
		List<String> files = linksOn(page);

		assertThat(files).isNotEmpty()
			.allSatisfy((file) -> assertThat(file).matches("/assets/(css|js|images)/[a-z.-]+-[0-9a-f]{32}\\.[a-z]+"));
		for (String file : files) {
			HttpResponse<String> answer = this.site.get(file);
			assertThat(answer.statusCode()).as(file).isEqualTo(200);
			assertThat(answer.headers().firstValue("Cache-Control")).as(file).hasValue("max-age=31536000, public");
		}
	}

	@Test
	void theModuleScriptImportsTheLibraryByTheNameWithItsContentsHash() {
		String script = this.site
			.get(linksOn("/area/wigston").stream()
				.filter((file) -> file.startsWith("/assets/js/app-"))
				.findFirst()
				.orElseThrow())
			.body();
		Matcher imported = Pattern.compile("from '\\./(govuk-frontend\\.min-[0-9a-f]{32}\\.js)'").matcher(script);
		assertThat(imported.find()).as(script).isTrue();

		HttpResponse<String> library = this.site.get("/assets/js/" + imported.group(1));

		assertThat(library.statusCode()).isEqualTo(200);
		assertThat(library.body()).contains("initAll");
		assertThat(library.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public");
		assertThat(this.resourceUrls.getForLookupPath("/assets/js/govuk-frontend.min.js"))
			.as("the name the module imports is the one the site gives it")
			.isEqualTo("/assets/js/" + imported.group(1));
	}

	/**
	 * During a rolling deploy a page from one release asks for its files by names another
	 * release's instance does not have.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/area/wigston", "/area/wigston/poster" })
	void aNameFromAnotherReleaseGetsThisReleasesFileCheckedEachTime(String page) {
		for (String file : linksOn(page)) {
			String otherRelease = file.replaceFirst("-[0-9a-f]{32}\\.", "-0123456789abcdef0123456789abcdef.");
			assertThat(otherRelease).isNotEqualTo(file);

			HttpResponse<String> answer = this.site.get(otherRelease);

			assertThat(answer.statusCode()).as(otherRelease).isEqualTo(200);
			assertThat(answer.body()).as(otherRelease).isEqualTo(this.site.get(file).body());
			assertThat(answer.headers().firstValue("Cache-Control")).as(otherRelease).hasValue("no-cache");
		}
	}

	@Test
	void askedAgainWithADateAFileUnderAnotherNameIsSentWholeNotKeptForAYear() {
		String file = linksOn("/area/wigston").stream()
			.filter((link) -> link.startsWith("/assets/css/app-"))
			.findFirst()
			.orElseThrow();
		String otherRelease = file.replaceFirst("-[0-9a-f]{32}\\.", "-0123456789abcdef0123456789abcdef.");

		HttpResponse<String> answer = this.site.get(otherRelease, "If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(answer.headers().firstValue("Last-Modified")).isEmpty();
	}

	@Test
	void namesWithMadeUpHashesAreNotKept() {
		Cache found = this.resourceUrls.getHandlerMap()
			.get("/assets/**")
			.getResourceResolvers()
			.stream()
			.filter(CachingResourceResolver.class::isInstance)
			.map((resolver) -> ((CachingResourceResolver) resolver).getCache())
			.findFirst()
			.orElseThrow();
		ConcurrentMap<?, ?> kept = (ConcurrentMap<?, ?>) found.getNativeCache();
		this.site.get("/assets/css/app.css");
		int before = kept.size();

		for (int i = 0; i < 20; i++) {
			assertThat(this.site.get("/assets/css/app-%032x.css".formatted(i)).statusCode()).isEqualTo(200);
		}

		assertThat(kept.size()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/assets/css/app.css", "/assets/js/app.mjs", "/assets/js/govuk-frontend.min.js" })
	void aFileAskedForByItsPlainNameIsCheckedEachTime(String path) {
		HttpResponse<String> answer = this.site.get(path);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-cache");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/assets/css/nothing-0123456789abcdef0123456789abcdef.css",
			"/assets/application-0123456789abcdef0123456789abcdef.yml",
			"/assets/%2e%2e/application-0123456789abcdef0123456789abcdef.yml",
			"/assets/css/%2e%2e/%2e%2e/application-0123456789abcdef0123456789abcdef.yml" })
	void aHashedNameOfNoFileHereIsNotFound(String path) {
		HttpResponse<String> answer = this.site.get(path);

		assertThat(answer.statusCode()).isIn(400, 404);
		assertThat(answer.body()).doesNotContain("spring:");
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

	private List<String> linksOn(String page) {
		Document document = Pages.parse(this.site.get(page));
		List<String> files = new ArrayList<>();
		files.addAll(document.select("link[rel=stylesheet], link[rel=icon]").eachAttr("href"));
		files.addAll(document.select("script[src]").eachAttr("src"));
		return files;
	}

}
