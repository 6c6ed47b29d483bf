package uk.yourarea.consultation;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.area.AreaPages;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.StatementCounter;
import uk.yourarea.testing.TestMail;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Have your say" as residents use it, over real HTTP: every bad input, the anti-abuse
 * rules, the confirmation link and one voice per email address. Answers go to Wigston's
 * open demo consultation; the resident is a cookie-keeping client that can send a field
 * more than once (ticked checkboxes).
 */
@DemoSiteTest
class HaveYourSayIT {

	static final String WIGSTON = "/area/wigston/have-your-say";

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RateLimits rateLimits;

	@Autowired
	GreenMail greenMail;

	@Autowired
	ConsultationSummaries summaries;

	@Autowired
	AreaPages pages;

	@Autowired
	CacheManager caches;

	StaffBrowser resident;

	@BeforeEach
	void newResident() {
		this.rateLimits.clear("have-your-say-address:127.0.0.1");
		this.resident = StaffBrowser.on(this.environment);
	}

	@Test
	void theFormOffersTheOpenPrioritiesAndCommonConcernsAndKeepsNothingInCaches() {
		HttpResponse<String> response = this.resident.get(WIGSTON);
		Document page = Pages.parse(response);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Have your say on local policing priorities");
		List<String> labels = page.select("input[name=issues] + label").eachText();
		assertThat(labels).contains("Anti-social behaviour", "Burglary", "Shoplifting", "Vehicle crime");
		// The open consultation's issues, in its order: the open priorities when it was
		// set up, then the
		// common concerns (other tests add priorities to Wigston since).
		List<String> offered = this.jdbc.queryForList("""
				select i.label from consultation_issue i join consultation c on c.id = i.consultation_id
				join neighbourhood n on n.id = c.neighbourhood_id
				where n.slug = 'wigston' and c.opens_at <= now() and c.closes_at > now() order by i.position
				""", String.class);
		assertThat(labels).containsExactlyElementsOf(offered);
		assertThat(offered).containsAnyElementsOf(this.jdbc.queryForList("""
				select p.issue from priority p join neighbourhood n on n.id = p.neighbourhood_id
				where n.slug = 'wigston' and p.status = 'OPEN'""", String.class));
		assertThat(page.select("form[action='" + WIGSTON + "'] [name]").eachAttr("name")).contains("issues", "concern",
				"respondentType", "postcode", "email", "website", "startedAt", "idempotencyKey", "_csrf");
		assertThat(page.select(".govuk-character-count[data-maxlength=1000]")).hasSize(1);
		assertThat(page.text()).contains("999").contains("101");
		Pages.assertAccessibleStructure(page);
	}

	@Test
	void theYourAreaPageLinksToTheOpenConsultationWithoutACookie() {
		HttpResponse<String> response = this.site.get("/area/wigston");
		Document page = Pages.parse(response);

		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(page.select("#have-your-say a").attr("href")).isEqualTo(WIGSTON);
		assertThat(page.select("#have-your-say").text()).contains("You can answer until the end of");
		assertThat(page.select("#what-you-told-us")).as("Wigston has not closed a consultation").isEmpty();
	}

	@Test
	void aClosedConsultationShowsWhatPeopleSaidWithApprovedConcernsOnly() {
		HttpResponse<String> response = this.site.get("/area/oadby");
		Document page = Pages.parse(response);
		long confirmed = this.jdbc.queryForObject("""
				select count(*) from consultation_response r
				where r.confirmed_at is not null and r.consultation_id = (
				    select c.id from consultation c join neighbourhood n on n.id = c.neighbourhood_id
				    where n.slug = 'oadby' and c.closes_at <= now() order by c.closes_at desc limit 1)""", Long.class);

		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		Element told = page.selectFirst("section[aria-labelledby=what-you-told-us]");
		assertThat(told).isNotNull();
		assertThat(told.text()).contains("We asked: Which of these issues should the Oadby")
			.contains(confirmed + " people answered before the consultation closed on");
		List<Element> rows = told.select("tbody tr");
		assertThat(rows).isNotEmpty();
		Element top = rows.get(0);
		long topCount = Long.parseLong(top.select("td").get(0).text());
		assertThat(top.select("td").get(1).text()).isEqualTo(Math.round(topCount * 100.0 / confirmed) + "%");
		assertThat(told.select("#approved-concerns li").eachText()).hasSize(2)
			.anyMatch((text) -> text.startsWith("Cars parked on the pavement"))
			.noneMatch((text) -> text.contains("rubbish"));
		assertThat(page.select("#have-your-say")).as("no consultation open in Oadby").isEmpty();
		assertThat(told.text()).doesNotContain("@");
		Pages.assertAccessibleStructure(page);
	}

