package uk.yourarea.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.yourarea.dataprotection.DataProtectionDesk;
import uk.yourarea.dataprotection.RetentionRuns;
import uk.yourarea.personaldata.Erasure;
import uk.yourarea.personaldata.HeldRecord;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.MutableClock;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident's alert subscriptions over real HTTP, from the Your Area page to the last
 * unsubscribe: the confirmation email (read from the outbox, which is not relayed here),
 * the personal link, a second neighbourhood, the same page for every address, the
 * one-click unsubscribe without cookies, the retention schedule with the clock moved, and
 * the data protection desk.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "yourarea.mail.relay-enabled=false")
@ActiveProfiles("demo")
@Import(Site.class)
class AlertSubscriptionsIT {

	static final String FORM = "form[action$='/alerts']";

	static final Pattern CONFIRM_LINK = Pattern.compile("/alerts/confirm/([A-Za-z0-9_-]{43})");

	static final Pattern MANAGE_LINK = Pattern.compile("/alerts/manage/([A-Za-z0-9_-]{43})");

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.now(), ZoneId.of("Europe/London"));
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

	@Autowired
	RateLimits rateLimits;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	DataProtectionDesk desk;

	@LocalServerPort
	int port;

	Visitor resident;

	@BeforeEach
	void newResident() {
		this.rateLimits.clear("alert-subscribe-address:" + RateLimits.hashed("127.0.0.1"));
		this.resident = this.site.visitor();
	}

	@AfterEach
	void backToNow() {
		this.clock.set(Instant.now());
	}

	@Test
	void subscribeConfirmManageFollowAnotherAndUnsubscribeWithOneClick() throws Exception {
		String email = "alerts-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

		// From the Your Area page to the form.
		Document area = this.resident.page("/area/oadby");
		assertThat(area.select("a#get-alerts").attr("href")).isEqualTo("/area/oadby/alerts");
		HttpResponse<String> formPage = this.resident.get("/area/oadby/alerts");
		assertThat(formPage.statusCode()).isEqualTo(200);
		assertThat(formPage.headers().firstValue("Cache-Control")).hasValue("no-store");
		Document form = Pages.parse(formPage);
		assertThat(form.selectFirst("h1").text()).isEqualTo("Get messages from the Oadby team");
		assertThat(form.text()).contains("The team has not sent any messages yet.");
		assertThat(form.select(FORM + " input[name=categories]").eachAttr("value")).containsExactly("EVERYTHING",
				"PRIORITIES", "EVENTS", "APPEALS");

		// Subscribe; nothing is on until the link in the email is followed.
		String checkPage = subscribe("/area/oadby/alerts", email.toUpperCase(), "PRIORITIES,EVENTS");
		assertThat(subscriptions(email)).containsExactly("Oadby: {} waiting {PRIORITIES,EVENTS}");
		assertThat(emailsTo(email)).containsExactly("alert-confirmation");
		String confirmToken = linkIn(lastEmailTo(email), CONFIRM_LINK);

		// Opening the link changes nothing: a mail scanner cannot confirm.
		Document confirmPage = this.resident.page("/alerts/confirm/" + confirmToken);
		assertThat(confirmPage.selectFirst("h1").text()).isEqualTo("Confirm your messages from the Oadby team");
		assertThat(confirmPage.text()).contains("Priority updates and \"You said, we did\", Meetings and events");
		assertThat(subscriptions(email)).containsExactly("Oadby: {} waiting {PRIORITIES,EVENTS}");
		HttpResponse<String> confirmed = this.resident.submit(confirmPage, "main form", Map.of());
		assertThat(confirmed.statusCode()).isEqualTo(303);
		String manageToken = linkIn(confirmed.headers().firstValue("Location").orElseThrow(), MANAGE_LINK);
		assertThat(subscriptions(email)).containsExactly("Oadby: {PRIORITIES,EVENTS} confirmed");
		assertThat(emailsTo(email)).containsExactly("alert-confirmation", "alert-welcome");
		assertThat(linkIn(lastEmailTo(email), MANAGE_LINK)).isEqualTo(manageToken);
		assertThat(lastEmailTo(email)).contains("/alerts/unsubscribe/" + manageToken);
		assertThat(this.resident.get("/alerts/confirm/" + confirmToken).statusCode()).as("used once").isEqualTo(404);

		// The personal page: change the choices.
		Document manage = this.resident.page("/alerts/manage/" + manageToken + "?confirmed");
		assertThat(manage.select(".govuk-notification-banner").text()).contains("Your messages are confirmed.");
		assertThat(manage.select("section h2").eachText()).containsExactly("Oadby");
		assertThat(manage.select("section input[checked]").eachAttr("value")).containsExactly("PRIORITIES", "EVENTS");
		HttpResponse<String> changed = this.resident.submit(manage, "form[action$='/" + oadby() + "']",
				Map.of("categories", "APPEALS"));
		assertThat(changed.headers().firstValue("Location")).hasValue("/alerts/manage/" + manageToken + "?changed");
		assertThat(subscriptions(email)).containsExactly("Oadby: {APPEALS} confirmed");
		Document noChoice = Pages.parse(this.resident.submit(this.resident.page("/alerts/manage/" + manageToken),
				"form[action$='/" + oadby() + "']", Map.of("categories", "")));
		assertThat(noChoice.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#categories-" + oadby());
		assertThat(subscriptions(email)).containsExactly("Oadby: {APPEALS} confirmed");

		// A second neighbourhood (where they work), with the same address, from its page.
		subscribe("/area/wigston/alerts", email, "EVERYTHING");
		String secondToken = linkIn(lastEmailTo(email), CONFIRM_LINK);
		this.resident.submit(this.resident.page("/alerts/confirm/" + secondToken), "main form", Map.of());
		assertThat(
				this.jdbc.queryForObject("select count(*) from alert_subscriber where email = ?", Integer.class, email))
			.as("one person")
			.isEqualTo(1);
		assertThat(this.resident.page("/alerts/manage/" + manageToken).select("section h2").eachText())
			.as("the first personal link manages both")
			.containsExactly("Oadby", "Wigston");

		// The same page for a known and an unknown address; no second subscription.
		String known = subscribe("/area/oadby/alerts", email, "EVENTS");
		String unknown = subscribe("/area/oadby/alerts",
				"nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "EVENTS");
		assertThat(known).isEqualTo(unknown).isEqualTo(checkPage);
		assertThat(subscriptions(email)).containsExactly("Oadby: {APPEALS} waiting {EVENTS}",
				"Wigston: {EVERYTHING} confirmed");

		// The unsubscribe address: GET shows a button and changes nothing.
		HttpResponse<String> unsubscribePage = this.resident.get("/alerts/unsubscribe/" + manageToken);
		assertThat(unsubscribePage.statusCode()).isEqualTo(200);
		assertThat(Pages.parse(unsubscribePage).select("main form button").text()).isEqualTo("Stop all my messages");
		assertThat(subscriptions(email)).hasSize(2);

		// Other public POSTs without a token are still refused.
		HttpClient noCookies = HttpClient.newHttpClient();
		assertThat(postWithoutCookies(noCookies, "/alerts/manage/" + manageToken + "/stop-all").statusCode())
			.isEqualTo(403);
		assertThat(subscriptions(email)).hasSize(2);

		// The one-click POST of RFC 8058: no cookie, no token, and everything is deleted.
		HttpResponse<String> oneClick = postWithoutCookies(noCookies, "/alerts/unsubscribe/" + manageToken);
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(Pages.parse(oneClick.body()).selectFirst("h1").text()).isEqualTo("You will get no more messages");
		assertThat(
				this.jdbc.queryForObject("select count(*) from alert_subscriber where email = ?", Integer.class, email))
			.isZero();
		assertThat(subscriptions(email)).isEmpty();
		assertThat(this.resident.get("/alerts/manage/" + manageToken).statusCode()).as("the old link is gone")
			.isEqualTo(404);
		HttpResponse<String> oneClickAgain = postWithoutCookies(noCookies, "/alerts/unsubscribe/" + manageToken);
		assertThat(oneClickAgain.statusCode()).as("a mail program that sends it twice").isEqualTo(200);
		assertThat(Pages.parse(oneClickAgain.body()).selectFirst("h1").text())
			.isEqualTo("You will get no more messages");
		String unknownToken = manageToken.substring(0, 42) + (manageToken.endsWith("A") ? "Q" : "A");
		assertThat(postWithoutCookies(noCookies, "/alerts/unsubscribe/" + unknownToken).statusCode())
			.as("a link this site never gave out")
			.isEqualTo(404);
	}

	@Test
	void aSubscriberFromAWelshPageIsKeptAsWelshAndSubscribingAgainInEnglishChangesIt() {
		String email = "alerts-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		subscribe("/cy/area/oadby/alerts", email, "EVERYTHING");

		assertThat(language(email)).isEqualTo("cy");
		assertThat(lastEmailTo(email)).contains("/cy/alerts/confirm/");
		String token = linkIn(lastEmailTo(email), CONFIRM_LINK);
		this.resident.submit(this.resident.page("/alerts/confirm/" + token), "main form", Map.of());
		assertThat(emailsTo(email)).containsExactly("alert-confirmation", "alert-welcome");
		assertThat(lastEmailTo(email)).as("the welcome is in the language kept")
			.contains("/cy/alerts/manage/")
			.contains("/cy/alerts/unsubscribe/");

		subscribe("/area/oadby/alerts", email, "EVENTS");
		assertThat(language(email)).isEqualTo("en");
		assertThat(lastEmailTo(email)).contains("/alerts/confirm/").doesNotContain("/cy/");

		// Gone again, so that alerts sent in other tests do not reach this subscriber.
		this.jdbc.update("delete from alert_subscriber where email = lower(?)", email);
	}

	private String language(String email) {
		return this.jdbc.queryForObject("select language from alert_subscriber where email = lower(?)", String.class,
				email);
	}

	@Test
	void thePrivacyNoticeSaysWhatIsKeptAndForHowLong() {
		Document notice = this.site.page("/privacy");

		assertThat(notice.select("h2").eachText()).contains("Messages from your neighbourhood team");
		assertThat(notice.getElementById("retention-alerts").text()).contains("within 7 days")
			.contains("we delete your email address");
	}

	@Test
	void stoppingTheLastNeighbourhoodDeletesTheAddress() {
		String email = "alerts-stop-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String manageToken = subscribeAndConfirm(email, "EVENTS");

		Document manage = this.resident.page("/alerts/manage/" + manageToken);
		HttpResponse<String> stopped = this.resident.submit(manage, "form[action$='/" + oadby() + "/stop']", Map.of());

		assertThat(stopped.headers().firstValue("Location")).hasValue("/alerts/stopped");
		assertThat(
				this.jdbc.queryForObject("select count(*) from alert_subscriber where email = ?", Integer.class, email))
			.isZero();
	}

	@Test
	void anUnconfirmedSubscriptionIsDeletedAfterSevenDays() {
		String email = "alerts-late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		subscribe("/area/oadby/alerts", email, "EVENTS");
		String token = linkIn(lastEmailTo(email), CONFIRM_LINK);

		this.clock.advance(Duration.ofDays(6));
		assertThat(RetentionRuns.runNow(this.context)).containsEntry("alert-subscription", 0);
		assertThat(subscriptions(email)).hasSize(1);

		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(this.resident.get("/alerts/confirm/" + token).statusCode()).as("expired").isEqualTo(410);
		assertThat(RetentionRuns.runNow(this.context).get("alert-subscription"))
			.as("this one, and others never confirmed")
			.isPositive();
		assertThat(subscriptions(email)).isEmpty();
		assertThat(
				this.jdbc.queryForObject("select count(*) from alert_subscriber where email = ?", Integer.class, email))
			.isZero();
		assertThat(this.resident.get("/alerts/confirm/" + token).statusCode()).isEqualTo(404);
	}

	@Test
	void aRecordThatStaffWereShownSubscribersAddressesGoesWithTheSecurityLogAfterTwelveMonths() {
		String staff = "Retention Check " + UUID.randomUUID().toString().substring(0, 8);
		Instant now = this.clock.instant();
		long kept = view(staff, now.atZone(ZoneId.of("Europe/London")).minusMonths(12).plusDays(1).toInstant());
		long old = view(staff, now.atZone(ZoneId.of("Europe/London")).minusMonths(12).minusDays(1).toInstant());

		assertThat(RetentionRuns.runNow(this.context).get("subscriber-list-view")).isPositive();

		assertThat(this.jdbc.queryForList("select id from alert_subscriber_list_view where staff_name = ?", Long.class,
				staff))
			.containsExactly(kept)
			.doesNotContain(old);
		this.jdbc.update("delete from alert_subscriber_list_view where staff_name = ?", staff);
	}

	private long view(String staffName, Instant at) {
		return this.jdbc.queryForObject("""
				insert into alert_subscriber_list_view (staff_name, neighbourhood_id, addresses_shown, viewed_at)
				values (?, (select id from neighbourhood where slug = 'oadby'), 3, ?) returning id""", Long.class,
				staffName, Timestamp.from(at));
	}

	@Test
	void theDataProtectionDeskFindsAndErasesASubscription() {
		String email = "alerts-dp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String manageToken = subscribeAndConfirm(email, "APPEALS");
		StaffUser dpo = ActingAs.demo(this.jdbc, "dpo@example.org");

		try (ActingAs acting = ActingAs.staff(dpo)) {
			List<HeldRecord> found = this.desk.find(dpo, PersonSearch.email(email.toUpperCase()))
				.stream()
				.filter((record) -> record.kind().equals("alert-subscription"))
				.toList();
			assertThat(found).singleElement().satisfies((record) -> {
				assertThat(record.data()).containsEntry("email", email)
					.containsEntry("neighbourhood", new HeldRecord.Name("Oadby", null))
					.containsEntry("choices", List.of(new HeldRecord.Code("APPEALS", "alerts.category.appeals")))
					.containsEntry("confirmed", true)
					.containsKey("confirmedAt");
			});

			Erasure erasure = this.desk.erase(dpo, PersonSearch.email(email), "Asked by letter");
			assertThat(erasure.erased()).contains(found.get(0).reference());
		}
		assertThat(
				this.jdbc.queryForObject("select count(*) from alert_subscriber where email = ?", Integer.class, email))
			.isZero();
		assertThat(this.resident.get("/alerts/manage/" + manageToken).statusCode()).isEqualTo(404);
	}

	@Test
	void theLinkToStopOneTeamAsksFirstKeepsTheOthersAndBearsASecondClick() throws Exception {
		String email = "alerts-one-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String manageToken = subscribeAndConfirm(email, "EVENTS");
		subscribe("/area/wigston/alerts", email, "EVERYTHING");
		this.resident.submit(this.resident.page("/alerts/confirm/" + linkIn(lastEmailTo(email), CONFIRM_LINK)),
				"main form", Map.of());
		String stopWigston = "/alerts/manage/" + manageToken + "/" + wigston() + "/stop";

		// Opening the link changes nothing, and says what stays.
		HttpResponse<String> opened = this.resident.get(stopWigston);
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.headers().firstValue("Cache-Control")).hasValue("no-store");
		Document page = Pages.parse(opened);
		assertThat(page.selectFirst("h1").text()).isEqualTo("Stop messages from the Wigston team");
		assertThat(page.select("main p").eachText()).contains(
				"You will get no more messages from the Wigston neighbourhood policing team at " + email + ".",
				"You will still get messages from:");
		assertThat(page.select("main li").eachText()).containsExactly("Oadby");
		assertThat(subscriptions(email)).containsExactly("Oadby: {EVENTS} confirmed",
				"Wigston: {EVERYTHING} confirmed");

		HttpResponse<String> stopped = this.resident.submit(page, "main form", Map.of());
		assertThat(stopped.headers().firstValue("Location")).hasValue("/alerts/manage/" + manageToken + "?stopped");
		assertThat(subscriptions(email)).containsExactly("Oadby: {EVENTS} confirmed");

		// A second click finds it done; the link followed again, or with a team never
		// followed, opens the personal page as it is.
		HttpResponse<String> again = this.resident.submit(page, "main form", Map.of());
		assertThat(again.headers().firstValue("Location")).hasValue("/alerts/manage/" + manageToken + "?stopped");
		assertThat(this.resident.get(stopWigston).headers().firstValue("Location"))
			.hasValue("/alerts/manage/" + manageToken);
		assertThat(
				this.resident.get("/alerts/manage/" + manageToken + "/999999999/stop").headers().firstValue("Location"))
			.hasValue("/alerts/manage/" + manageToken);
		assertThat(subscriptions(email)).containsExactly("Oadby: {EVENTS} confirmed");

		// Without the form's token, nothing is stopped.
		HttpClient noCookies = HttpClient.newHttpClient();
		String stopOadby = "/alerts/manage/" + manageToken + "/" + oadby() + "/stop";
		assertThat(postWithoutCookies(noCookies, stopOadby).statusCode()).isEqualTo(403);
		assertThat(subscriptions(email)).containsExactly("Oadby: {EVENTS} confirmed");

		// In Welsh.
		Document welsh = this.resident.page("/cy" + stopOadby);
		assertThat(welsh.selectFirst("h1").text()).isEqualTo("Atal negeseuon gan dîm Oadby");
		assertThat(welsh.select("main p").eachText()).contains(
				"Dyma'r unig negeseuon rydych yn eu cael, felly mae hyn hefyd yn dileu eich cyfeiriad e-bost a'ch "
						+ "dolen bersonol.");

		// The last team: the page says the address goes too.
		Document last = this.resident.page(stopOadby);
		assertThat(last.select("main p").eachText())
			.contains("These are the only messages you get, so this also deletes your email address and your "
					+ "personal link.")
			.doesNotContain("You will still get messages from:");
		assertThat(this.resident.submit(last, "main form", Map.of()).headers().firstValue("Location"))
			.hasValue("/alerts/stopped");
		assertThat(
				this.jdbc.queryForObject("select count(*) from alert_subscriber where email = ?", Integer.class, email))
			.isZero();

		// A second click on the last one: they get nothing, and are told so.
		HttpResponse<String> lastAgain = this.resident.submit(last, "main form", Map.of());
		assertThat(lastAgain.statusCode()).isEqualTo(200);
		assertThat(Pages.parse(lastAgain).selectFirst("h1").text()).isEqualTo("You will get no more messages");
		assertThat(this.resident.get(stopWigston).statusCode()).as("the link went with the address").isEqualTo(404);
	}

	@Test
	void stoppingTheLastConfirmedTeamKeepsTheAddressWhileAnotherAwaitsConfirmation() {
		String email = "alerts-await-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String manageToken = subscribeAndConfirm(email, "EVENTS");
		subscribe("/area/wigston/alerts", email, "EVERYTHING");

		Document page = this.resident.page("/alerts/manage/" + manageToken + "/" + oadby() + "/stop");

		assertThat(page.select("main p").eachText()).doesNotContain(
				"These are the only messages you get, so this also deletes your email address and your personal link.",
				"You will still get messages from:");
		HttpResponse<String> stopped = this.resident.submit(page, "main form", Map.of());
		assertThat(stopped.headers().firstValue("Location")).hasValue("/alerts/manage/" + manageToken + "?stopped");
		assertThat(subscriptions(email)).containsExactly("Wigston: {} waiting {EVERYTHING}");
		this.jdbc.update("delete from alert_subscriber where email = lower(?)", email);
	}

	@Test
	void tooManyRequestsForOneAddressKeepWhatWasTyped() {
		String email = "alerts-many-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		for (int i = 0; i < 3; i++) {
			subscribe("/area/oadby/alerts", email, "EVENTS");
		}

		HttpResponse<String> refused = this.resident.submit(this.resident.page("/area/oadby/alerts"), FORM,
				Map.of("email", email, "categories", "EVENTS", "startedAt",
						this.stamps.at(this.clock.instant().minusSeconds(60))));

		assertThat(refused.statusCode()).isEqualTo(429);
		Document page = Pages.parse(refused);
		assertThat(page.select(".govuk-error-summary__title").text()).isEqualTo("Too many requests");
		assertThat(page.getElementById("email").val()).isEqualTo(email);
		assertThat(emailsTo(email)).hasSize(3);
	}

	@Test
	void aFormWithoutItsTokenComesBackWithWhatWasTyped() {
		String email = "alerts-token-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Map<String, String> fields = new java.util.HashMap<>(Map.of("email", email, "categories", "EVENTS", "startedAt",
				this.stamps.at(this.clock.instant().minusSeconds(60))));

		HttpResponse<String> refused = this.site.visitor().post("/area/oadby/alerts", fields);

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(Pages.parse(refused).getElementById("email").val()).isEqualTo(email);
		assertThat(subscriptions(email)).isEmpty();
	}

	private String subscribeAndConfirm(String email, String categories) {
		subscribe("/area/oadby/alerts", email, categories);
		String token = linkIn(lastEmailTo(email), CONFIRM_LINK);
		HttpResponse<String> confirmed = this.resident.submit(this.resident.page("/alerts/confirm/" + token),
				"main form", Map.of());
		return linkIn(confirmed.headers().firstValue("Location").orElseThrow(), MANAGE_LINK);
	}

	/** Sends the form as a person would, and returns the text of the page after it. */
	private String subscribe(String path, String email, String categories) {
		HttpResponse<String> sent = this.resident.submit(this.resident.page(path), FORM, Map.of("email", email,
				"categories", categories, "startedAt", this.stamps.at(this.clock.instant().minusSeconds(60))));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
		assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith(path + "/check-your-email");
		return Pages.parse(this.resident.follow(sent)).select("main").text();
	}

	private List<String> subscriptions(String email) {
		return this.jdbc.query("""
				select a.neighbourhood_id, a.categories::text as categories,
				       a.requested_categories::text as requested, a.confirmed_at
				from alert_subscription a join alert_subscriber s on s.id = a.alert_subscriber_id
				where s.email = lower(?) order by a.neighbourhood_id""", (row, n) -> {
			String name = this.jdbc.queryForObject("select name from neighbourhood where id = ?", String.class,
					row.getLong("neighbourhood_id"));
			String state = (row.getString("requested") != null) ? " waiting " + row.getString("requested") : "";
			return name + ": " + row.getString("categories") + state
					+ (row.getTimestamp("confirmed_at") != null && state.isEmpty() ? " confirmed" : "");
		}, email).stream().sorted().toList();
	}

	private List<String> emailsTo(String email) {
		return this.jdbc.queryForList("select kind from outbox_email where to_address = lower(?) order by id",
				String.class, email);
	}

	private String lastEmailTo(String email) {
		return this.jdbc.queryForObject(
				"select body from outbox_email where to_address = lower(?) order by id desc limit 1", String.class,
				email);
	}

	private long wigston() {
		return this.jdbc.queryForObject("select id from neighbourhood where slug = 'wigston'", Long.class);
	}

	private long oadby() {
		return this.jdbc.queryForObject("select id from neighbourhood where slug = 'oadby'", Long.class);
	}

	private static String linkIn(String text, Pattern link) {
		Matcher matcher = link.matcher(text);
		assertThat(matcher.find()).as("a link in " + text).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> postWithoutCookies(HttpClient client, String path)
			throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
