package uk.yourarea.alert;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import uk.yourarea.testing.TestNeighbourhoods;
import uk.yourarea.web.Languages;
import uk.yourarea.web.SiteProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** The Atom feed is well-formed XML whatever staff typed. */
class AlertFeedTests {

	static final SiteProperties SITE = new SiteProperties("Your Area", null, true, Duration.ZERO,
			Duration.ofSeconds(60), "https://your-area.example.org", Duration.ofSeconds(60), List.of("en"));

	final AlertFeed feed = new AlertFeed(SITE, messages());

	@Test
	void charactersXmlCannotHoldAreLeftOutAndTheRestEscaped() throws Exception {
		Instant at = Instant.parse("2026-11-30T09:15:00Z");
		AlertArchive.Shown alert = new AlertArchive.Shown(42, "Bells \u0007 & <whistles>", "Line one\u0000 ]]> done.",
				AlertTopic.EVENTS, "Message sent by PC \"Test\"", at, LocalDate.of(2026, 11, 30), "en", null);

		String xml = this.feed.write(TestNeighbourhoods.live(53L, "wigston", "Wigston"), List.of(alert));
		Element root = parse(xml).getDocumentElement();
		Element entry = (Element) root.getElementsByTagNameNS(AlertFeed.ATOM, "entry").item(0);

		assertThat(text(entry, "title")).isEqualTo("Bells  & <whistles>");
		assertThat(text(entry, "content")).startsWith("Line one ]]> done.\n\nMessage sent by PC \"Test\"")
			.contains("https://your-area.example.org/area/wigston/contact?alert=42");
		assertThat(text(entry, "id")).isEqualTo("tag:your-area.example.org,2026:alert-42");
		assertThat(text(root, "id")).isEqualTo("tag:your-area.example.org,2026:neighbourhood-53-alerts");
		assertThat(text(entry, "published")).isEqualTo("2026-11-30T09:15:00Z");
		assertThat(((Element) entry.getElementsByTagNameNS(AlertFeed.ATOM, "category").item(0)).getAttribute("label"))
			.isEqualTo("Meeting or event");
		assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("en-GB");
	}

	@Test
	void aFeedFetchedInWelshSaysSoAndLinksToTheWelshPages() throws Exception {
		Instant at = Instant.parse("2026-11-30T09:15:00Z");
		AlertArchive.Shown alert = new AlertArchive.Shown(42, "Cyfarfod", "Dewch draw.", AlertTopic.EVENTS, "PC Jones",
				at, LocalDate.of(2026, 11, 30), "cy", null);
		LocaleContextHolder.setLocale(Languages.WELSH);
		try {
			Element root = parse(this.feed.write(TestNeighbourhoods.live(53L, "wigston", "Wigston"), List.of(alert)))
				.getDocumentElement();
			Element entry = (Element) root.getElementsByTagNameNS(AlertFeed.ATOM, "entry").item(0);

			assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("cy");
			assertThat(text(entry, "content"))
				.contains("https://your-area.example.org/cy/area/wigston/contact?alert=42");
			assertThat(((Element) root.getElementsByTagNameNS(AlertFeed.ATOM, "link").item(0)).getAttribute("href"))
				.isEqualTo("https://your-area.example.org/cy/area/wigston/alerts.atom");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	@Test
	void aFeedWithNoAlertsIsStillAFeed() throws Exception {
		Element root = parse(this.feed.write(TestNeighbourhoods.live(53L, "wigston", "Wigston"), List.of()))
			.getDocumentElement();

		assertThat(root.getElementsByTagNameNS(AlertFeed.ATOM, "entry").getLength()).isZero();
		assertThat(text(root, "updated")).isEqualTo("1970-01-01T00:00:00Z");
		assertThat(text(root, "title")).isEqualTo("Messages from the Wigston neighbourhood policing team");
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static String text(Element parent, String name) {
		return parent.getElementsByTagNameNS(AlertFeed.ATOM, name).item(0).getTextContent();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		return messages;
	}

}