	@Test
	void theYourAreaPageReadsEverythingAboutConsultationsWithOneStatement() {
		long oadby = this.jdbc.queryForObject("select id from neighbourhood where slug = 'oadby'", Long.class);
		this.caches.getCache(AreaPages.CACHE).clear();

		StatementCounter.reset();
		ConsultationSummaries.AreaSummary summary = this.summaries.forNeighbourhood(oadby);
		assertThat(StatementCounter.count()).isEqualTo(1);
		assertThat(summary.latestClosed()).isNotNull();
		assertThat(summary.latestClosed().issues()).isNotEmpty();

		for (String slug : List.of("oadby", "wigston")) {
			StatementCounter.reset();
			assertThat(this.pages.find(slug)).isPresent();
			int statements = StatementCounter.count();
			System.out.println("Statements for the uncached Your Area page of " + slug + ": " + statements);
			assertThat(statements).as(slug).isLessThanOrEqualTo(6);
		}
	}

	@Test
	void withNoConsultationOpenThePageSaysSoAndWhenTheNextOpensWithoutACookie() {
		HttpResponse<String> none = this.site.get("/area/uppingham/have-your-say");
		assertThat(none.statusCode()).isEqualTo(200);
		assertThat(none.headers().allValues("Set-Cookie")).isEmpty();
		Document page = Pages.parse(none);
		assertThat(page.select("#no-consultation").text())
			.isEqualTo("There is no consultation open in Uppingham at the moment.");
		assertThat(page.select("#next-consultation")).isEmpty();
		assertThat(page.select("form[method=post]")).isEmpty();
		Pages.assertAccessibleStructure(page);

		this.jdbc.update("""
				insert into consultation (neighbourhood_id, question, opens_at, closes_at, created_at)
				select id, 'Scheduled?', date_trunc('day', now() + interval '10 days'),
				       date_trunc('day', now() + interval '20 days'), now()
				from neighbourhood where slug = 'melton-rural-north'""");
		Document scheduled = this.site.page("/area/melton-rural-north/have-your-say");
		assertThat(scheduled.select("#next-consultation").text())
			.matches("The next one opens on \\w+day \\d{1,2} \\w+ 20\\d\\d\\.");
		assertThat(this.site.get("/area/no-such-place/have-your-say").statusCode()).isEqualTo(404);
	}

