package uk.yourarea.alert;

import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.web.Languages;
import uk.yourarea.web.SiteProperties;

/**
 * A neighbourhood's alerts as an Atom 1.0 feed (RFC 4287), for feed readers. Every text
 * is written by an XML writer, so whatever staff typed is escaped; characters XML cannot
 * hold at all are left out. Ids are tag URIs (RFC 4151) made from the site's host and the
 * neighbourhood's or alert's id, so they stay the same when a neighbourhood is renamed.
 */
@Component
class AlertFeed {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	/**
	 * Tag URIs need a date on which the site owned its host name; any fixed one will do.
	 */
	private static final String TAG_DATE = "2026";

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private final SiteProperties site;

	private final MessageSource text;

	AlertFeed(SiteProperties site, MessageSource text) {
		this.site = site;
		this.text = text;
	}

	/** The address of a neighbourhood's feed, within the site. */
	static String feedOf(String slug) {
		return "/area/" + slug + "/alerts.atom";
	}

	/**
	 * The feed in the language of the address it was fetched from: its fixed words, and
	 * links to the pages in that language.
	 */
	String write(NeighbourhoodSummary neighbourhood, List<AlertArchive.Shown> alerts) {
		String prefix = Languages.pathPrefix(Languages.current());
		String archive = this.site.link(prefix + "/area/" + neighbourhood.slug() + "/alerts");
		String author = message("alerts.feed.author", neighbourhood.name());
		// The newest alert is when the feed last changed; a feed with none has never
		// changed.
		Instant updated = alerts.isEmpty() ? Instant.EPOCH : alerts.get(0).publishedAt();
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(ATOM);
			xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang",
					Languages.current().toLanguageTag());
			element(xml, "id", tag("neighbourhood-" + neighbourhood.id() + "-alerts"));
			element(xml, "title", message("alerts.feed.title", neighbourhood.name()));
			element(xml, "subtitle", message("alerts.feed.subtitle", neighbourhood.name()));
			element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
			link(xml, "self", this.site.link(prefix + feedOf(neighbourhood.slug())), "application/atom+xml");
			link(xml, "alternate", archive, "text/html");
			author(xml, author);
			element(xml, "generator", this.site.serviceName());
			for (AlertArchive.Shown alert : alerts) {
				String page = this.site.link(prefix + PublishedAlerts.pageOf(neighbourhood.slug(), alert.id()));
				String published = DateTimeFormatter.ISO_INSTANT.format(alert.publishedAt());
				xml.writeStartElement("entry");
				if (alert.lang() != null) {
					// Written in the other language than the feed's (English where there
					// is no Welsh).
					xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", alert.lang());
				}
				element(xml, "id", tag("alert-" + alert.id()));
				element(xml, "title", alert.title());
				element(xml, "published", published);
				element(xml, "updated", published);
				link(xml, "alternate", page, "text/html");
				author(xml, author);
				xml.writeEmptyElement("category");
				xml.writeAttribute("term", alert.topic().name().toLowerCase(Locale.ROOT));
				xml.writeAttribute("label", message(alert.topicLabelKey()));
				textElement(xml, "summary", alert.summary());
				textElement(xml, "content", content(alert, page, prefix, neighbourhood));
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the alerts feed", ex);
		}
		return out.toString();
	}

	private String content(AlertArchive.Shown alert, String page, String prefix, NeighbourhoodSummary neighbourhood) {
		String reply = this.site.link(prefix + "/area/" + neighbourhood.slug() + "/contact?alert=" + alert.id());
		return message("alerts.feed.content", alert.text().asPlainText(), alert.signature(), reply, page);
	}

	private String tag(String specific) {
		String host = URI.create(this.site.baseUrl()).getHost();
		return "tag:" + ((host != null) ? host : "your-area") + "," + TAG_DATE + ":" + specific;
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(xmlCharacters(text));
		xml.writeEndElement();
	}

	private static void textElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeAttribute("type", "text");
		xml.writeCharacters(xmlCharacters(text));
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("type", type);
		xml.writeAttribute("href", href);
	}

	private static void author(XMLStreamWriter xml, String name) throws XMLStreamException {
		xml.writeStartElement("author");
		element(xml, "name", name);
		xml.writeEndElement();
	}

	/** The text without the characters XML 1.0 cannot hold (most control characters). */
	static String xmlCharacters(String text) {
		StringBuilder kept = new StringBuilder(text.length());
		text.codePoints().forEach((c) -> {
			boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
					|| (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
			if (allowed) {
				kept.appendCodePoint(c);
			}
		});
		return kept.toString();
	}

	private String message(String key, Object... arguments) {
		return this.text.getMessage(key, arguments, Languages.current());
	}

}
