package uk.yourarea.alert;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public archive over real HTTP: the list on the alerts page, each alert's page, the
 * Atom feed and the latest alerts on the Your Area page, with alerts written into the
 * database in every state (and removed again) in two neighbourhoods no other test writes
 * alerts to; and the demo's Wigston archive.
 */
@DemoSiteTest
class AlertArchiveIT {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	@Autowired
	Site site;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AlertArchive archive;

	@Autowired
	NeighbourhoodDirectory neighbourhoods;

	@Autowired
	DemoAlerts demoAlerts;

	TestAlerts alerts;

	NeighbourhoodSummary here;

	NeighbourhoodSummary elsewhere;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@BeforeEach
	void twoNeighbourhoods() {
		this.alerts = new TestAlerts(this.jdbc, this.transaction, this.archive);
		this.here = this.neighbourhoods.byCode("NL58").orElseThrow();
		this.elsewhere = this.neighbourhoods.byCode("NL59").orElseThrow();
	}

	@AfterEach
	void removeTheAlerts() {
		this.alerts.removeAll();
	}

	@Test
	void theArchiveListsOnlyTheAlertsPublishedHereNewestFirstTwentyAPage() {
		List<String> published = new ArrayList<>();
		for (int i = 1; i <= 22; i++) {
			String title = "Alert number " + i;
			this.alerts.published(title, "Words of alert " + i + ".\n\nMore words.",
					this.now.minus(Duration.ofDays(30 - i)), this.here.id());
			published.add(0, title);
		}
		this.alerts.published("Sent to the other team", "Not here.", this.now, this.elsewhere.id());
		this.alerts.unpublished("A draft", "DRAFT", this.now, this.here.id());
		this.alerts.unpublished("Still to go", "SCHEDULED", this.now.plus(Duration.ofDays(1)), this.here.id());
		this.alerts.unpublished("Never went", "CANCELLED", this.now, this.here.id());
		String archive = "/area/" + this.here.slug() + "/alerts";

		HttpResponse<String> first = this.site.get(archive);
		Document page = Pages.parse(first);
		Document second = this.site.page(archive + "?page=2");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(page.select(FORM_ON_PAGE)).as("the subscribe form stays").isNotEmpty();
		assertThat(titles(page)).containsExactlyElementsOf(published.subList(0, 20));
		assertThat(titles(second)).containsExactlyElementsOf(published.subList(20, 22));
		assertThat(page.title()).startsWith("Get messages from the " + this.here.name() + " team –");
		assertThat(second.title()).startsWith("Get messages from the " + this.here.name() + " team (Page 2 of 2) –");
		assertThat(second.select("#archive-page").text()).isEqualTo("Page 2 of 2");
		assertThat(page.select(".ya-alert-archive a").first().attr("href"))
			.matches("/area/" + this.here.slug() + "/alerts/\\d+");
		assertThat(page.select(".ya-alert-archive__alert").first().text()).contains("Appeal for information")
			.contains("Words of alert 22.")
			.doesNotContain("More words.");
		assertThat(page.select(".govuk-pagination a[rel=next]").attr("href")).isEqualTo(archive + "?page=2");
		assertThat(second.select(".govuk-pagination a[rel=prev]").attr("href")).isEqualTo(archive);
		assertThat(page.select("#alerts-feed").attr("href")).isEqualTo(archive + ".atom");
		assertThat(page.select("head link[rel=alternate][type=application/atom+xml]").attr("href"))
			.isEqualTo(archive + ".atom");
		for (String bad : List.of("3", "0", "-1", "abc", "1e3", "9".repeat(40), "%00")) {
			assertThat(this.site.get(archive + "?page=" + bad).statusCode()).as("page " + bad).isEqualTo(404);
		}
		Pages.assertAccessibleStructure(page);
	}

	static final String FORM_ON_PAGE = "form[action$='/alerts'] input[name=email]";

