package uk.yourarea.area;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
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

	/** One dark module of the QR code's SVG path: a unit square at x, y. */
	private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

	/** Screen pixels drawn for each module when the SVG is turned into an image. */
	private static final int PIXELS_PER_MODULE = 4;

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
			.anyMatch((href) -> href.matches("/css/poster-[0-9a-f]+\\.css"));
		Element poster = page.selectFirst("article.ya-poster");
		assertThat(poster).isNotNull();
		assertThat(poster.selectFirst("h1").text()).isEqualTo("Your Wigston neighbourhood policing team");
		assertThat(wigston.namedOfficer()).isNotNull();
		assertThat(poster.select(".ya-poster__officer .ya-poster__name").text())
			.isEqualTo(wigston.namedOfficer().name());
		assertThat(poster.select(".ya-poster__team li strong").eachText())
			.containsExactlyElementsOf(wigston.team().stream().map((member) -> member.name()).toList());
		assertThat(poster.select("#poster-priorities ~ ul li").eachText())
			.containsExactlyElementsOf(wigston.priorities().stream().map(AreaView.PriorityView::issue).toList());
		assertThat(wigston.events()).isNotEmpty();
		assertThat(poster.select(".ya-poster__events li strong").eachText())
			.containsExactlyElementsOf(
					PosterController.nextEvents(wigston.events()).stream().map(AreaView.EventView::title).toList())
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
	void itsQrCodeOpensTheYourAreaPage() throws Exception {
		Document page = this.site.page("/area/wigston/poster");
		Element qr = page.selectFirst("img#poster-qr");
		assertThat(qr).isNotNull();
		assertThat(qr.attr("alt")).contains("/area/wigston");

		String decoded = decodeQrCode(qr.attr("src"));

		assertThat(decoded).isEqualTo(this.siteProperties.link("/area/wigston")).endsWith("/area/wigston");
	}

	@Test
	void anUnknownNeighbourhoodHasNoPoster() {
		HttpResponse<String> response = this.site.get("/area/nowhere-at-all/poster");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
	}

	/**
	 * Reads a QR code the way a phone's camera would: the SVG image of the page drawn as
	 * pixels (each dark module of the path a black square, with its quiet zone), then
	 * decoded by ZXing's reader.
	 */
	static String decodeQrCode(String dataUri) throws Exception {
		String prefix = "data:image/svg+xml;base64,";
		assertThat(dataUri).startsWith(prefix);
		String svg = new String(Base64.getDecoder().decode(dataUri.substring(prefix.length())), StandardCharsets.UTF_8);
		Matcher box = VIEW_BOX.matcher(svg);
		assertThat(box.find()).as("the SVG's viewBox in %s", svg).isTrue();
		int width = Integer.parseInt(box.group(1)) * PIXELS_PER_MODULE;
		int height = Integer.parseInt(box.group(2)) * PIXELS_PER_MODULE;
		int[] pixels = new int[width * height];
		java.util.Arrays.fill(pixels, 0xFFFFFFFF);
		Matcher module = MODULE.matcher(svg);
		int modules = 0;
		while (module.find()) {
			modules++;
			int left = Integer.parseInt(module.group(1)) * PIXELS_PER_MODULE;
			int top = Integer.parseInt(module.group(2)) * PIXELS_PER_MODULE;
			for (int y = top; y < top + PIXELS_PER_MODULE; y++) {
				for (int x = left; x < left + PIXELS_PER_MODULE; x++) {
					pixels[y * width + x] = 0xFF000000;
				}
			}
		}
		assertThat(modules).as("dark modules in the SVG").isGreaterThan(100);
		BinaryBitmap image = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
		Result result = new QRCodeReader().decode(image);
		return result.getText();
	}

}
