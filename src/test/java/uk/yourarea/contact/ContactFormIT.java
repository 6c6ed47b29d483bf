package uk.yourarea.contact;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.TestMail;
import uk.yourarea.testing.Visitor;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident's contact form over real HTTP: every bad input, the limits, and what gets
 * stored. It writes to South Wigston, so that Wigston's inbox stays for the browser
 * journey.
 */
@DemoSiteTest
class ContactFormIT {

	static final String FORM = "form[action$='/contact']";

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

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
		this.resident = this.site.visitor();
	}

	@Test
	void theFormWarnsAboutEmergenciesAndPromisesAReplyWithin72Hours() {
		HttpResponse<String> response = this.resident.get("/area/south-wigston/contact");
		Document page = Pages.parse(response);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Contact the South Wigston team");
		assertThat(page.select(".govuk-warning-text").text()).contains("999").contains("101");
		assertThat(page.text()).contains("within 72 hours");
		assertThat(page.select(FORM + " [name]").eachAttr("name")).contains("name", "email", "phone",
				"preferredContact", "senderType", "topic", "message", "location", "website", "startedAt",
				"idempotencyKey", "_csrf");
		assertThat(page.select("a[href='/privacy']")).isNotEmpty();
		Pages.assertAccessibleStructure(page);
	}

	@Test
	void theLiveCharacterCountSpeaksThePagesWordsNotTheScriptsOwn() {
		Document page = this.resident.page("/area/south-wigston/contact");

		org.jsoup.nodes.Element count = page.selectFirst(".govuk-character-count");
		assertThat(count).isNotNull();
		assertThat(count.attr("data-maxlength")).isEqualTo("5000");
		assertThat(count.attr("data-i18n.characters-under-limit.other"))
			.isEqualTo("You have %{count} characters remaining");
		assertThat(count.attr("data-i18n.characters-over-limit.one")).isEqualTo("You have %{count} character too many");
		assertThat(count.attr("data-i18n.textarea-description.other"))
			.isEqualTo("You can enter up to %{count} characters");
		assertThat(page.getElementById("message-info").text()).isEqualTo("You can enter up to 5,000 characters");
	}

	@Test
	void showsEveryMissingAnswerInPageOrderAndKeepsWhatWasTyped() {
		Document form = this.resident.page("/area/south-wigston/contact");
		HttpResponse<String> response = this.resident.submit(form, FORM,
				Map.of("name", "", "email", "", "location", "Long Street <b>", "message", ""));
		Document page = Pages.parse(response);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#name", "#email",
				"#preferredContact", "#senderType", "#topic", "#message");
		assertThat(page.select(".govuk-error-summary__list a").eachText()).contains("Enter your name",
				"Enter your email address so that we can reply", "Enter your message");
		assertThat(page.selectFirst("#location").val()).isEqualTo("Long Street <b>");
		assertThat(page.selectFirst("#name").hasClass("govuk-input--error")).isTrue();
		assertThat(page.select("#name-error").text()).contains("Enter your name");
		assertThat(count("select count(*) from contact_message where location = 'Long Street <b>'")).isZero();
	}

	@Test
	void refusesAnEmailAddressThatIsNotOneAndALongMessageAndAPhoneCallWithoutANumber() {
		Document form = this.resident.page("/area/south-wigston/contact");
		String tooLong = "x".repeat(5001);
		Map<String, String> fields = valid(uniqueEmail());
		fields.put("email", "not an email");
		fields.put("message", tooLong);
		fields.put("preferredContact", "PHONE");
		fields.put("phone", "");
		Document page = Pages.parse(this.resident.submit(form, FORM, fields));

		assertThat(page.select(".govuk-error-summary__list a").eachText()).containsExactly(
				"Enter an email address in the correct format, like name@example.com",
				"Enter a telephone number so that we can call you", "Your message must be 5,000 characters or fewer");
		assertThat(page.selectFirst("#message").text()).hasSize(5001);
		assertThat(page.selectFirst("#email").val()).isEqualTo("not an email");
		assertThat(page.selectFirst("input[name=preferredContact][value=PHONE]").hasAttr("checked")).isTrue();
	}

	@Test
	void aNulByteIsRefusedBesideItsFieldWithEverythingTypedShownAgainAndNothingStored() {
		String email = uniqueEmail();
		Map<String, String> fields = valid(email);
		fields.put("message", "Cars race down\u0000 Long Street\r\nafter 11pm.\tMost nights.");
		fields.put("name", "Sam\u0000 Resident");
		Document form = this.resident.page("/area/south-wigston/contact");

		HttpResponse<String> response = this.resident.submit(form, FORM, fields);

		assertThat(response.statusCode()).as("no keyboard types a NUL: a bad request, with the form").isEqualTo(400);
		Document page = Pages.parse(response);
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#name", "#message");
		assertThat(page.selectFirst("#message-error").text()).isEqualTo(
				"Error: Your message had hidden characters in it that we cannot store. We have taken them out: check your message and send it again");
		assertThat(page.selectFirst("#name-error").text()).contains("Your name had line breaks or hidden characters");
		assertThat(page.selectFirst("#message").wholeText()).as("as typed, but for the NUL")
			.isEqualTo("Cars race down Long Street\r\nafter 11pm.\tMost nights.");
		assertThat(page.selectFirst("#name").val()).isEqualTo("Sam Resident");
		assertThat(page.selectFirst("#email").val()).isEqualTo(email);
		assertThat(page.selectFirst("input[name=topic][value=SPEEDING_AND_ROADS]").hasAttr("checked")).isTrue();
		assertThat(response.body()).doesNotContain("\u0000");
		assertThat(count("select count(*) from contact_message where sender_email = '" + email + "'")).isZero();
		Pages.assertAccessibleStructure(page);

		HttpResponse<String> again = this.resident.submit(page, FORM, Map.of());
		assertThat(again.statusCode()).as("sent again as shown").isEqualTo(303);
	}

	@Test
	void anEmailAddressWithALineSeparatorOrANameWithADirectionOverrideIsRefused() {
		Map<String, String> fields = valid(uniqueEmail());
		fields.put("email", "sam\u2028@example.org");
		fields.put("name", "Sam \u202Etnediser");
		fields.put("location", "Long\nStreet");

		Document page = Pages
			.parse(this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, fields));

		assertThat(page.select(".govuk-error-summary__list a").eachAttr("href")).containsExactly("#name", "#email",
				"#location");
		assertThat(page.selectFirst("#email-error").text())
			.contains("Your email address had line breaks or hidden characters");
		assertThat(page.selectFirst("#email").val()).isEqualTo("sam @example.org");
		assertThat(page.selectFirst("#name").val()).isEqualTo("Sam tnediser");
		assertThat(page.selectFirst("#location").val()).isEqualTo("Long Street");
		assertThat(count("select count(*) from contact_message where sender_email like 'sam%example.org'")).isZero();
	}

	@Test
	void aTenThousandCharacterStreetGetsTheUsualErrorWithWhatWasTypedKept() {
		Map<String, String> fields = valid(uniqueEmail());
		String typed = "Long Street ".repeat(834).substring(0, 10_000);
		fields.put("location", typed);

		HttpResponse<String> response = this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM,
				fields);

		assertThat(response.statusCode()).isEqualTo(200);
		Document page = Pages.parse(response);
		assertThat(page.select(".govuk-error-summary__list a").eachText())
			.containsExactly("The street or area must be 200 characters or fewer");
		assertThat(page.selectFirst("#location").val()).isEqualTo(typed);
	}

	@Test
	void rightToLeftTextAndEmojiAndADirectionOverrideInAMessageAreKeptCodePointForCodePointInTheirOwnParagraph() {
		// The decision: a bidirectional override may be part of a message (people paste
		// mixed right-to-left and left-to-right text), so it is stored as typed; the page
		// shows each message in its own paragraph with dir="auto", where an override ends
		// with the paragraph and cannot reorder the rest of the page.
		String typed = "مرحبا، السيارات مسرعة في شارع لونغ كل ليلة\n" + "שלום, המכוניות נוסעות מהר 🚗💨\n"
				+ "👩🏽‍⚕️ 👨‍👩‍👧‍👦 👍🏿 🏴󠁧󠁢󠁥󠁮󠁧󠁿 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﷽ and \u202Eesrever\u202C then \u2067إلخ\u2069 done.";
		String email = uniqueEmail();
		Map<String, String> fields = valid(email);
		fields.put("message", typed);
		fields.put("name", "سامي كوهين");

		assertThat(this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, fields).statusCode())
			.isEqualTo(303);

		Map<String, Object> stored = this.jdbc
			.queryForMap("select id, body, sender_name from contact_message where sender_email = ?", email);
		assertThat(((String) stored.get("body")).codePoints().toArray()).containsExactly(typed.codePoints().toArray());
		assertThat(stored.get("sender_name")).isEqualTo("سامي كوهين");

		Document conversation = this.resident.page(privateLink(email));
		Element shown = conversation.selectFirst(".ya-conversation p.ya-pre-wrap");
		assertThat(shown.attr("dir")).isEqualTo("auto");
		assertThat(shown.wholeText().codePoints().toArray()).containsExactly(typed.codePoints().toArray());
		assertThat(shown.children()).as("the words are text, in one paragraph").isEmpty();

		Visitor officer = this.site.visitor();
		assertThat(officer
			.submit(officer.page("/staff/sign-in"), "main form",
					Map.of("email", "admin@example.org", "password", StaffBrowser.DEMO_PASSWORD))
			.statusCode()).isIn(302, 303);
		Document inbox = officer.page("/staff/inbox/messages/" + stored.get("id"));
		assertThat(inbox.select("p.ya-pre-wrap[dir=auto]").eachText().size()).isPositive();
		assertThat(inbox.select("p.ya-pre-wrap[dir=auto]"))
			.anySatisfy((text) -> assertThat(text.wholeText().codePoints().toArray())
				.containsExactly(typed.codePoints().toArray()));
		assertThat(inbox.text()).contains("سامي كوهين");
	}

	@Test
	void aReplyWithANulByteIsRefusedBesideTheReplyBoxAndKept() {
		String email = uniqueEmail();
		this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, valid(email));
		String link = privateLink(email);
		Document conversation = this.resident.page(link);

		HttpResponse<String> response = this.resident.submit(conversation, "form[action$='/reply']",
				Map.of("reply", "Thank you 🙏\u0000 they came back\nlast night."));

		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("#reply-error").text()).contains("Your reply had hidden characters in it");
		assertThat(page.selectFirst("#reply").wholeText()).isEqualTo("Thank you 🙏 they came back\nlast night.");
		assertThat(count("""
				select count(*) from message_entry e join contact_message m on m.id = e.contact_message_id
				where m.sender_email = '%s' and e.kind = 'RESIDENT_REPLY'""".formatted(email))).isZero();

		HttpResponse<String> again = this.resident.submit(page, "form[action$='/reply']", Map.of());
		assertThat(again.statusCode()).isEqualTo(303);
		assertThat(this.jdbc.queryForObject("""
				select e.body from message_entry e join contact_message m on m.id = e.contact_message_id
				where m.sender_email = ? and e.kind = 'RESIDENT_REPLY'""", String.class, email))
			.isEqualTo("Thank you 🙏 they came back\nlast night.");
	}

	@Test
	void aValidMessageIsStoredAcknowledgedAndConfirmedWithAReferenceAndADeadline() throws Exception {
		String email = uniqueEmail();
		Document form = this.resident.page("/area/south-wigston/contact");
		HttpResponse<String> sent = this.resident.submit(form, FORM, valid(email));

		assertThat(sent.statusCode()).isEqualTo(303);
		String location = sent.headers().firstValue("Location").orElseThrow();
		Matcher reference = Pattern.compile("reference=(YA-[0-9A-Z]{4}-[0-9A-Z]{4})").matcher(location);
		assertThat(reference.find()).as(location).isTrue();

		Document confirmation = Pages.parse(this.resident.follow(sent));
		assertThat(confirmation.selectFirst(".govuk-panel__title").text()).isEqualTo("Message sent");
		assertThat(confirmation.selectFirst(".govuk-panel__body").text()).contains(reference.group(1));
		assertThat(confirmation.text())
			.containsPattern("will reply by \\w+day \\d{1,2} \\w+ 20\\d\\d at \\d{1,2}(:\\d\\d)?[ap]m");

		Map<String, Object> stored = this.jdbc.queryForMap(
				"select status, extract(epoch from due_at - received_at)::bigint as wait from contact_message where reference = ?",
				reference.group(1));
		assertThat(stored.get("status")).isEqualTo("OPEN");
		assertThat(stored.get("wait")).as("72 hours in seconds").isEqualTo(259200L);
		// Read from the email received: the outbox forgets the subject once it is sent,
		// which can be before this line on a busy machine.
		assertThat(TestMail.to(this.greenMail, email).get(0).getSubject()).contains(reference.group(1));
		String acknowledgement = TestMail.body(TestMail.to(this.greenMail, email).get(0));
		assertThat(acknowledgement).contains(reference.group(1)).contains("/messages/").contains("We will reply by");
	}

	@Test
	void aMessageSentFromAWelshPageIsKeptAsWelshAndItsAcknowledgementLinksToTheWelshConversation() {
		String welshEmail = uniqueEmail();
		String englishEmail = uniqueEmail();
		Visitor welsh = this.site.visitor();
		String welshNameBefore = this.jdbc
			.queryForObject("select name_cy from neighbourhood where slug = 'south-wigston'", String.class);
		this.jdbc.update("update neighbourhood set name_cy = 'De Wigston' where slug = 'south-wigston'");
		try {
			Document form = welsh.page("/cy/area/south-wigston/contact");
			assertThat(form.selectFirst("h1").text()).as("the team by its Welsh name")
				.isEqualTo("Cysylltu â thîm De Wigston");
			HttpResponse<String> sent = welsh.submit(form, FORM, valid(welshEmail));
			assertThat(sent.statusCode()).isEqualTo(303);
			assertThat(sent.headers().firstValue("Location").orElseThrow()).as("on to the Welsh page")
				.contains("/cy/area/south-wigston/contact/sent");
			this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, valid(englishEmail));
		}
		finally {
			this.jdbc.update("update neighbourhood set name_cy = ? where slug = 'south-wigston'", welshNameBefore);
		}

		assertThat(this.jdbc.queryForObject("select language from contact_message where sender_email = ?", String.class,
				welshEmail))
			.isEqualTo("cy");
		assertThat(this.jdbc.queryForObject("select language from contact_message where sender_email = ?", String.class,
				englishEmail))
			.isEqualTo("en");
		String welshLink = privateLink(welshEmail);
		assertThat(TestMail.body(TestMail.to(this.greenMail, welshEmail).get(0)))
			.contains("/cy/messages/" + welshLink.substring("/messages/".length()));
		assertThat(TestMail.body(TestMail.to(this.greenMail, englishEmail).get(0))).doesNotContain("/cy/");
		// The team and the force by the names its reader's language gives them.
		assertThat(decoded(TestMail.to(this.greenMail, welshEmail).get(0))).contains("thîm cymdogaeth De Wigston")
			.doesNotContain("South Wigston")
			.containsPattern("\\n\\nHeddlu Swydd Gaerlŷr\\s*$")
			.doesNotContain("Leicestershire Police");
		assertThat(decoded(TestMail.to(this.greenMail, englishEmail).get(0)))
			.contains("the South Wigston neighbourhood team")
			.doesNotContain("De Wigston")
			.containsPattern("\\n\\nLeicestershire Police\\s*$")
			.doesNotContain("Heddlu");
	}

	/**
	 * The text as the reader sees it: Welsh letters are written as codes in the email.
	 */
	private static String decoded(MimeMessage email) {
		try {
			return ((String) email.getContent()).replace("\r\n", "\n");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aDoubleSubmitStoresOneMessage() {
		String email = uniqueEmail();
		Document form = this.resident.page("/area/south-wigston/contact");
		HttpResponse<String> first = this.resident.submit(form, FORM, valid(email));
		HttpResponse<String> second = this.resident.submit(form, FORM, valid(email));

		assertThat(second.statusCode()).isEqualTo(303);
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(count("select count(*) from contact_message where sender_email = '" + email + "'")).isEqualTo(1);
	}

	@Test
	void twoSubmitsOfOneFormAtTheSameMomentStoreOneMessageAndWarnNobody() throws Exception {
		String email = uniqueEmail();
		Document form = this.resident.page("/area/south-wigston/contact");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		ListAppender<ILoggingEvent> log = new ListAppender<>();
		log.start();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(log);
		try {
			List<java.util.concurrent.Future<HttpResponse<String>>> sends = pool
				.invokeAll(java.util.Collections.nCopies(4, () -> this.resident.submit(form, FORM, valid(email))));
			for (java.util.concurrent.Future<HttpResponse<String>> send : sends) {
				assertThat(send.get().statusCode()).isEqualTo(303);
				assertThat(send.get().headers().firstValue("Location"))
					.isEqualTo(sends.get(0).get().headers().firstValue("Location"));
			}
		}
		finally {
			pool.shutdown();
			root.detachAppender(log);
		}
		assertThat(count("select count(*) from contact_message where sender_email = '" + email + "'")).isEqualTo(1);
		// Handled as it should be, so nothing for an operator: no unique-key error from
		// the database, no warning.
		assertThat(log.list).filteredOn((event) -> event.getThreadName().contains("exec"))
			.filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.extracting(ILoggingEvent::getFormattedMessage)
			.isEmpty();
	}

	@Test
	void suspectedAbuseIsHeldForReviewNotDropped() {
		String honeypot = uniqueEmail();
		Map<String, String> filled = valid(honeypot);
		filled.put("website", "http://spam.example");
		this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, filled);
		String tooFast = uniqueEmail();
		Map<String, String> fast = valid(tooFast);
		fast.put("startedAt", this.stamps.now());
		HttpResponse<String> response = this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM,
				fast);

		assertThat(response.statusCode()).as("the sender is not told").isEqualTo(303);
		String forged = uniqueEmail();
		Map<String, String> oldTime = valid(forged);
		oldTime.put("startedAt", Long.toString(Instant.now().minusSeconds(600).toEpochMilli()));
		assertThat(this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, oldTime).statusCode())
			.as("an old time the site did not sign: the sender is not told")
			.isEqualTo(303);
		for (String email : List.of(honeypot, tooFast, forged)) {
			assertThat(this.jdbc.queryForObject("select status from contact_message where sender_email = ?",
					String.class, email))
				.isEqualTo("HELD_FOR_REVIEW");
			assertThat(count("select count(*) from outbox_email where to_address = '" + email + "'")).isZero();
		}
		assertThat(this.jdbc.queryForList("select held_reason from contact_message where sender_email in (?, ?, ?)",
				String.class, honeypot, tooFast, forged))
			.as("why, as keys of staff.properties")
			.containsExactlyInAnyOrder("contact.held.hidden-field", "contact.held.too-fast",
					"contact.held.unsigned-time");
		Visitor officer = this.site.visitor();
		officer.submit(officer.page("/staff/sign-in"), "main form",
				Map.of("email", "admin@example.org", "password", StaffBrowser.DEMO_PASSWORD));
		long held = this.jdbc.queryForObject("select id from contact_message where sender_email = ?", Long.class,
				honeypot);
		assertThat(officer.page("/staff/inbox/messages/" + held).text())
			.contains("Held for review – The hidden field that only automated programs fill in was filled in");
	}

	@Test
	void tooManyMessagesFromOneAddressGetAFriendly429WithTheMessageKept() {
		for (int i = 0; i < 5; i++) {
			assertThat(
					this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, valid(uniqueEmail()))
						.statusCode())
				.isEqualTo(303);
		}
		Map<String, String> sixth = valid(uniqueEmail());
		sixth.put("message", "The sixth message in ten minutes");
		HttpResponse<String> response = this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM,
				sixth);

		assertThat(response.statusCode()).isEqualTo(429);
		Document page = Pages.parse(response);
		assertThat(page.selectFirst("h1").text()).isEqualTo("You have sent a lot of messages");
		assertThat(page.text()).contains("999").contains("101");
		assertThat(page.selectFirst("textarea").text()).isEqualTo("The sixth message in ten minutes");
	}

	@Test
	void aFourthMessageFromOneEmailAddressInADayIsRefused() {
		String email = uniqueEmail();
		for (int i = 0; i < 3; i++) {
			assertThat(this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, valid(email))
				.statusCode()).isEqualTo(303);
		}
		assertThat(this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, valid(email))
			.statusCode()).isEqualTo(429);
	}

	@Test
	void scriptInAMessageIsStoredAsTextAndNeverRunsOnThePrivatePage() {
		String email = uniqueEmail();
		Map<String, String> fields = valid(email);
		fields.put("message", "<script>alert('x')</script> please help");
		this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, fields);

		String link = privateLink(email);
		HttpResponse<String> page = this.resident.get(link);
		assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	@Test
	void theAcknowledgementNeverRepeatsTheNameTypedSoItCannotCarryAnyonesWords() {
		String email = uniqueEmail();
		Map<String, String> fields = valid(email);
		fields.put("name", "You have won a prize claim it at http://prize.example.com today");
		this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, fields);

		String acknowledgement = TestMail.body(TestMail.to(this.greenMail, email).get(0));

		assertThat(acknowledgement).startsWith("Hello,")
			.doesNotContain("prize")
			.doesNotContain("http://prize.example.com")
			.contains("/messages/");
	}

	@Test
	void aResidentsRepliesAreLimitedAndTheOneRefusedIsKept() {
		String email = uniqueEmail();
		this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM, valid(email));
		String link = privateLink(email);
		Document conversation = this.resident.page(link);
		for (int reply = 1; reply <= 10; reply++) {
			assertThat(this.resident.submit(conversation, "form[action$='/reply']", Map.of("reply", "Reply " + reply))
				.statusCode()).as("reply %d", reply).isEqualTo(303);
		}

		HttpResponse<String> eleventh = this.resident.submit(conversation, "form[action$='/reply']",
				Map.of("reply", "One more thing about the cars"));

		assertThat(eleventh.statusCode()).isEqualTo(429);
		Document page = Pages.parse(eleventh);
		assertThat(page.selectFirst("#reply").text()).isEqualTo("One more thing about the cars");
		assertThat(page.text()).contains("You have sent a lot of replies");
		assertThat(count("select count(*) from message_entry e join contact_message m on m.id = e.contact_message_id "
				+ "where m.sender_email = '" + email + "' and e.kind = 'RESIDENT_REPLY'"))
			.isEqualTo(10);
	}

	@Test
	void anOversizedRequestGets413() {
		Map<String, String> fields = valid(uniqueEmail());
		fields.put("message", "x".repeat(200_000));
		HttpResponse<String> response = this.resident.submit(this.resident.page("/area/south-wigston/contact"), FORM,
				fields);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(Pages.parse(response).selectFirst("h1").text()).isEqualTo("What you sent is too large");
	}

	@Test
	void aPostWithoutTheFormTokenIsRefused() {
		HttpResponse<String> response = this.site.visitor().post("/area/south-wigston/contact", valid(uniqueEmail()));

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void anUnknownNeighbourhoodOrPrivateLinkIsNotFound() {
		assertThat(this.resident.get("/area/nowhere/contact").statusCode()).isEqualTo(404);
		assertThat(this.resident.get("/messages/" + "A".repeat(43)).statusCode()).isEqualTo(404);
		assertThat(this.resident.get("/messages/short").statusCode()).isEqualTo(404);
	}

	String privateLink(String email) {
		String body = TestMail.body(TestMail.to(this.greenMail, email).get(0));
		Matcher link = Pattern.compile("(/messages/[A-Za-z0-9_-]{43})").matcher(body);
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	Map<String, String> valid(String email) {
		Map<String, String> fields = new HashMap<>();
		fields.put("name", "Sam Resident");
		fields.put("email", email);
		fields.put("phone", "");
		fields.put("preferredContact", "EMAIL");
		fields.put("senderType", "RESIDENT");
		fields.put("topic", "SPEEDING_AND_ROADS");
		fields.put("message", "Cars race down Long Street after 11pm most nights.");
		fields.put("location", "Long Street");
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(60)));
		return fields;
	}

	static String uniqueEmail() {
		return "resident-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	long count(String sql) {
		return this.jdbc.queryForObject(sql, Long.class);
	}

}
