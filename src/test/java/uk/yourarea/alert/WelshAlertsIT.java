package uk.yourarea.alert;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts in Welsh too: the staff form takes both (Welsh title and message together, or
 * neither), the preview shows the Welsh email, and the archive, an alert's page and the
 * feed show the Welsh to a Welsh reader, or the English marked as English, and name the
 * team by its neighbourhood's Welsh name.
 */
@DemoSiteTest
class WelshAlertsIT {

	@Autowired
	Site site;

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AlertArchive archive;

	@Autowired
	NeighbourhoodDirectory neighbourhoods;

	TestAlerts alerts;

	NeighbourhoodSummary here;

	final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@BeforeEach
	void aNeighbourhood() {
		this.alerts = new TestAlerts(this.jdbc, this.transaction, this.archive);
		this.here = this.neighbourhoods.byCode("NL58").orElseThrow();
	}

	@AfterEach
	void removeTheAlerts() {
		this.alerts.removeAll();
	}

	@Test
	void aWelshReaderGetsTheWelshOfAnAlertAndTheEnglishMarkedWhereThereIsNone() {
		long welsh = this.alerts.published("Who comes when you call", "The response team comes.", this.now,
				this.here.id());
		this.jdbc.update("update alert set title_cy = ?, body_cy = ?, signature_cy = ? where id = ?",
				"Pwy sy\u2019n dod pan fyddwch yn ffonio", "Mae\u2019r t\u00eem ymateb yn dod.",
				"Neges a anfonwyd gan PC Test\n(Heddlu Prawf, Testbury)", welsh);
		long english = this.alerts.published("Bike marking on Saturday", "Bring your bike.", this.now.minusSeconds(60),
				this.here.id());
		String base = "/area/" + this.here.slug() + "/alerts";

		Document welshPage = welsh(base + "/" + welsh);
		assertThat(welshPage.selectFirst("h1").text()).isEqualTo("Pwy sy\u2019n dod pan fyddwch yn ffonio");
		assertThat(welshPage.selectFirst("h1").hasAttr("lang")).as("in the page's own language, so not marked")
			.isFalse();
		assertThat(welshPage.selectFirst("#alert-body").hasAttr("lang")).as("in the page's own language, so not marked")
			.isFalse();
		assertThat(welshPage.selectFirst("#alert-body").text()).isEqualTo("Mae\u2019r t\u00eem ymateb yn dod.");
		assertThat(welshPage.selectFirst("#alert-signature").text())
			.isEqualTo("Neges a anfonwyd gan PC Test (Heddlu Prawf, Testbury)");
		assertThat(welshPage.selectFirst("#alert-signature").hasAttr("lang")).isFalse();

		Document englishOnly = welsh(base + "/" + english);
		assertThat(englishOnly.selectFirst("h1").text()).isEqualTo("Bike marking on Saturday");
		assertThat(englishOnly.selectFirst("h1").attr("lang")).isEqualTo("en");
		assertThat(englishOnly.selectFirst("#alert-signature").text()).as("sent before alerts were signed in Welsh")
			.isEqualTo("Message sent by PC Test (Test Police, Testbury)");
		assertThat(englishOnly.selectFirst("#alert-signature").attr("lang")).isEqualTo("en");

		Document inEnglish = this.site.page(base + "/" + welsh);
		assertThat(inEnglish.selectFirst("h1").text()).isEqualTo("Who comes when you call");
		assertThat(inEnglish.selectFirst("h1").hasAttr("lang")).as("in the page's own language, so not marked")
			.isFalse();
		assertThat(inEnglish.selectFirst("#alert-signature").text())
			.isEqualTo("Message sent by PC Test (Test Police, Testbury)");
		assertThat(inEnglish.selectFirst("#alert-signature").hasAttr("lang")).isFalse();

		Document list = welsh(base);
		assertThat(list.select(".ya-alert-archive a:not([lang])").eachText())
			.containsExactly("Pwy sy\u2019n dod pan fyddwch yn ffonio");
		assertThat(list.select(".ya-alert-archive a[lang=en]").eachText()).contains("Bike marking on Saturday");

		HttpResponse<String> feed = this.site.get("/cy" + base + ".atom");
		Document atom = Jsoup.parse(feed.body(), "", Parser.xmlParser());
		assertThat(atom.selectFirst("feed").attr("xml:lang")).isEqualTo("cy");
		assertThat(atom.select("entry:not([xml:lang]) > title").eachText())
			.containsExactly("Pwy sy\u2019n dod pan fyddwch yn ffonio");
		assertThat(atom.select("entry[xml:lang=en] > title").eachText()).contains("Bike marking on Saturday");
		assertThat(atom.select("entry:not([xml:lang]) > content").text())
			.contains("Neges a anfonwyd gan PC Test (Heddlu Prawf, Testbury)");
	}

