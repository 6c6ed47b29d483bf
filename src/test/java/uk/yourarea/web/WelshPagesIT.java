package uk.yourarea.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public site in Welsh under {@code /cy} (the demo offers it): the same pages, marked
 * Welsh, linking to Welsh pages, with a switch to the same page in English and back, and
 * never mixed up with the English pages in the caches.
 */
@DemoSiteTest
class WelshPagesIT {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Autowired
	private Site site;

	@Autowired
	private RenderedPageCache cache;

	@Autowired
	private FormStamps stamps;

	@Autowired
	private RateLimits rateLimits;

	@Autowired
	private SiteProperties properties;

	@LocalServerPort
	private int port;

	@BeforeEach
	void startEmpty() {
		this.cache.clear();
	}

	@Test
	void aWelshPageIsTheSamePageMarkedWelsh() {
		HttpResponse<String> welsh = this.site.get("/cy/area/wigston");
		HttpResponse<String> english = this.site.get("/area/wigston");

		assertThat(welsh.statusCode()).isEqualTo(200);
		Document page = Pages.parse(welsh);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("cy");
		assertThat(welsh.headers().firstValue("Content-Language")).hasValue("cy");
		assertThat(page.select("main h1").text()).isEqualTo("Tîm cymdogaeth Wigston");
		assertThat(Pages.parse(english).select("main h1").text()).isEqualTo("Wigston neighbourhood team");
		assertThat(Pages.parse(english).selectFirst("html").attr("lang")).isEqualTo("en-GB");
		assertThat(english.headers().firstValue("Content-Language")).hasValue("en-GB");
	}

	@Test
	void aWelshPageNamesTheForceInWelshAndStaffPagesKeepTheEnglish() {
		// The demo sets yourarea.force.name-cy; it sets no Welsh name for the service.
		Document welsh = this.site.page("/cy/area/wigston");
		Document english = this.site.page("/area/wigston");

		assertThat(welsh.title()).isEqualTo("Tîm cymdogaeth Wigston – Eich Ardal – Heddlu Swydd Gaerlŷr");
		assertThat(welsh.select(".govuk-generic-header__homepage-link").text()).isEqualTo("Heddlu Swydd Gaerlŷr");
		assertThat(welsh.select(".govuk-footer").text()).contains("Gwefan Heddlu Swydd Gaerlŷr")
			.doesNotContain("Leicestershire Police");
		assertThat(english.title()).isEqualTo("Wigston neighbourhood team – Your Area – Leicestershire Police");
		assertThat(english.select(".govuk-generic-header__homepage-link").text()).isEqualTo("Leicestershire Police");
		assertThat(english.select(".govuk-footer").text()).doesNotContain("Heddlu");
		assertThat(this.site.page("/cy/privacy").text()).contains("Heddlu Swydd Gaerlŷr yw'r rheolydd data");
		assertThat(this.site.page("/staff/sign-in").select(".govuk-generic-header__homepage-link").text())
			.isEqualTo("Leicestershire Police");
	}

	@Test
	void everyPublicPageNamesItsEnglishAndWelshAddresses() {
		String base = this.properties.baseUrl().replaceAll("/+$", "");
		for (String path : new String[] { "/area/wigston", "/cy/area/wigston" }) {
			Document page = this.site.page(path);
			assertThat(alternate(page, "en-GB")).as(path).isEqualTo(base + "/area/wigston");
			assertThat(alternate(page, "cy")).as(path).isEqualTo(base + "/cy/area/wigston");
			assertThat(alternate(page, "x-default")).as(path).isEqualTo(base + "/area/wigston");
		}
		assertThat(alternate(this.site.page("/"), "cy")).isEqualTo(base + "/cy");
		assertThat(alternate(this.site.page("/cy"), "en-GB")).isEqualTo(base + "/");
	}

	@Test
	void theLanguageSwitchKeepsTheVisitorOnTheSamePage() {
		Element toWelsh = this.site.page("/area/wigston").selectFirst(".ya-language-switch a");
		assertThat(toWelsh.attr("href")).isEqualTo("/cy/area/wigston");
		assertThat(toWelsh.attr("lang")).isEqualTo("cy");
		assertThat(toWelsh.attr("hreflang")).isEqualTo("cy");
		assertThat(toWelsh.text()).isEqualTo("Cymraeg");

		Element toEnglish = this.site.page("/cy/area/wigston").selectFirst(".ya-language-switch a");
		assertThat(toEnglish.attr("href")).isEqualTo("/area/wigston");
		assertThat(toEnglish.attr("lang")).isEqualTo("en");
		assertThat(toEnglish.text()).isEqualTo("English");
	}

