package uk.yourarea.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public pages may be kept by shared caches for a minute, browsers revalidate them every
 * time with an ETag, and they carry the security headers. Over real HTTP, so every
 * registered filter runs.
 */
@DemoSiteTest
class PublicPageHeadersIT {

	@Autowired
	private Site site;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/areas", "/area/wigston", "/find-your-area?postcode=LE18",
			"/find-your-area?postcode=SW1A+1AA", "/accessibility", "/privacy" })
	void letsSharedCachesKeepPublicPagesForAMinuteAndBrowsersRevalidate(String path) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Cache-Control")).singleElement()
			.satisfies((cacheControl) -> assertThat(cacheControl).isEqualTo("public, max-age=0, s-maxage=60"));
		assertThat(response.headers().firstValue("ETag")).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/areas", "/area/wigston", "/accessibility" })
	void answersNotModifiedWhenThePageHasNotChanged(String path) {
		String etag = this.site.get(path).headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> repeat = this.site.get(path, "If-None-Match", etag);

		assertThat(repeat.statusCode()).isEqualTo(304);
		assertThat(repeat.body()).isEmpty();
		HttpResponse<String> otherVersion = this.site.get(path, "If-None-Match", "\"0123456789abcdef\"");
		assertThat(otherVersion.statusCode()).isEqualTo(200);
		assertThat(otherVersion.body()).contains("<h1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/area/south-wigston", "/find-your-area?postcode=LE18", "/privacy" })
	void gzipsPagesForClientsThatAcceptIt(String path) {
		HttpResponse<String> response = this.site.get(path, "Accept-Encoding", "gzip");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(response.headers().firstValue("ETag"))
			.hasValueSatisfying((etag) -> assertThat(etag).startsWith("W/"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/area/nowhere", "/no-such-page" })
	void neverLetsCachesKeepAnErrorPage(String path) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().allValues("Cache-Control")).noneMatch((value) -> value.contains("public"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/areas", "/area/wigston", "/find-your-area?postcode=",
			"/find-your-area?postcode=LE18+1AA", "/accessibility", "/privacy" })
	void sendsTheSecurityHeadersWithEveryPage(String path) {
		HttpResponse<String> response = this.site.get(path);

		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("default-src 'self'"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

}