	@Test
	void aWelshReaderFindsTheTeamByItsWelshNameOnTheArchiveAnAlertsPageAndTheFeed() {
		String welshNameBefore = this.jdbc.queryForObject("select name_cy from neighbourhood where id = ?",
				String.class, this.here.id());
		this.jdbc.update("update neighbourhood set name_cy = 'Anstey Prawf' where id = ?", this.here.id());
		try {
			// Published after the change, which empties the cached pages.
			long alert = this.alerts.published("Bike marking on Saturday", "Bring your bike.", this.now,
					this.here.id());
			String base = "/area/" + this.here.slug() + "/alerts";

			Document archive = welsh(base);
			assertThat(archive.selectFirst("h1").text()).isEqualTo("Cael negeseuon gan dîm Anstey Prawf");
			assertThat(archive.title()).startsWith("Cael negeseuon gan dîm Anstey Prawf");
			Document page = welsh(base + "/" + alert);
			assertThat(page.selectFirst(".govuk-caption-l").text()).isEqualTo("Neges gan dîm Anstey Prawf");
			assertThat(page.title()).contains("Neges gan dîm Anstey Prawf");
			Document atom = Jsoup.parse(this.site.get("/cy" + base + ".atom").body(), "", Parser.xmlParser());
			assertThat(atom.selectFirst("feed > title").text())
				.isEqualTo("Negeseuon gan Dîm Plismona yn y Gymdogaeth Anstey Prawf");
			assertThat(atom.selectFirst("feed > author > name").text())
				.isEqualTo("Tîm Plismona yn y Gymdogaeth Anstey Prawf");

			assertThat(this.site.page(base).selectFirst("h1").text()).as("in English, the English name")
				.isEqualTo("Get messages from the " + this.here.name() + " team");
			Document englishFeed = Jsoup.parse(this.site.get(base + ".atom").body(), "", Parser.xmlParser());
			assertThat(englishFeed.selectFirst("feed > title").text()).doesNotContain("Anstey Prawf");
		}
		finally {
			// The pages cached meanwhile go when the alert is removed.
			this.jdbc.update("update neighbourhood set name_cy = ? where id = ?", welshNameBefore, this.here.id());
		}
	}

	@Test
	void staffWriteTheWelshBesideTheEnglishAndThePreviewShowsIt() {
		StaffBrowser officer = StaffBrowser.signedIn(this.environment, "officer.wigston@example.org",
				StaffBrowser.DEMO_PASSWORD);
		String wigston = String.valueOf(this.neighbourhoods.byCode("NA54").orElseThrow().id());
		String title = "Beat surgery " + UUID.randomUUID().toString().substring(0, 6);
		Document form = officer.page("/staff/alerts/new");
		assertThat(form.selectFirst("#titleCy").attr("lang")).isEqualTo("cy");
		assertThat(form.selectFirst("textarea#bodyCy").attr("lang")).isEqualTo("cy");

		HttpResponse<String> half = officer.submit("/staff/alerts/new", "/staff/alerts/new", "title", title, "body",
				"Come on Tuesday.", "titleCy", "Cymhorthfa", "bodyCy", "", "topic", "GENERAL", "neighbourhoodIds",
				wigston, "action", "preview");

		assertThat(half.statusCode()).isEqualTo(200);
		Document again = StaffBrowser.parse(half);
		assertThat(again.select(".govuk-error-summary li").eachText())
			.containsExactly("Enter the message in Welsh as well, or leave both Welsh fields empty");
		assertThat(again.selectFirst("#title").val()).isEqualTo(title);
		assertThat(again.selectFirst("#titleCy").val()).isEqualTo("Cymhorthfa");
		assertThat(again.selectFirst("#body").text()).isEqualTo("Come on Tuesday.");

		HttpResponse<String> saved = officer.submit("/staff/alerts/new", "/staff/alerts/new", "title", title, "body",
				"Come on Tuesday.", "titleCy", "Cymhorthfa", "bodyCy", "Dewch ddydd Mawrth.", "topic", "GENERAL",
				"neighbourhoodIds", wigston, "action", "preview");
		assertThat(saved.statusCode()).isEqualTo(303);
		Document preview = StaffBrowser.parse(officer.follow(saved));
		long id = this.jdbc.queryForObject("select id from alert where title = ?", Long.class, title);
		try {
			assertThat(preview.select("#email-subject").text()).isEqualTo("Wigston team: " + title);
			assertThat(preview.select("#email-subject-cy").text()).endsWith("Cymhorthfa");
			assertThat(preview.select("#email-body-cy").text()).contains("Dewch ddydd Mawrth.");
			assertThat(preview.select("#web-preview-cy h3").text()).isEqualTo("Cymhorthfa");
			String welshSignature = "Neges a anfonwyd gan PC Jo Wigston (demo) (Heddlu Swydd Gaerlŷr, "
					+ "tîm y gymdogaeth, rhif coler 1913, ";
			assertThat(preview.select("#web-preview-signature-cy").text()).startsWith(welshSignature);
			assertThat(preview.select("#email-body-cy").text()).contains(welshSignature)
				.doesNotContain("Message sent by");
			assertThat(preview.select("#email-body").text()).contains("Message sent by PC Jo Wigston (demo)");
			assertThat(officer.page("/staff/alerts/" + id + "/edit").selectFirst("textarea#bodyCy").text())
				.isEqualTo("Dewch ddydd Mawrth.");
		}
		finally {
			this.jdbc.update("delete from alert where id = ?", id);
		}
	}

	private Document welsh(String path) {
		HttpResponse<String> response = this.site.get("/cy" + path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

}