	@Test
	void theLanguageSwitchKeepsTheQueryString() {
		assertThat(this.site.page("/find-your-area?postcode=LE18").selectFirst(".ya-language-switch a").attr("href"))
			.isEqualTo("/cy/find-your-area?postcode=LE18");
		assertThat(this.site.page("/cy/find-your-area?postcode=LE18").selectFirst(".ya-language-switch a").attr("href"))
			.isEqualTo("/find-your-area?postcode=LE18");
	}

	@Test
	void aWelshPageLinksToWelshPagesButNotToStaffPagesOrStaticFiles() {
		Document page = this.site.page("/cy/area/wigston");

		assertThat(page.select("a[href^=/area/]:not([lang]), a[href^=/areas], a[href=/]"))
			.as("links to English pages but the switch")
			.isEmpty();
		assertThat(page.select(".govuk-service-navigation__list a").eachAttr("href")).containsExactly("/cy/",
				"/cy/areas");
		assertThat(page.select("a[href^=/cy/area/wigston/]")).isNotEmpty();
		assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
			.allSatisfy((href) -> assertThat(href).startsWith("/assets/css/"));
		assertThat(page.select("script[src]").eachAttr("src"))
			.allSatisfy((src) -> assertThat(src).startsWith("/assets/js/"));
		assertThat(page.select("[href^=/cy/assets/css], [src^=/cy/], [href^=/cy/staff], [href^=/cy/assets]")).isEmpty();
		assertThat(page.select("a[href^=http], a[href^=mailto]").eachAttr("href"))
			.noneSatisfy((href) -> assertThat(href).contains("/cy/"));
		assertThat(this.site.page("/cy/find-your-area?postcode=LE18").select("form[action]").eachAttr("action"))
			.allSatisfy((action) -> assertThat(action).startsWith("/cy/"));
	}

	@Test
	void aPostcodeLookupInWelshGoesToTheWelshPage() {
		HttpResponse<String> answered = this.site.get("/cy" + Site.findYourArea("LE18 1AA"));

		assertThat(answered.statusCode()).isEqualTo(303);
		assertThat(URI.create(answered.headers().firstValue("Location").orElseThrow()).getPath())
			.isEqualTo("/cy/area/wigston");
		assertThat(this.site.get(Site.findYourArea("LE18 1AA")).headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(URI.create(location).getPath()).isEqualTo("/area/wigston"));
	}