	@Test
	void eachPublishedAlertHasItsOwnPageAndNothingElseDoes() {
		long id = this.alerts.published("Bikes stolen <b>from</b> sheds & garages",
				"Three sheds were broken into on <script>alert(1)</script> Road.\n\nSee https://example.org/advice.",
				this.now, this.here.id(), this.elsewhere.id());
		long draft = this.alerts.unpublished("A draft", "DRAFT", this.now, this.here.id());
		long scheduled = this.alerts.unpublished("Later", "SCHEDULED", this.now.plus(Duration.ofHours(2)),
				this.here.id());
		long otherTeams = this.alerts.published("Only the other team", "Not here.", this.now, this.elsewhere.id());
		String base = "/area/" + this.here.slug() + "/alerts/";

		HttpResponse<String> response = this.site.get(base + id);
		Document page = Pages.parse(response);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("public"));
		assertThat(response.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
		assertThat(page.selectFirst("h1").text()).isEqualTo("Bikes stolen <b>from</b> sheds & garages");
		assertThat(page.select("#alert-body script")).isEmpty();
		assertThat(page.select("#alert-body").text()).contains("<script>alert(1)</script> Road.");
		assertThat(page.select("#alert-body a").attr("href")).isEqualTo("https://example.org/advice");
		assertThat(page.select("#alert-signature").text()).isEqualTo("Message sent by PC Test (Test Police, Testbury)");
		assertThat(page.select("#alert-signature br")).hasSize(1);
		assertThat(page.select("main").text()).contains("Appeal for information");
		assertThat(page.select("#reply").attr("href")).isEqualTo("/area/" + this.here.slug() + "/contact?alert=" + id);
		assertThat(page.select("#subscribe").attr("href")).isEqualTo("/area/" + this.here.slug() + "/alerts");
		assertThat(this.site.get("/area/" + this.elsewhere.slug() + "/alerts/" + id).statusCode())
			.as("published to both")
			.isEqualTo(200);
		Pages.assertAccessibleStructure(page);

		for (String missing : List.of(Long.toString(draft), Long.toString(scheduled), Long.toString(otherTeams), "abc",
				"12x", "-1", "9".repeat(30), "0")) {
			HttpResponse<String> notFound = this.site.get(base + missing);
			assertThat(notFound.statusCode()).as(missing).isEqualTo(404);
			assertThat(Pages.parse(notFound).selectFirst("h1").text()).as(missing).isEqualTo("Page not found");
		}
	}

	@Test
	void theFeedIsAtomWithEveryTextEscapedAndIsCachedLikeThePages() throws Exception {
		long older = this.alerts.published("Older", "First.", this.now.minus(Duration.ofDays(2)), this.here.id());
		long newer = this.alerts.published("Fish & chips <at> the hall", "Come & see <us>.\n\nSecond paragraph.",
				this.now.minus(Duration.ofHours(1)), this.here.id());
		this.alerts.unpublished("A draft", "DRAFT", this.now, this.here.id());
		this.alerts.published("Only the other team", "Not here.", this.now, this.elsewhere.id());
		String feedPath = "/area/" + this.here.slug() + "/alerts.atom";

		HttpResponse<String> response = this.site.get(feedPath);
		org.w3c.dom.Document feed = parse(response.body());
		Element root = feed.getDocumentElement();
		NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValue(this.site.get("/area/" + this.here.slug() + "/events.ics")
				.headers()
				.firstValue("Cache-Control")
				.orElseThrow());
		assertThat(root.getLocalName()).isEqualTo("feed");
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(child(root, "title"))
			.isEqualTo("Messages from the " + this.here.name() + " neighbourhood policing team");
		assertThat(child(root, "id")).startsWith("tag:").endsWith(":neighbourhood-" + this.here.id() + "-alerts");
		assertThat(child(root, "updated")).isEqualTo(this.now.minus(Duration.ofHours(1)).toString());
		assertThat(links(root)).contains("self " + "http://localhost:8080" + feedPath,
				"alternate http://localhost:8080/area/" + this.here.slug() + "/alerts");
		assertThat(entries.getLength()).isEqualTo(2);
		Element first = (Element) entries.item(0);
		assertThat(child(first, "title")).isEqualTo("Fish & chips <at> the hall");
		assertThat(child(first, "id")).endsWith(":alert-" + newer);
		assertThat(child(first, "published")).isEqualTo(child(first, "updated"));
		assertThat(child(first, "summary")).isEqualTo("Come & see <us>.");
		assertThat(child(first, "content")).startsWith("Come & see <us>.\n\nSecond paragraph.")
			.contains("Message sent by PC Test")
			.contains("/area/" + this.here.slug() + "/contact?alert=" + newer);
		assertThat(((Element) first.getElementsByTagNameNS(ATOM, "content").item(0)).getAttribute("type"))
			.isEqualTo("text");
		assertThat(((Element) first.getElementsByTagNameNS(ATOM, "author").item(0)).getTextContent()).isNotBlank();
		assertThat(child((Element) entries.item(1), "id")).endsWith(":alert-" + older);
		assertThat(response.body()).contains("Fish &amp; chips &lt;at&gt; the hall").doesNotContain("<at>");

		String etag = response.headers().firstValue("ETag").orElseThrow();
		assertThat(this.site.get(feedPath, "If-None-Match", etag).statusCode()).isEqualTo(304);
		this.alerts.published("Newest", "Now.", this.now, this.here.id());
		assertThat(this.site.get(feedPath, "If-None-Match", etag).statusCode()).as("a new alert changes the feed")
			.isEqualTo(200);
		assertThat(this.site.get("/area/not-a-neighbourhood/alerts.atom").statusCode()).isEqualTo(404);
	}

