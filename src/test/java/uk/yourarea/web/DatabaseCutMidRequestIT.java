package uk.yourarea.web;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.LockedTable;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.TestMail;
import uk.yourarea.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database connection cut in the middle of a request (PostgreSQL's
 * {@code pg_terminate_backend}, SQLSTATE 57P01, as in a failover or an operator's
 * intervention), at a chosen statement of a real request: a resident's form comes back as
 * a 503 with everything they typed and the same idempotency key, so that sending it again
 * stores it once; a page they were reading is the site's 503 page. Never a 500 or a stack
 * trace.
 */
@DemoSiteTest
class DatabaseCutMidRequestIT {

	static final String CONTACT = "/area/south-wigston/contact";

	static final String CONTACT_FORM = "form[action$='/contact']";

	static final String HAVE_YOUR_SAY = "/area/wigston/have-your-say";

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

	Visitor resident;

	@BeforeEach
	void newResident() {
		this.rateLimits.clear("contact-address:127.0.0.1");
		this.rateLimits.clear("have-your-say-address:127.0.0.1");
		this.resident = this.site.visitor();
	}

	@Test
	void aMessageCutOffAsItIsStoredComesBackWhole503AndSendingItAgainStoresItOnce() {
		String email = uniqueEmail();
		Map<String, String> typed = contactFields(email);
		Document form = this.resident.page(CONTACT);
		String key = form.selectFirst("input[name=idempotencyKey]").val();

		HttpResponse<String> cut = duringCut("contact_message", "share", "insert into contact_message%",
				() -> this.resident.submit(form, CONTACT_FORM, typed));

		Document page = assertFormKeptWith503(cut, "We could not save your message");
		assertThat(page.selectFirst("#name").val()).isEqualTo("Sam Resident");
		assertThat(page.selectFirst("#email").val()).isEqualTo(email);
		assertThat(page.selectFirst("#phone").val()).isEqualTo("01632 960 001");
		assertThat(page.selectFirst("input[name=preferredContact][value=PHONE]").hasAttr("checked")).isTrue();
		assertThat(page.selectFirst("input[name=senderType][value=BUSINESS]").hasAttr("checked")).isTrue();
		assertThat(page.selectFirst("input[name=topic][value=DRUGS]").hasAttr("checked")).isTrue();
		assertThat(page.selectFirst("#message").wholeText()).isEqualTo(typed.get("message"));
		assertThat(page.selectFirst("#location").val()).isEqualTo("Long Street");
		assertThat(page.selectFirst("input[name=idempotencyKey]").val()).as("the same key").isEqualTo(key);
		assertThat(count("select count(*) from contact_message where sender_email = ?", email)).isZero();

		HttpResponse<String> again = this.resident.submit(page, CONTACT_FORM, Map.of());
		assertThat(again.statusCode()).isEqualTo(303);
		assertThat(count("select count(*) from contact_message where sender_email = ? and idempotency_key = ?", email,
				key))
			.isEqualTo(1);
	}

	@Test
	void aMessageCutOffAfterPartOfItWasWrittenIsStoredOnceWhenSentAgain() {
		String email = uniqueEmail();
		Document form = this.resident.page(CONTACT);

		// The message row is written, then the acknowledgement's insert is cut off: the
		// transaction rolls back as a whole.
		HttpResponse<String> cut = duringCut("outbox_email", "share", "insert into outbox_email%",
				() -> this.resident.submit(form, CONTACT_FORM, contactFields(email)));

		Document page = assertFormKeptWith503(cut, "We could not save your message");
		assertThat(count("select count(*) from contact_message where sender_email = ?", email)).isZero();
		HttpResponse<String> again = this.resident.submit(page, CONTACT_FORM, Map.of());
		HttpResponse<String> twice = this.resident.submit(page, CONTACT_FORM, Map.of());
		assertThat(again.statusCode()).isEqualTo(303);
		assertThat(twice.headers().firstValue("Location")).isEqualTo(again.headers().firstValue("Location"));
		assertThat(count("select count(*) from contact_message where sender_email = ?", email)).isEqualTo(1);
		assertThat(count("select count(*) from outbox_email where to_address = ?", email)).isEqualTo(1);
	}

