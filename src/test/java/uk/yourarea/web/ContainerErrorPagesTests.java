package uk.yourarea.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages Tomcat's refusals get: the site's words in English, then Welsh when the site
 * offers it, and a style the page's own Content-Security-Policy allows.
 */
class ContainerErrorPagesTests {

	static final ForceProperties FORCE = new ForceProperties("Heddlu <Prawf> & Test", null, "Prawf", null,
			"https://police.example.org", "https://report.example.org/online", null, "TP", List.of(), List.of());

	@Test
	void aBadRequestIsExplainedInEnglishThenInWelsh() {
		Document page = Jsoup.parse(pages("en", "cy").page(400));

		assertThat(page.select("h1").eachText()).containsExactly("Sorry, there is a problem",
				"Mae'n ddrwg gennym, mae problem wedi codi");
		assertThat(page.select("main > div").eachAttr("lang")).containsExactly("en-GB", "cy");
		assertThat(page.select("main > div[lang=en-GB]").text()).contains("Error 400.")
			.contains("In an emergency, call 999");
		assertThat(page.select("main > div[lang=cy]").text()).contains("Gwall 400.")
			.contains("Mewn argyfwng, ffoniwch 999");
		assertThat(page.select("main > div[lang=en-GB] a").eachAttr("href")).containsExactly("/", "/areas",
				"https://report.example.org/online");
		assertThat(page.select("main > div[lang=cy] a").eachAttr("href")).containsExactly("/cy", "/cy/areas",
				"https://report.example.org/online");
		assertThat(page.title()).isEqualTo(
				"Sorry, there is a problem / Mae'n ddrwg gennym, mae problem wedi codi – Your Area – Heddlu <Prawf> & Test");
		assertThat(page.select("header").text()).isEqualTo("Heddlu <Prawf> & Test Your Area");
		assertThat(page.html()).doesNotContain("Tomcat");
		assertThat(page.select("script, link, img, [src]")).as("nothing to fetch").isEmpty();
	}

	@Test
	void theWelshHalfNamesTheForceAndTheServiceInWelsh() {
		ForceProperties force = new ForceProperties("Test Police", "Heddlu Prawf", "Test", "Prawf",
				"https://police.example.org", "https://report.example.org/online", null, "TP", List.of(), List.of());
		Document page = Jsoup.parse(pages(force, "Eich Ardal", "en", "cy").page(404));

		assertThat(page.title()).isEqualTo("Page not found – Your Area – Test Police / "
				+ "Heb ddod o hyd i'r dudalen – Eich Ardal – Heddlu Prawf");
		assertThat(page.select("header p").eachText()).containsExactly("Test Police / Heddlu Prawf",
				"Your Area / Eich Ardal");
		assertThat(page.select("header span[lang=cy]").eachText()).containsExactly("Heddlu Prawf", "Eich Ardal");

		Document english = Jsoup.parse(pages(force, "Eich Ardal", "en").page(404));
		assertThat(english.title()).isEqualTo("Page not found – Your Area – Test Police");
		assertThat(english.select("header").text()).isEqualTo("Test Police Your Area");
	}

	@Test
	void withoutWelshThePageIsInEnglishOnly() {
		Document page = Jsoup.parse(pages("en").page(404));

		assertThat(page.select("h1").eachText()).containsExactly("Page not found");
		assertThat(page.select("main > div[lang=cy]")).isEmpty();
		assertThat(page.text()).contains("If you typed the web address, check it is correct.").contains("Error 404.");
	}

	@Test
	void aStatusWithNoPageWrittenAtStartGetsOneWithItsNumber() {
		ContainerErrorPages.Pages pages = pages("en", "cy");

		Document serverError = Jsoup.parse(pages.page(505));
		assertThat(serverError.select("h1").first().text()).isEqualTo("Sorry, there is a problem with the service");
		assertThat(serverError.text()).contains("Error 505.").contains("Gwall 505.");
		assertThat(Jsoup.parse(pages.page(431)).text()).contains("Error 431.");
		assertThat(pages.page(505)).isSameAs(pages.page(505));
	}

	@Test
	void thePagesStyleIsTheOnlyOneItsPolicyAllowsBesideTheSites() throws Exception {
		Document page = Jsoup.parse(pages("en", "cy").page(400));
		String style = page.selectFirst("style").data();
		String hash = Base64.getEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));

		assertThat(ContainerErrorPages.Pages.contentSecurityPolicy()).contains("default-src 'self'")
			.contains("script-src 'self';")
			.contains("style-src 'self' 'sha256-" + hash + "';")
			.doesNotContain("unsafe-inline");
	}

	private static ContainerErrorPages.Pages pages(String... languages) {
		return pages(FORCE, null, languages);
	}

	private static ContainerErrorPages.Pages pages(ForceProperties force, String welshServiceName,
			String... languages) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "staff");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		SiteProperties site = new SiteProperties("Your Area", welshServiceName, false, Duration.ZERO,
				Duration.ofSeconds(60), "https://your-area.example.org", Duration.ofSeconds(60), List.of(languages));
		return new ContainerErrorPages.Pages(messages, site, force);
	}

}