	@Test
	void theYourAreaPageShowsTheLatestTwoAndChangesWhenAnAlertIsPublished() {
		String area = "/area/" + this.here.slug();
		this.alerts.published("First of three", "One.", this.now.minus(Duration.ofDays(3)), this.here.id());
		this.alerts.published("Second of three", "Two.", this.now.minus(Duration.ofDays(2)), this.here.id());
		Document before = this.site.page(area);
		assertThat(before.select("#latest-alerts a").eachText()).containsExactly("Second of three", "First of three");
		assertThat(this.site.page(area).select("#latest-alerts a").eachText()).as("from the cache")
			.containsExactly("Second of three", "First of three");

		this.alerts.publishedSilently("Unannounced", this.now.minus(Duration.ofDays(1)), this.here.id());
		assertThat(this.site.page(area).select("#latest-alerts a").eachText())
			.as("the page is cached: only announcing the alert changes it")
			.containsExactly("Second of three", "First of three");
		long third = this.alerts.published("Third of three", "Three.", this.now, this.here.id());
		// Rendered again in the background once the alert is announced (the old page
		// meanwhile); a request that publishes waits for that before it answers.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.site.page(area).select("#latest-alerts a").eachText().contains("Third of three"));
		Document after = this.site.page(area);

		assertThat(after.select("#latest-alerts a").eachText()).containsExactly("Third of three", "Unannounced");
		assertThat(after.select("#latest-alerts a").first().attr("href")).isEqualTo(area + "/alerts/" + third);
		assertThat(after.select("#all-alerts").attr("href")).isEqualTo(area + "/alerts");
		assertThat(after.select("head link[rel=alternate][type=application/atom+xml]").attr("href"))
			.isEqualTo(area + "/alerts.atom");
		assertThat(this.site.page("/area/" + this.elsewhere.slug()).select("#latest-alerts")).isEmpty();
	}

	@Test
	void loadingTheDemoAgainAddsNothing() {
		long wigston = this.neighbourhoods.byCode("NA54").orElseThrow().id();
		String counts = "select (select count(*) from alert_neighbourhood where neighbourhood_id = ?) || '/'"
				+ " || (select count(*) from alert_subscription where neighbourhood_id = ?)";
		String before = this.jdbc.queryForObject(counts, String.class, wigston, wigston);

		this.demoAlerts.load();

		assertThat(this.jdbc.queryForObject(counts, String.class, wigston, wigston)).isEqualTo(before);
	}

	@Test
	void wigstonHasTheDemosThreeAlertsAndTheBeatTeamsLetter() throws Exception {
		Document archive = this.site.page("/area/wigston/alerts");
		List<String> titles = titles(archive);
		assertThat(titles).hasSize(3).last().asString().startsWith("Who comes when you call");
		Document letter = this.site.page(archive.select(".ya-alert-archive a").last().attr("href"));
		assertThat(letter.select("#alert-body").text()).contains("Your Wigston Beat Team")
			.contains("Response officers")
			.containsPattern("(PC|PCSO) \\d+ \\p{Lu}");
		assertThat(letter.select("#alert-signature").text())
			.matches("Message sent by .+ \\(Leicestershire Police, .+, Harborough, Oadby and Wigston\\)");
		Document welsh = this.site.page("/cy" + archive.select(".ya-alert-archive a").last().attr("href"));
		assertThat(welsh.select("#alert-signature").text()).as("signed in Welsh too when it went")
			.matches("Neges a anfonwyd gan .+ \\(Heddlu Swydd Gaerlŷr, tîm y gymdogaeth, .+\\)");
		assertThat(welsh.select("#alert-signature").attr("lang")).isEmpty();
		assertThat(this.site.page("/area/wigston").select("#latest-alerts a").eachText())
			.containsExactlyElementsOf(titles.subList(0, 2));
		assertThat(parse(this.site.get("/area/wigston/alerts.atom").body()).getElementsByTagNameNS(ATOM, "entry")
			.getLength()).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from alert_subscription s join alert_subscriber r on r.id = s.alert_subscriber_id
				where s.neighbourhood_id = ? and s.confirmed_at is not null and r.email like '%@example.org'""",
				Long.class, this.neighbourhoods.byCode("NA54").orElseThrow().id()))
			.isGreaterThanOrEqualTo(3);
	}

	private static List<String> titles(Document page) {
		return page.select(".ya-alert-archive__alert h3").eachText();
	}

	static org.w3c.dom.Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static String child(Element parent, String name) {
		NodeList children = parent.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI())
					&& name.equals(element.getLocalName())) {
				return element.getTextContent();
			}
		}
		throw new AssertionError("No " + name + " in " + parent.getLocalName());
	}

	private static List<String> links(Element parent) {
		List<String> links = new ArrayList<>();
		NodeList children = parent.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element element && "link".equals(element.getLocalName())) {
				links.add(element.getAttribute("rel") + " " + element.getAttribute("href"));
			}
		}
		return links;
	}

}