	@Test
	void aFormSentWhileTheDatabaseCannotEvenFindTheNeighbourhoodComesBackWhole() {
		String email = uniqueEmail();
		Document form = this.resident.page(CONTACT);

		HttpResponse<String> cut = duringCut("neighbourhood", "access exclusive", "%from neighbourhood%",
				() -> this.resident.submit(form, CONTACT_FORM, contactFields(email)));

		Document page = assertFormKeptWith503(cut, "We could not save your message");
		assertThat(page.selectFirst("#email").val()).isEqualTo(email);
		assertThat(this.resident.submit(page, CONTACT_FORM, Map.of()).statusCode()).isEqualTo(303);
	}

	@Test
	void aReplyCutOffAsItIsStoredComesBackOnAPageThatNeedsNoDatabase() {
		String email = uniqueEmail();
		assertThat(this.resident.submit(this.resident.page(CONTACT), CONTACT_FORM, contactFields(email)).statusCode())
			.isEqualTo(303);
		String link = privateLink(email);
		String reply = "The cars were back last night,\nat 11:40pm. 🚗💨";
		Document conversation = this.resident.page(link);

		HttpResponse<String> cut = duringCut("message_entry", "share", "insert into message_entry%",
				() -> this.resident.submit(conversation, "form[action$='/reply']", Map.of("reply", reply)));

		assertThat(cut.statusCode()).isEqualTo(503);
		assertThat(cut.headers().firstValue("Retry-After")).isPresent();
		assertThat(cut.headers().firstValue("Cache-Control")).hasValue("no-store");
		Document page = Pages.parse(cut);
		assertThat(page.select("#not-saved").text()).contains("We could not save your reply")
			.contains("Nothing you typed has been lost");
		assertThat(page.selectFirst("#reply").wholeText()).isEqualTo(reply);
		assertNothingGivenAway(cut);
		Pages.assertAccessibleStructure(page);
		long replies = count("""
				select count(*) from message_entry e join contact_message m on m.id = e.contact_message_id
				where m.sender_email = ? and e.kind = 'RESIDENT_REPLY'""", email);
		assertThat(replies).isZero();

		HttpResponse<String> again = this.resident.submit(page, "form[action$='/reply']", Map.of());
		assertThat(again.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForObject("""
				select e.body from message_entry e join contact_message m on m.id = e.contact_message_id
				where m.sender_email = ? and e.kind = 'RESIDENT_REPLY'""", String.class, email)).isEqualTo(reply);
	}

	@Test
	void anAnswerToHaveYourSayCutOffAsItIsStoredComesBackWholeAndCountsOnceWhenSentAgain() {
		String email = uniqueEmail();
		Document form = this.resident.page(HAVE_YOUR_SAY);
		String issue = form.selectFirst("input[name=issues]").val();
		String key = form.selectFirst("input[name=idempotencyKey]").val();
		Map<String, String> typed = answerFields(email, issue);

		HttpResponse<String> cut = duringCut("consultation_response", "share", "insert into consultation_response%",
				() -> this.resident.submit(form, "form[action='" + HAVE_YOUR_SAY + "']", typed));

		Document page = assertFormKeptWith503(cut, "We could not save your answer");
		assertThat(page.selectFirst("input[name=issues][value=" + issue + "]").hasAttr("checked")).isTrue();
		assertThat(page.selectFirst("#concern").wholeText()).isEqualTo(typed.get("concern"));
		assertThat(page.selectFirst("input[name=respondentType][value=RESIDENT]").hasAttr("checked")).isTrue();
		assertThat(page.selectFirst("#postcode").val()).isEqualTo(typed.get("postcode"));
		assertThat(page.selectFirst("#email").val()).isEqualTo(email);
		assertThat(page.selectFirst("input[name=idempotencyKey]").val()).isEqualTo(key);

		HttpResponse<String> again = this.resident.submit(page, "form[action='" + HAVE_YOUR_SAY + "']", Map.of());
		assertThat(again.statusCode()).isEqualTo(303);
		assertThat(
				count("select count(*) from consultation_response where email = ? and idempotency_key = ?", email, key))
			.isEqualTo(1);
	}