	@Test
	void aMessageSentFromAWelshPageLeadsToWelshPages() {
		this.rateLimits.clear("contact-address:127.0.0.1");
		Visitor resident = this.site.visitor();
		Document form = resident.page("/cy/area/south-wigston/contact");
		assertThat(form.selectFirst("form[action$=/contact]").attr("action"))
			.isEqualTo("/cy/area/south-wigston/contact");
		Map<String, String> fields = new HashMap<>();
		fields.put("name", "Sam Resident");
		fields.put("email", "welsh." + System.nanoTime() + "@example.org");
		fields.put("phone", "");
		fields.put("preferredContact", "EMAIL");
		fields.put("senderType", "RESIDENT");
		fields.put("topic", "SPEEDING_AND_ROADS");
		fields.put("message", "Cars race down Long Street after 11pm most nights.");
		fields.put("location", "Long Street");
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(60)));

		HttpResponse<String> sent = resident.submit(form, "form[action$=/contact]", fields);

		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(URI.create(sent.headers().firstValue("Location").orElseThrow()).getPath()).startsWith("/cy/");
		HttpResponse<String> next = resident.follow(sent);
		assertThat(next.statusCode()).isEqualTo(200);
		assertThat(Pages.parse(next).selectFirst("html").attr("lang")).isEqualTo("cy");
	}

	@Test
	void aWelshFormWhoseTokenWasLostComesBackInWelsh() {
		Document form = this.site.visitor().page("/cy/area/wigston/contact");
		Visitor restartedBrowser = this.site.visitor();

		HttpResponse<String> refused = restartedBrowser.submit(form, "form[action$=/contact]",
				Map.of("message", "Cars race down Long Street.", "name", "Sam Resident"));

		assertThat(refused.statusCode()).isEqualTo(403);
		Document again = Pages.parse(refused);
		assertThat(again.selectFirst("html").attr("lang")).isEqualTo("cy");
		assertThat(again.selectFirst("#form-expired")).isNotNull();
		assertThat(again.selectFirst("#message").text()).isEqualTo("Cars race down Long Street.");
		assertThat(again.selectFirst("form[action$=/contact]").attr("action")).isEqualTo("/cy/area/wigston/contact");
	}

	@Test
	void springSecuritySeesTheBarePath() {
		// The one public form without a token is the one-click unsubscribe: a rule that
		// matches the bare path, so the Welsh address passes the token check too.
		Visitor mailProgram = this.site.visitor();
		HttpResponse<String> english = mailProgram.post("/alerts/unsubscribe/no-such-token",
				Map.of("List-Unsubscribe", "One-Click"));
		HttpResponse<String> welsh = mailProgram.post("/cy/alerts/unsubscribe/no-such-token",
				Map.of("List-Unsubscribe", "One-Click"));

		assertThat(english.statusCode()).isNotEqualTo(403);
		assertThat(welsh.statusCode()).isEqualTo(english.statusCode());
		assertThat(Pages.parse(welsh).selectFirst("html").attr("lang")).isEqualTo("cy");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/cy/staff", "/cy/staff/sign-in", "/cy/api/v1/neighbourhoods", "/cy/assets/css/app.css",
			"/cy/actuator/health", "/cy/cy/area/wigston" })
	void staffPagesTheApiAndStaticFilesAreNeverWelsh(String path) {
		HttpResponse<String> answer = this.site.get(path);

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
	}

	@Test
	void aWelshErrorPageIsWelshAndSwitchesToTheSameAddress() {
		HttpResponse<String> missing = this.site.get("/cy/area/nowhere");

		assertThat(missing.statusCode()).isEqualTo(404);
		Document page = Pages.parse(missing);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("cy");
		assertThat(page.selectFirst(".ya-language-switch a").attr("href")).isEqualTo("/area/nowhere");
		assertThat(page.select("link[hreflang]")).as("an error page has no alternates").isEmpty();
		assertThat(page.select(".govuk-service-navigation__list a").eachAttr("href")).containsExactly("/cy/",
				"/cy/areas");
		Document english = this.site.page("/area/nowhere");
		assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en-GB");
		assertThat(english.selectFirst(".ya-language-switch a").attr("href")).isEqualTo("/cy/area/nowhere");
	}

	@Test
	void theCacheKeepsEachLanguageApartWelshFirst() throws Exception {
		keptApart("/cy/area/wigston", "/area/wigston");
	}

	@Test
	void theCacheKeepsEachLanguageApartEnglishFirst() throws Exception {
		keptApart("/area/wigston", "/cy/area/wigston");
	}

	@Test
	void theHomePageAndTheListAreKeptInEachLanguage() throws Exception {
		keptApart("/cy", "/");
		keptApart("/areas", "/cy/areas");
	}

	private void keptApart(String first, String second) throws Exception {
		HttpResponse<byte[]> firstCold = get(first, null);
		HttpResponse<byte[]> secondCold = get(second, null);
		HttpResponse<byte[]> firstWarm = get(first, null);
		HttpResponse<byte[]> secondWarm = get(second, null);
		assertThat(this.cache.holds(Languages.ENGLISH, bare(first))).isTrue();
		assertThat(this.cache.holds(Languages.WELSH, bare(first))).isTrue();

		for (HttpResponse<byte[]> answer : List.of(firstCold, secondCold, firstWarm, secondWarm)) {
			assertThat(answer.statusCode()).isEqualTo(200);
			String lang = Pages.parse(new String(answer.body(), StandardCharsets.UTF_8))
				.selectFirst("html")
				.attr("lang");
			boolean welsh = answer.uri().getPath().startsWith("/cy");
			assertThat(lang).as(answer.uri().getPath()).isEqualTo(welsh ? "cy" : "en-GB");
			assertThat(answer.headers().firstValue("Content-Language")).hasValue(welsh ? "cy" : "en-GB");
		}
		assertThat(firstWarm.body()).isEqualTo(firstCold.body());
		assertThat(secondWarm.body()).isEqualTo(secondCold.body());
		String firstTag = firstWarm.headers().firstValue("ETag").orElseThrow();
		String secondTag = secondWarm.headers().firstValue("ETag").orElseThrow();
		assertThat(firstTag).isNotEqualTo(secondTag);

		assertThat(get(first, firstTag).statusCode()).isEqualTo(304);
		assertThat(get(second, secondTag).statusCode()).isEqualTo(304);
		HttpResponse<byte[]> othersTag = get(first, secondTag);
		assertThat(othersTag.statusCode()).isEqualTo(200);
		assertThat(othersTag.body()).isEqualTo(firstCold.body());
		HttpResponse<byte[]> othersTagBack = get(second, firstTag);
		assertThat(othersTagBack.statusCode()).isEqualTo(200);
		assertThat(othersTagBack.body()).isEqualTo(secondCold.body());

		// And from a cold cache, where Spring's ETag filter answers rather than the
		// kept page.
		this.cache.clear();
		assertThat(get(second, firstTag).statusCode()).isEqualTo(200);
		this.cache.clear();
		assertThat(get(second, secondTag).statusCode()).isEqualTo(304);
	}

	private static String bare(String path) {
		String bare = path.startsWith("/cy") ? path.substring(3) : path;
		return bare.isEmpty() ? "/" : bare;
	}

	private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "cy, en-GB;q=0.5");
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String alternate(Document page, String hreflang) {
		Element link = page.selectFirst("link[rel=alternate][hreflang=" + hreflang + "]");
		assertThat(link).as("hreflang " + hreflang).isNotNull();
		return link.attr("href");
	}

}
