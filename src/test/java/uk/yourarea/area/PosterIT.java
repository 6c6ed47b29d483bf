package uk.yourarea.area;

import java.net.http.HttpResponse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.QrCodeImages;
import uk.yourarea.testing.Site;
import uk.yourarea.web.SiteProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A neighbourhood's poster as the site serves it: what it shows, read from the same
 * public content as the Your Area page, and a QR code that a phone reads as the page's
 * public address. Printing it on one page is {@code PosterPrintBrowserIT}'s.
 */
@DemoSiteTest
class PosterIT {

	@Autowired
	private Site site;

	@Autowired
	private AreaPages pages;

	@Autowired
	private SiteProperties siteProperties;

	@Test
	void showsTheTeamHowToReachItItsPrioritiesAndNextEvents() {
		AreaView wigston = this.pages.find("wigston").orElseThrow();
		HttpResponse<String> response = this.site.get("/area/wigston/poster");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public")
			.contains("max-age=");
		Document page = Pages.parse(response);
		assertThat(page.select("link[rel=stylesheet]").eachAttr("href"))
			.anyMatch((href) -> href.matches("/assets/css/poster-[0-9a-f]+\\.css"));
		Element poster = page.selectFirst("article.ya-poster");
		assertThat(poster).isNotNull();
		assertThat(poster.selectFirst("h1").text()).isEqualTo("Your Wigston neighbourhood policing team");
		assertThat(wigston.namedOfficer()).isNotNull();
		assertThat(poster.select(".ya-poster__people .ya-poster__name").text())
			.isEqualTo(wigston.namedOfficer().name());
		assertThat(poster.select(".ya-poster__team li strong").eachText())
			.containsExactlyElementsOf(wigston.team().stream().map((member) -> member.name()).toList());
		assertThat(poster.select("#poster-priorities ~ ul li").eachText()).containsExactlyElementsOf(
				wigston.priorities().stream().map((priority) -> priority.issue().text()).toList());
		assertThat(wigston.events()).isNotEmpty();
		assertThat(poster.select(".ya-poster__events li strong").eachText()).containsExactlyElementsOf(
				PosterController.nextEvents(wigston.events()).stream().map((event) -> event.title().text()).toList())
			.hasSizeLessThanOrEqualTo(3);
		String address = this.siteProperties.link("/area/wigston");
		String contact = poster.selectFirst(".ya-poster__contact").text();
		assertThat(contact).contains(address, address + "/contact", "101 (ask for the Wigston team)");
		if (wigston.neighbourhood().email() != null) {
			assertThat(contact).contains(wigston.neighbourhood().email());
		}
		assertThat(poster.selectFirst(".ya-poster__emergency").text()).contains("call 999");
		assertThat(page.selectFirst("#print-hint").text()).contains("Print");
	}

	@Test
	void itsQrCodeOpensTheYourAreaPage() {
		Document page = this.site.page("/area/wigston/poster");
		Element qr = page.selectFirst("img#poster-qr");
		assertThat(qr).isNotNull();
		assertThat(qr.attr("alt")).contains("/area/wigston");

		String decoded = QrCodeImages.decode(qr.attr("src"));

		assertThat(decoded).isEqualTo(this.siteProperties.link("/area/wigston")).endsWith("/area/wigston");
	}

	@Test
	void anUnknownNeighbourhoodHasNoPoster() {
		HttpResponse<String> response = this.site.get("/area/nowhere-at-all/poster");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
	}

}