	@Test
	void anAnswerSentWhileTheConsultationCannotBeReadComesBackOnAPageThatNeedsNoDatabase() {
		String email = uniqueEmail();
		Document form = this.resident.page(HAVE_YOUR_SAY);
		String issue = form.selectFirst("input[name=issues]").val();
		Map<String, String> typed = answerFields(email, issue);

		HttpResponse<String> cut = duringCut("neighbourhood", "access exclusive", "%from neighbourhood%",
				() -> this.resident.submit(form, "form[action='" + HAVE_YOUR_SAY + "']", typed));

		Document page = assertFormKeptWith503(cut, "We could not save your answer");
		assertThat(page.select("input[type=hidden][name=issues]").eachAttr("value")).containsExactly(issue);
		assertThat(page.selectFirst("#concern").wholeText()).isEqualTo(typed.get("concern"));
		assertThat(page.selectFirst("#postcode").val()).isEqualTo(typed.get("postcode"));
		assertThat(page.selectFirst("#email").val()).isEqualTo(email);

		assertThat(this.resident.submit(page, "form[action='" + HAVE_YOUR_SAY + "']", Map.of()).statusCode())
			.isEqualTo(303);
		assertThat(count("select count(*) from consultation_response where email = ?", email)).isEqualTo(1);
	}

	@Test
	void aPageWhoseConnectionIsCutGetsTheSites503Page() {
		HttpResponse<String> cut = duringCut("neighbourhood", "access exclusive", "%from neighbourhood%",
				() -> this.resident.get(CONTACT));

		assertThat(cut.statusCode()).isEqualTo(503);
		assertThat(cut.headers().firstValue("Retry-After")).isPresent();
		Document page = Pages.parse(cut);
		assertThat(page.selectFirst("h1").text()).isEqualTo("Sorry, the service is unavailable");
		assertThat(page.selectFirst("main").text()).contains("Reference:").contains("call 999");
		assertNothingGivenAway(cut);
		Pages.assertAccessibleStructure(page);
	}

	/**
	 * Sends the request while the table is locked, cuts the connection of the statement
	 * waiting for the lock, and returns the answer.
	 */
	private HttpResponse<String> duringCut(String table, String mode, String statementLike,
			Supplier<HttpResponse<String>> request) {
		CompletableFuture<HttpResponse<String>> sent;
		try (LockedTable locked = LockedTable.lock(this.environment, table, mode)) {
			sent = CompletableFuture.supplyAsync(request);
			locked.cutTheConnectionWaitingOn(statementLike);
		}
		try {
			return sent.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("The request did not end", ex);
		}
	}

	private static Document assertFormKeptWith503(HttpResponse<String> response, String title) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		Document page = Pages.parse(response);
		assertThat(page.select("#not-saved").text()).contains(title).contains("Nothing you typed has been lost");
		assertNothingGivenAway(response);
		Pages.assertAccessibleStructure(page);
		return page;
	}

	private static void assertNothingGivenAway(HttpResponse<String> response) {
		assertThat(response.body()).doesNotContainIgnoringCase("exception")
			.doesNotContain("at org.")
			.doesNotContainIgnoringCase("sqlstate")
			.doesNotContainIgnoringCase("jdbc")
			.doesNotContain("57P01");
	}

	private Map<String, String> contactFields(String email) {
		Map<String, String> fields = new HashMap<>();
		fields.put("name", "Sam Resident");
		fields.put("email", email);
		fields.put("phone", "01632 960 001");
		fields.put("preferredContact", "PHONE");
		fields.put("senderType", "BUSINESS");
		fields.put("topic", "DRUGS");
		fields.put("message", "Dealing outside the library most evenings,\nusually after 9pm.");
		fields.put("location", "Long Street");
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(60)));
		return fields;
	}

	private Map<String, String> answerFields(String email, String issue) {
		Map<String, String> fields = new HashMap<>();
		fields.put("issues", issue);
		fields.put("concern", "Bins left out on Bull Head Street\nall week.");
		fields.put("respondentType", "RESIDENT");
		fields.put("postcode", this.jdbc.queryForObject("""
				select p.postcode from postcode p join neighbourhood n on n.id = p.neighbourhood_id
				where n.slug = 'wigston' and p.terminated_on is null order by p.postcode limit 1""", String.class));
		fields.put("email", email);
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(60)));
		return fields;
	}

	private String privateLink(String email) {
		String body = TestMail.body(TestMail.to(this.greenMail, email).get(0));
		Matcher link = Pattern.compile("(/messages/[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private static String uniqueEmail() {
		return "cut-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

}