	@Test
	void showsEveryMissingAnswerInPageOrderAndKeepsWhatWasTyped() {
		Document page = Pages.parse(send(List.of("concern", "", "postcode", "", "email", "")));

		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#issues",
				"#respondentType", "#postcode", "#email");
		assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"Select at least one issue, or tell us about your own concern",
				"Select whether you live in the area or run a business there", "Enter your postcode",
				"Enter your email address so that we can send you a link to confirm your answer");
		assertThat(page.select("#issues-error").text()).contains("Select at least one issue");
		assertThat(page.selectFirst("#postcode").hasClass("govuk-input--error")).isTrue();
		Pages.assertAccessibleStructure(page);
	}

	@Test
	void refusesMoreThanThreeIssuesALongConcernAndABadEmailKeepingEverything() {
		List<String> ids = issueIds();
		String tooLong = "c".repeat(1001);
		Document page = Pages.parse(send(List.of("issues", ids.get(0), "issues", ids.get(1), "issues", ids.get(2),
				"issues", ids.get(3), "concern", tooLong, "respondentType", "BUSINESS", "postcode", wigstonPostcode(),
				"email", "not an email")));

		assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"Select no more than 3 issues", "Your concern must be 1,000 characters or fewer",
				"Enter an email address in the correct format, like name@example.com");
		assertThat(page.select("input[name=issues][checked]").eachAttr("value"))
			.containsExactlyElementsOf(ids.subList(0, 4));
		assertThat(page.selectFirst("#concern").text()).hasSize(1001);
		assertThat(page.select("#concern-info").text()).contains("you have entered 1,001");
		assertThat(page.selectFirst("input[name=respondentType][value=BUSINESS]").hasAttr("checked")).isTrue();
		assertThat(page.selectFirst("#email").val()).isEqualTo("not an email");
	}

	@Test
	void aNulInTheConcernAndALineSeparatorInTheEmailAreRefusedBesideTheirFieldsWithTheRestKept() {
		String email = uniqueEmail();
		Document page = Pages.parse(send(answer(email.replace("@", "\u2028@"), wigstonPostcode(), "concern",
				"Bikes on the path\u0000 by the school,\r\nevery morning")));

		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#concern", "#email");
		assertThat(page.selectFirst("#concern-error").text())
			.contains("Your concern had hidden characters in it that we cannot store");
		assertThat(page.selectFirst("#email-error").text())
			.contains("Your email address had line breaks or hidden characters in it");
		assertThat(page.selectFirst("#concern").wholeText()).as("as typed, but for the NUL")
			.isEqualTo("Bikes on the path by the school,\r\nevery morning");
		assertThat(page.selectFirst("#email").val()).isEqualTo(email.replace("@", " @"));
		assertThat(page.selectFirst("#postcode").val()).isEqualTo(wigstonPostcode());
		assertThat(this.jdbc.queryForObject("select count(*) from consultation_response where email like ?", Long.class,
				email.substring(0, email.indexOf('@')) + "%"))
			.isZero();
	}

	@Test
	void aTenThousandCharacterPostcodeGetsTheUsualErrorWithWhatWasTypedKept() {
		String typed = "LE18 1AA ".repeat(1112).substring(0, 10_000);

		Document page = Pages.parse(send(answer(uniqueEmail(), typed)));

		assertThat(page.select("#postcode-error").text()).contains("Enter a full UK postcode, like LE18 1AA");
		assertThat(page.selectFirst("#postcode").val()).isEqualTo(typed);
	}

	@Test
	void aPostcodeInAnotherNeighbourhoodSaysWhichAndLinksToItsPage() {
		String oadby = this.jdbc.queryForObject("""
				select p.postcode from postcode p join neighbourhood n on n.id = p.neighbourhood_id
				where n.slug = 'oadby' and p.terminated_on is null order by p.postcode limit 1""", String.class);
		Document page = Pages.parse(send(answer(uniqueEmail(), oadby.toLowerCase().replace(" ", ""))));

		assertThat(page.select("#postcode-error").text())
			.contains(oadby + " is in the Oadby neighbourhood, not Wigston. Enter a postcode in Wigston");
		assertThat(page.select("#postcode-elsewhere a").attr("href")).isEqualTo("/area/oadby/have-your-say");

		assertThat(Pages.parse(send(answer(uniqueEmail(), "LE18"))).select("#postcode-error").text())
			.contains("Enter a full UK postcode, like LE18 1AA");
		assertThat(Pages.parse(send(answer(uniqueEmail(), "SW1A 1AA"))).select("#postcode-error").text())
			.contains("SW1A 1AA is not in the Wigston neighbourhood");
	}

	@Test
	void anIssueFromAnotherConsultationIsRefused() {
		long other = this.jdbc.queryForObject("select max(id) from consultation_issue", Long.class) + 1000;
		List<String> fields = answer(uniqueEmail(), wigstonPostcode());
		fields.set(1, Long.toString(other));
		Document page = Pages.parse(send(fields));

		assertThat(page.select(".govuk-error-summary__list a").eachText())
			.containsExactly("The list of issues has changed: select the issues again");
	}

	@Test
	void anAnswerCountsOnlyOnceConfirmedAndItsLinkWorksOnce() throws Exception {
		String email = uniqueEmail();
		long before = confirmedInWigston();
		HttpResponse<String> sent = send(answer(email, wigstonPostcode(), "concern", "Parking on the pavement"));

		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.redirectPath(sent)).isEqualTo(WIGSTON + "/check-your-email");
		Document check = StaffBrowser.parse(this.resident.follow(sent));
		assertThat(check.selectFirst("h1").text()).isEqualTo("Check your email to confirm your answer");
		assertThat(this.jdbc.queryForObject("select confirmed_at is null from consultation_response where email = ?",
				Boolean.class, email))
			.isTrue();
		assertThat(confirmedInWigston()).as("not counted before confirmation").isEqualTo(before);

		String body = TestMail.body(TestMail.to(this.greenMail, email).get(0));
		assertThat(body).contains("Confirm it using this link").contains("7 days");
		assertThat(TestMail.to(this.greenMail, email).get(0).getSubject())
			.isEqualTo("Confirm your answer to the Wigston neighbourhood team");
		String link = link(body);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from consultation_response where token_hash = sha256(?::bytea)", Long.class,
				link.substring(link.lastIndexOf('/') + 1)))
			.as("only the hash of the token is stored")
			.isEqualTo(1);

		StaffBrowser fromEmail = StaffBrowser.on(this.environment);
		HttpResponse<String> confirmPage = fromEmail.get(link);
		Document confirm = StaffBrowser.parse(confirmPage);
		assertThat(confirmPage.statusCode()).isEqualTo(200);
		assertThat(confirmPage.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(confirm.select(".govuk-summary-list").text()).contains("Parking on the pavement")
			.contains("I live in the area");
		assertThat(confirmedInWigston()).as("opening the link changes nothing").isEqualTo(before);

		HttpResponse<String> confirmed = fromEmail.post(link, StaffBrowser.csrfToken(confirm, link));
		assertThat(confirmed.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.redirectPath(confirmed)).isEqualTo(WIGSTON + "/thank-you");
		assertThat(StaffBrowser.parse(fromEmail.follow(confirmed)).selectFirst("h1").text())
			.isEqualTo("Answer confirmed");
		assertThat(confirmedInWigston()).isEqualTo(before + 1);

		HttpResponse<String> again = fromEmail.get(link);
		Document reused = StaffBrowser.parse(again);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(reused.selectFirst("h1").text()).isEqualTo("You have already confirmed this answer");
		assertThat(reused.select("main a").eachAttr("href")).contains(WIGSTON);
		assertThat(StaffBrowser.parse(fromEmail.post(link, StaffBrowser.csrfToken(confirm, link)))
			.selectFirst("h1")
			.text()).isEqualTo("You have already confirmed this answer");
		assertThat(confirmedInWigston()).isEqualTo(before + 1);
	}

	@Test
	void anAnswerSentFromAWelshPageIsKeptAsWelshAndItsConfirmationLinksToTheWelshPage() {
		String welsh = uniqueEmail();
		HttpResponse<String> sent = send(this.resident.page("/cy" + WIGSTON), "/cy" + WIGSTON,
				answer(welsh, wigstonPostcode()));
		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).as("on to the Welsh page").contains("/cy/");
		String english = uniqueEmail();
		send(answer(english, wigstonPostcode()));

		assertThat(this.jdbc.queryForObject("select language from consultation_response where email = ?", String.class,
				welsh))
			.isEqualTo("cy");
		assertThat(this.jdbc.queryForObject("select language from consultation_response where email = ?", String.class,
				english))
			.isEqualTo("en");
		assertThat(TestMail.body(TestMail.to(this.greenMail, welsh).get(0)))
			.contains("/cy" + link(lastEmailTo(welsh, 1)));
		assertThat(TestMail.body(TestMail.to(this.greenMail, english).get(0))).doesNotContain("/cy/");
	}

	@Test
	void oneVoicePerEmailTheLatestConfirmedAnswerReplacesTheEarlierOne() {
		String email = uniqueEmail();
		List<String> ids = issueIds();
		send(answer(email, wigstonPostcode()));
		String first = link(lastEmailTo(email, 1));
		confirm(first);
		long counted = confirmedInWigston();

		List<String> second = answer(email.toUpperCase(), wigstonPostcode());
		second.set(1, ids.get(4));
		send(second);
		String secondLink = link(lastEmailTo(email, 2));
		assertThat(confirmedInWigston()).as("an unconfirmed answer replaces nothing").isEqualTo(counted);
		assertThat(issuesCountedFor(email)).containsExactly(Long.valueOf(ids.get(0)));

		HttpResponse<String> replaced = confirm(secondLink);
		assertThat(StaffBrowser.redirectPath(replaced)).isEqualTo(WIGSTON + "/thank-you?replaced");
		assertThat(confirmedInWigston()).as("still one voice").isEqualTo(counted);
		assertThat(issuesCountedFor(email)).containsExactly(Long.valueOf(ids.get(4)));

		HttpResponse<String> old = this.site.get(first);
		assertThat(old.statusCode()).isEqualTo(404);
		assertThat(Pages.parse(old).selectFirst("h1").text()).isEqualTo("This link does not work");
	}

	@Test
	void aLinkThatIsNotOursGetsAClearPage() {
		for (String token : List.of("A".repeat(43), "short", "x".repeat(43) + "<script>")) {
			HttpResponse<String> response = this.site
				.get("/have-your-say/confirm/" + token.replace("<", "%3C").replace(">", "%3E"));
			assertThat(response.statusCode()).as(token).isEqualTo(404);
			assertThat(Pages.parse(response).selectFirst("h1").text()).isEqualTo("This link does not work");
		}
	}

	@Test
	void aDoubleSubmitStoresOneAnswer() {
		String email = uniqueEmail();
		Document page = this.resident.page(WIGSTON);
		send(page, answer(email, wigstonPostcode()));
		send(page, answer(email, wigstonPostcode()));

		assertThat(this.jdbc.queryForObject("select count(*) from consultation_response where email = ?", Long.class,
				email))
			.isEqualTo(1);
	}

	@Test
	void suspectedAutomationIsDroppedWithoutTellingTheSender() {
		String honeypot = uniqueEmail();
		List<String> filled = answer(honeypot, wigstonPostcode());
		filled.addAll(List.of("website", "http://spam.example"));
		assertThat(send(filled).statusCode()).isEqualTo(303);

		String tooFast = uniqueEmail();
		List<String> fast = answer(tooFast, wigstonPostcode());
		fast.addAll(List.of("startedAt", this.stamps.now()));
		assertThat(send(fast).statusCode()).isEqualTo(303);

		for (String email : List.of(honeypot, tooFast)) {
			assertThat(this.jdbc.queryForObject("select count(*) from consultation_response where email = ?",
					Long.class, email))
				.isZero();
			assertThat(this.jdbc.queryForObject("select count(*) from outbox_email where to_address = ?", Long.class,
					email))
				.isZero();
		}
	}

	@Test
	void tooManyAnswersGetAFriendly429ThatKeepsTheConcern() {
		for (int i = 0; i < 10; i++) {
			this.rateLimits.record("have-your-say-address:127.0.0.1");
		}
		HttpResponse<String> response = send(answer(uniqueEmail(), wigstonPostcode(), "concern", "Bikes on the path"));

		assertThat(response.statusCode()).isEqualTo(429);
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).isEqualTo("You have sent a lot of answers");
		assertThat(page.selectFirst("#kept-concern").text()).isEqualTo("Bikes on the path");
		assertThat(page.text()).contains("999").contains("101");
		Pages.assertAccessibleStructure(page);

		this.rateLimits.clear("have-your-say-address:127.0.0.1");
		String email = uniqueEmail();
		for (int i = 0; i < 3; i++) {
			this.rateLimits.record("have-your-say-email:" + RateLimits.hashed(email));
		}
		assertThat(send(answer(email, wigstonPostcode())).statusCode()).as("per email address").isEqualTo(429);
		assertThat(this.jdbc.queryForObject("select count(*) from consultation_response where email = ?", Long.class,
				email))
			.isZero();
	}

	private HttpResponse<String> send(List<String> fields) {
		return send(this.resident.page(WIGSTON), fields);
	}

	/** Posts the form on the page with its hidden fields, changed by {@code fields}. */
	private HttpResponse<String> send(Document page, List<String> fields) {
		return send(page, WIGSTON, fields);
	}

	/** Posts the form to {@code action} on the page, such as the Welsh one. */
	private HttpResponse<String> send(Document page, String action, List<String> fields) {
		Element form = page.selectFirst("form[action='" + action + "']");
		assertThat(form).isNotNull();
		List<String> all = new ArrayList<>();
		List<String> overridden = new ArrayList<>();
		for (int i = 0; i < fields.size(); i += 2) {
			overridden.add(fields.get(i));
		}
		for (String hidden : List.of("consultationId", "idempotencyKey", "website")) {
			if (!overridden.contains(hidden)) {
				all.addAll(List.of(hidden, form.selectFirst("[name=" + hidden + "]").val()));
			}
		}
		if (!overridden.contains("startedAt")) {
			all.addAll(List.of("startedAt", this.stamps.at(Instant.now().minusSeconds(10))));
		}
		all.addAll(fields);
		return this.resident.post(action, StaffBrowser.csrfToken(page, action), all.toArray(String[]::new));
	}

	private List<String> answer(String email, String postcode, String... more) {
		List<String> fields = new ArrayList<>(List.of("issues", issueIds().get(0), "respondentType", "RESIDENT",
				"postcode", postcode, "email", email));
		fields.addAll(Arrays.asList(more));
		return fields;
	}

	private HttpResponse<String> confirm(String link) {
		StaffBrowser browser = StaffBrowser.on(this.environment);
		Document page = browser.page(link);
		return browser.post(link, StaffBrowser.csrfToken(page, link));
	}

	private List<String> issueIds() {
		return this.resident.page(WIGSTON).select("input[name=issues]").eachAttr("value");
	}

	private String wigstonPostcode() {
		return this.jdbc.queryForObject("""
				select p.postcode from postcode p join neighbourhood n on n.id = p.neighbourhood_id
				where n.slug = 'wigston' and p.terminated_on is null order by p.postcode limit 1""", String.class);
	}

	private long confirmedInWigston() {
		return this.jdbc.queryForObject("""
				select count(*) from consultation_response r join consultation c on c.id = r.consultation_id
				join neighbourhood n on n.id = c.neighbourhood_id
				where n.slug = 'wigston' and r.confirmed_at is not null""", Long.class);
	}

	private List<Long> issuesCountedFor(String email) {
		return this.jdbc.queryForList("""
				select ri.consultation_issue_id from consultation_response_issue ri
				join consultation_response r on r.id = ri.consultation_response_id
				where r.email = ? and r.confirmed_at is not null""", Long.class, email.toLowerCase());
	}

	private String lastEmailTo(String email, int count) {
		var emails = TestMail.to(this.greenMail, email, count);
		assertThat(emails).hasSize(count);
		return TestMail.body(emails.get(count - 1));
	}

	static String link(String body) {
		Matcher matcher = Pattern.compile("(/have-your-say/confirm/[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	static String uniqueEmail() {
		return "say-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

}
