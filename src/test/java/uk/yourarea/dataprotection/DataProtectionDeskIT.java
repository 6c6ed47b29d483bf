package uk.yourarea.dataprotection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.personaldata.SearchBy;
import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.MutableClock;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The data protection desk over real HTTP, for one resident who wrote to the Oadby team
 * twice, had a reply and a note, has emails waiting to be sent and answered two
 * consultations (one answer confirmed, one not): found by email address, telephone number
 * and reference; exported as a zip whose JSON and HTML hold every record; a message held,
 * the rest erased on request (twice, doing no harm), the inbox saying so; the hold
 * stopping the retention schedule too; and every step in the desk's own record without
 * the person's details. Emails are not relayed, so that they wait in the outbox.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "yourarea.mail.relay-enabled=false",
				"yourarea.dataprotection.search.secret=" + DataProtectionDeskIT.SEARCH_SECRET,
				"yourarea.dataprotection.search.previous=" + DataProtectionDeskIT.PREVIOUS_SEARCH_SECRET })
@ActiveProfiles("demo")
@Import(Site.class)
class DataProtectionDeskIT {

	static final String PASSWORD = "Demo-only-password-2026";

	static final String SEARCH_SECRET = "the-tests-key-the-desks-log-with-this-secret";

	static final String PREVIOUS_SEARCH_SECRET = "the-tests-keyed-the-desks-log-with-this-before";

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
	DataProtectionDesk desk;

	@Autowired
	RetentionSchedule retention;

	/** Answers put straight into the demo's consultations, taken out again. */
	private final List<Long> answers = new java.util.ArrayList<>();

	@AfterEach
	void backToNow() {
		this.clock.set(Instant.now());
	}

	/**
	 * The answers go into the demo's consultations behind the site's back (no cache is
	 * told), so they leave with the test: the pages other tests read stay true.
	 */
	@AfterEach
	void withoutTheAnswers() {
		for (long answer : this.answers) {
			this.jdbc.update("delete from consultation_response where id = ?", answer);
		}
	}

	@Test
	void findsExportsHoldsAndErasesEverythingHeldAboutOnePerson() throws IOException {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String email = "dp-" + tag + "@example.org";
		String phoneDigits = "016329" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
		String phone = phoneDigits.substring(0, 5) + " " + phoneDigits.substring(5);
		String name = "Robin Erasable " + tag;
		String firstText = "Someone keeps parking on the verge " + tag;
		String secondText = "The verge again, with photographs " + tag;
		String note = "Known to the parking team " + tag;
		String reply = "We have spoken to the driver " + tag;

		String first = send(email.toUpperCase(), phone, name, firstText);
		String second = send(email, phone, name, secondText);
		Visitor officer = signedIn("officer.oadby@example.org");
		long firstId = messageId(first);
		long secondId = messageId(second);
		String messagePage = "/staff/inbox/messages/" + firstId;
		officer.submit(officer.page(messagePage), "form[action$='/note']", Map.of("note", note));
		officer.submit(officer.page(messagePage), "form[action$='/reply']", Map.of("reply", reply, "kind", "FULL"));
		List<Long> consultations = this.jdbc.queryForList("select id from consultation order by id limit 2",
				Long.class);
		long confirmedAnswer = answer(consultations.get(0), email, true);
		long unconfirmedAnswer = answer(consultations.get(1), email, false);
		List<Long> pendingEmails = this.jdbc.queryForList(
				"select id from outbox_email where lower(to_address) = ? and status = 'PENDING' order by id",
				Long.class, email);
		assertThat(pendingEmails).as("two acknowledgements and the reply, waiting to be sent").hasSize(3);
		Set<String> everything = new java.util.TreeSet<>(
				List.of(first, second, "answer-" + confirmedAnswer, "answer-" + unconfirmedAnswer));
		pendingEmails.forEach((id) -> everything.add("email-" + id));

		Visitor dpo = signedIn("dpo@example.org");
		long dpoId = this.jdbc.queryForObject("select id from staff_account where email = 'dpo@example.org'",
				Long.class);
		long lastActionBefore = this.jdbc.queryForObject("select coalesce(max(id), 0) from data_protection_action",
				Long.class);

		// Find: by email address (in any case), by telephone number as typed otherwise,
		// by reference.
		assertThat(found(dpo, "EMAIL", " " + email.toUpperCase() + " "))
			.containsExactlyInAnyOrderElementsOf(everything);
		assertThat(found(dpo, "PHONE", "(" + phoneDigits.substring(0, 5) + ") " + phoneDigits.substring(5)))
			.containsExactlyInAnyOrder(first, second);
		assertThat(found(dpo, "REFERENCE", first.toLowerCase())).containsExactly(first);

		// Export: one zip, whose JSON and HTML each hold every record.
		Map<String, byte[]> files = exported(dpo, email);
		assertThat(files.keySet()).hasSize(2).allMatch((file) -> file.startsWith("subject-access-"));
		JsonNode json = JsonMapper.builder().build().readTree(files.get(jsonName(files)));
		List<String> inJson = new ArrayList<>();
		json.get("records").forEach((record) -> inJson.add(record.get("reference").asString()));
		assertThat(inJson).containsExactlyInAnyOrderElementsOf(everything);
		JsonNode firstInJson = null;
		for (JsonNode record : json.get("records")) {
			Instant.parse(record.get("createdAt").asString());
			if (record.get("reference").asString().equals(first)) {
				firstInJson = record;
			}
		}
		assertThat(firstInJson).isNotNull();
		assertThat(firstInJson.get("data").get("message").asString()).isEqualTo(firstText);
		assertThat(firstInJson.get("data").get("history").toString()).contains(note).contains(reply);
		Document html = Jsoup.parse(new String(files.get(htmlName(files)), StandardCharsets.UTF_8));
		assertThat(html.select("html").attr("lang")).isEqualTo("en-GB");
		assertThat(html.title()).endsWith(" – Leicestershire Police");
		assertThat(json.get("controller").asString()).isEqualTo("Leicestershire Police");
		assertThat(html.select("script, link, img, iframe, [src]")).as("nothing outside the document").isEmpty();
		assertThat(html.select("section[data-reference]").eachAttr("data-reference"))
			.containsExactlyInAnyOrderElementsOf(everything);
		assertThat(html.text()).contains(name, firstText, secondText, note, reply, email, phone);
		// Codes in words, the JSON keeping the code beside them.
		assertThat(field(html, first, "Topic")).isEqualTo("General enquiry");
		assertThat(field(html, first, "Status")).isEqualTo("Answered");
		assertThat(field(html, second, "Status")).isEqualTo("Waiting for a reply");
		assertThat(field(html, second, "Preferred contact")).isEqualTo("Email");
		assertThat(firstInJson.get("data").get("topic").get("code").asString()).isEqualTo("GENERAL_ENQUIRY");
		assertThat(firstInJson.get("data").get("topic").get("label").asString()).isEqualTo("General enquiry");
		assertThat(firstInJson.get("data").get("status").get("code").asString()).isEqualTo("ANSWERED");

		// A legal hold on the second message, with a review date.
		LocalDate review = LocalDate.now(this.clock).plusMonths(2);
		HttpResponse<String> held = dpo.post("/staff/data-protection/hold",
				Map.of("_csrf", csrf(dpo), "reference", second, "reason", "Complaint C-" + tag, "reviewOnDay",
						Integer.toString(review.getDayOfMonth()), "reviewOnMonth",
						Integer.toString(review.getMonthValue()), "reviewOnYear", Integer.toString(review.getYear())));
		assertThat(held.statusCode()).isEqualTo(303);
		assertThat(dpo.page("/staff/data-protection").select("#holds tr[data-reference=" + second + "]").text())
			.contains("Complaint C-" + tag);

		// Erase on request: all but the held message; sent twice, the second erases
		// nothing more.
		Document confirm = Pages.parse(dpo.post("/staff/data-protection/erase/confirm",
				Map.of("_csrf", csrf(dpo), "by", "EMAIL", "term", email)));
		assertThat(confirm.select("#will-erase").text()).contains(first).doesNotContain(second);
		assertThat(confirm.select("#will-keep").text()).contains(second);
		Document erased = Pages.parse(dpo.submit(confirm, "form#erase", Map.of("reason", "Asked by letter " + tag)));
		// Emails about an erased message go with it, so may not be listed on their own.
		assertThat(erased.select("#erased li").eachText())
			.contains(first, "answer-" + confirmedAnswer, "answer-" + unconfirmedAnswer)
			.doesNotContain(second);
		assertThat(erased.select("#kept li").eachText()).containsExactly(second);
		Document again = Pages.parse(dpo.submit(confirm, "form#erase", Map.of("reason", "Asked by letter " + tag)));
		assertThat(again.getElementById("erased-count").text()).isEqualTo("No records were erased");
		assertThat(again.getElementById("nothing-left")).isNotNull();
		assertThat(again.select("#kept li").eachText()).containsExactly(second);

		// The inbox says so, and shows nothing of what was erased.
		Document erasedMessage = officer.page(messagePage);
		assertThat(erasedMessage.getElementById("erased").text()).startsWith("Erased on request on ");
		assertThat(erasedMessage.text()).doesNotContain(name)
			.doesNotContain(email)
			.doesNotContain(phone)
			.doesNotContain(firstText)
			.doesNotContain(note)
			.doesNotContain(reply);
		Document heldMessage = officer.page("/staff/inbox/messages/" + secondId);
		assertThat(heldMessage.getElementById("legal-hold")).isNotNull();
		assertThat(heldMessage.text()).contains(secondText);
		assertThat(this.jdbc.queryForObject("select count(*) from consultation_response where id in (?, ?)", Long.class,
				confirmedAnswer, unconfirmedAnswer))
			.as("the unconfirmed answer deleted, the confirmed one kept without its author")
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select email from consultation_response where id = ?", String.class,
				confirmedAnswer))
			.isNull();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from outbox_email where lower(to_address) = ? and status = 'PENDING'", Long.class,
				email))
			.isZero();

		// The retention schedule keeps the held message too: both conversations closed
		// 13 months ago, and the schedule run now.
		String other = send("dp-other-" + tag + "@example.org", null, "Sam Kept-Nowhere " + tag,
				"A message nobody holds " + tag);
		Instant now = Instant.now();
		this.clock.set(now.minus(Duration.ofDays(400)));
		for (String reference : List.of(second, other)) {
			String page = "/staff/inbox/messages/" + messageId(reference);
			assertThat(officer.submit(officer.page(page), "form[action$='/close']", Map.of("outcome", "Done"))
				.statusCode()).isEqualTo(303);
		}
		this.clock.set(now);
		this.retention.run();
		assertThat(this.jdbc.queryForObject("select body from contact_message where id = ?", String.class, secondId))
			.as("held, so not erased")
			.isEqualTo(secondText);
		assertThat(this.jdbc.queryForObject("select erased_because from contact_message where reference = ?",
				String.class, other))
			.as("not held, so erased by the schedule")
			.isEqualTo("RETENTION");

		// The desk's record: who, what and why, never who was searched for.
		List<Map<String, Object>> actions = this.jdbc.queryForList("""
				select action, staff_account_id, searched_by, search_hash, reason, records
				from data_protection_action where id > ? order by id""", lastActionBefore);
		assertThat(actions).extracting((row) -> row.get("action"))
			.containsExactly("SEARCH", "SEARCH", "SEARCH", "EXPORT", "HOLD", "SEARCH", "ERASE", "ERASE");
		assertThat(actions).allSatisfy((row) -> assertThat(row.get("staff_account_id")).isEqualTo(dpoId));
		assertThat(actions).filteredOn((row) -> !"HOLD".equals(row.get("action")))
			.allSatisfy((row) -> assertThat((String) row.get("search_hash")).matches("[0-9a-f]{64}"));
		assertThat(actions).filteredOn((row) -> "ERASE".equals(row.get("action")))
			.extracting((row) -> row.get("reason"))
			.containsOnly("Asked by letter " + tag);
		assertThat(actions).filteredOn((row) -> "HOLD".equals(row.get("action")))
			.extracting((row) -> row.get("reason"))
			.containsExactly("Complaint C-" + tag);
		for (String clear : List.of(email, phoneDigits, phone, name)) {
			assertThat(this.jdbc.queryForObject(
					"select count(*) from data_protection_action a where id > ? and strpos(lower(a::text), lower(?)) > 0",
					Long.class, lastActionBefore, clear))
				.as("the desk's record never holds what was searched for in clear")
				.isZero();
		}
		assertThat(dpo.page("/staff/data-protection").select("#actions").text()).contains("Erasure on request")
			.contains("Asked by letter " + tag)
			.doesNotContain(email);
	}

	@Test
	void noOtherRoleMayUseTheDeskNotEvenAnAdministrator() {
		String email = "dp-nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		for (String account : List.of("officer.oadby@example.org", "sergeant@example.org", "webeditor@example.org",
				"admin@example.org")) {
			StaffUser user = ActingAs.demo(this.jdbc, account);
			try (ActingAs acting = ActingAs.staff(user)) {
				PersonSearch search = PersonSearch.email(email);
				assertThatExceptionOfType(AccessDeniedException.class).as(account + " finding")
					.isThrownBy(() -> this.desk.find(user, search));
				assertThatExceptionOfType(AccessDeniedException.class).as(account + " exporting")
					.isThrownBy(() -> this.desk.export(user, search));
				assertThatExceptionOfType(AccessDeniedException.class).as(account + " erasing")
					.isThrownBy(() -> this.desk.erase(user, search, "No"));
				assertThatExceptionOfType(AccessDeniedException.class).as(account + " holding")
					.isThrownBy(() -> this.desk.hold(user, "YA-AAAA-BBBB", "No", LocalDate.now().plusDays(9)));
				assertThatExceptionOfType(AccessDeniedException.class).as(account + " lifting")
					.isThrownBy(() -> this.desk.lift(user, "YA-AAAA-BBBB", "No"));
				assertThatExceptionOfType(AccessDeniedException.class).as(account + " listing holds")
					.isThrownBy(() -> this.desk.holds());
				assertThatExceptionOfType(AccessDeniedException.class).as(account + " reading the record")
					.isThrownBy(() -> this.desk.recentActions(5));
				assertThatExceptionOfType(AccessDeniedException.class).as(account + " reading the record about one")
					.isThrownBy(() -> this.desk.actionsAbout(search, 5));
			}
			Visitor visitor = signedIn(account);
			assertThat(visitor.get("/staff/data-protection").statusCode()).as(account).isEqualTo(403);
			String token = Pages.parse(visitor.get("/staff")).select("form[action$=/sign-out] input[name=_csrf]").val();
			assertThat(visitor
				.post("/staff/data-protection/erase",
						Map.of("_csrf", token, "by", "EMAIL", "term", email, "reason", "Not mine to do"))
				.statusCode()).as(account + " erasing over HTTP").isEqualTo(403);
		}
		HttpResponse<String> signedOut = this.site.visitor().get("/staff/data-protection");
		assertThat(signedOut.statusCode()).isEqualTo(302);
		assertThat(signedOut.headers().firstValue("Location").orElseThrow()).contains("/staff/sign-in");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from data_protection_action where action = 'ERASE'"
						+ " and staff_account_id in (select id from staff_account where email <> 'dpo@example.org')",
				Long.class))
			.isZero();
	}

	@Test
	void listsItsEarlierActionsAboutThePersonSearchedForWhileItsLogHoldsOnlyKeyedHashes() throws IOException {
		String email = "dp-again-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String someoneElse = "dp-other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Visitor dpo = signedIn("dpo@example.org");

		Document first = searched(dpo, "EMAIL", email);
		assertThat(first.getElementById("no-earlier").text())
			.isEqualTo("The desk has no earlier search, export or erasure for the email address " + email + ".");
		assertThat(first.select("#earlier tbody tr")).isEmpty();

		exported(dpo, email);
		searched(dpo, "EMAIL", someoneElse);
		Document again = searched(dpo, "EMAIL", " " + email.toUpperCase() + " ");
		assertThat(again.getElementById("no-earlier")).isNull();
		assertThat(again.select("#earlier caption").text()).contains("email address " + email);
		assertThat(again.select("#earlier tbody tr").eachText()).as("newest first, nobody else's")
			.hasSize(2)
			.satisfiesExactly((export) -> assertThat(export).contains("Export", "Data Protection Officer"),
					(search) -> assertThat(search).contains("Search", "Data Protection Officer"));
		assertThat(searched(dpo, "PHONE", "01632 960 999").getElementById("no-earlier")).isNotNull();

		// The log holds HMAC-SHA256 under the configured key: not the plain SHA-256 that
		// anyone could compute for a guessed address.
		String plain = RateLimits.hashed("EMAIL:" + email);
		String keyed = hmac(SEARCH_SECRET, "EMAIL:" + email);
		assertThat(this.jdbc.queryForList("select search_hash from data_protection_action where search_hash in (?, ?)",
				String.class, plain, keyed))
			.hasSize(3)
			.containsOnly(keyed);

		// Actions logged before the key was set, or under the previous key, are still
		// found; one under a key no longer listed is not.
		long dpoId = this.jdbc.queryForObject("select id from staff_account where email = 'dpo@example.org'",
				Long.class);
		logged(dpoId, "ERASE", plain, "Before the key " + email);
		logged(dpoId, "SEARCH", hmac(PREVIOUS_SEARCH_SECRET, "EMAIL:" + email), "Under the previous key");
		logged(dpoId, "SEARCH", hmac("a-key-nobody-lists-any-more-at-all-now", "EMAIL:" + email), "Forgotten key");
		assertThat(searched(dpo, "EMAIL", email).select("#earlier tbody tr").eachText()).hasSize(5)
			.anySatisfy((row) -> assertThat(row).contains("Erasure on request", "Before the key " + email))
			.anySatisfy((row) -> assertThat(row).contains("Under the previous key"))
			.noneSatisfy((row) -> assertThat(row).contains("Forgotten key"));
	}

	private Document searched(Visitor dpo, String by, String term) {
		Document results = Pages
			.parse(dpo.post("/staff/data-protection/search", Map.of("_csrf", csrf(dpo), "by", by, "term", term)));
		assertThat(results.select(".govuk-error-summary")).as(by + " " + term).isEmpty();
		return results;
	}

	private void logged(long staffId, String action, String searchHash, String reason) {
		this.jdbc.update("""
				insert into data_protection_action
				    (staff_account_id, action, searched_by, search_hash, record_references, records, reason, at)
				values (?, ?, 'EMAIL', ?, '{}', 0, ?, now() - interval '1 day')""", staffId, action, searchHash,
				reason);
	}

	/** The log's keyed hash, worked out here independently of the code under test. */
	private static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(("yourarea data protection searches:" + secret).getBytes(StandardCharsets.UTF_8),
					"HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A message to the Oadby team through the contact form; its reference. */
	private String send(String email, String phone, String name, String text) {
		return send(email, phone, name, text, "/area/oadby/contact");
	}

	private String send(String email, String phone, String name, String text, String form) {
		this.rateLimits.clear("contact-address:127.0.0.1");
		Visitor resident = this.site.visitor();
		Map<String, String> fields = new HashMap<>();
		fields.put("name", name);
		fields.put("email", email);
		fields.put("phone", (phone != null) ? phone : "");
		fields.put("preferredContact", "EMAIL");
		fields.put("senderType", "RESIDENT");
		fields.put("topic", "GENERAL_ENQUIRY");
		fields.put("message", text);
		fields.put("startedAt", this.stamps.at(this.clock.instant().minusSeconds(60)));
		HttpResponse<String> sent = resident.submit(resident.page(form), "main form", fields);
		assertThat(sent.statusCode()).as("the message from " + email).isEqualTo(303);
		return sent.headers().firstValue("Location").orElseThrow().replaceAll(".*reference=", "");
	}

	private long answer(long consultation, String email, boolean confirmed) {
		long id = this.jdbc.queryForObject("""
				insert into consultation_response (consultation_id, email, respondent_type, submitted_at,
				    confirmed_at, token_hash, token_expires_at, idempotency_key)
				values (?, ?, 'RESIDENT', now(), case when ? then now() end, ?, now() + interval '7 days', ?)
				returning id""", Long.class, consultation, email, confirmed, UUID.randomUUID().toString().getBytes(),
				UUID.randomUUID().toString());
		this.answers.add(id);
		return id;
	}

	@Test
	void aResidentWhoWroteInWelshEvenOnceGetsTheExportInWelsh() throws IOException {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String email = "dp-cy-" + tag + "@example.org";
		String inEnglish = send(email, null, "Gwyn Ddwyieithog " + tag, "Parking on the verge " + tag);
		String inWelsh = send(email, null, "Gwyn Ddwyieithog " + tag, "Parcio ar y llain eto " + tag,
				"/cy/area/oadby/contact");
		assertThat(this.jdbc.queryForObject("select language from contact_message where reference = ?", String.class,
				inWelsh))
			.isEqualTo("cy");

		String welshNameBefore = this.jdbc.queryForObject("select name_cy from neighbourhood where slug = 'oadby'",
				String.class);
		this.jdbc.update("update neighbourhood set name_cy = 'Oadbi Prawf' where slug = 'oadby'");
		Map<String, byte[]> files;
		try {
			files = exported(signedIn("dpo@example.org"), email);
		}
		finally {
			this.jdbc.update("update neighbourhood set name_cy = ? where slug = 'oadby'", welshNameBefore);
		}

		Document html = Jsoup.parse(new String(files.get(htmlName(files)), StandardCharsets.UTF_8));
		assertThat(html.select("html").attr("lang")).isEqualTo("cy");
		// The force by its Welsh name (the demo sets one).
		assertThat(html.title()).endsWith(" – Heddlu Swydd Gaerlŷr");
		assertThat(html.select("main > p").text()).contains("Mae gan Heddlu Swydd Gaerlŷr y cofnodion")
			.contains("Rheolydd data: Heddlu Swydd Gaerlŷr")
			.doesNotContain("Leicestershire Police");
		// The words the Welsh pages use for the same codes, or the export's own, and the
		// neighbourhood's Welsh name.
		assertThat(field(html, inWelsh, "Pwnc")).isEqualTo("Ymholiad cyffredinol");
		assertThat(field(html, inEnglish, "Pwnc")).isEqualTo("Ymholiad cyffredinol");
		assertThat(field(html, inWelsh, "Statws")).isEqualTo("Yn aros am ateb");
		assertThat(field(html, inWelsh, "Y ffordd orau o gysylltu")).isEqualTo("E-bost");
		assertThat(field(html, inWelsh, "Cymdogaeth")).isEqualTo("Oadbi Prawf");
		assertThat(html.select("section[data-reference=" + inWelsh + "] td table").text())
			.contains("Derbyniwyd y neges")
			.doesNotContain("RECEIVED");
		assertThat(html.text()).doesNotContain("GENERAL_ENQUIRY", "General enquiry", "OPEN");
		assertThat(html.selectFirst("h1").text()).isEqualTo("Gwybodaeth sydd gennym amdanoch chi");
		assertThat(html.selectFirst("main > p").text()).contains("am y cyfeiriad e-bost " + email);
		assertThat(html.select("section[data-reference=" + inWelsh + "] h2").text()).startsWith("Cofnod ")
			.endsWith(": Neges i dîm cymdogaeth");
		assertThat(html.select("section[data-reference=" + inEnglish + "] th[scope=row]").eachText())
			.contains("Cyfeirnod", "Crëwyd", "Cyfeiriad e-bost", "Neges", "Hanes", "Iaith");
		assertThat(html.select("section[data-reference=" + inEnglish + "] tr:contains(Iaith) td").text())
			.isEqualTo("Saesneg");
		assertThat(html.select("section[data-reference=" + inWelsh + "] tr:contains(Iaith) td").text())
			.isEqualTo("Cymraeg");
		assertThat(html.text()).contains("Parcio ar y llain eto " + tag, "Parking on the verge " + tag)
			.doesNotContain("Information we hold about you", "Message to a neighbourhood team");
		JsonNode json = JsonMapper.builder().build().readTree(files.get(jsonName(files)));
		assertThat(json.get("language").asString()).isEqualTo("cy");
		assertThat(json.get("controller").asString()).isEqualTo("Heddlu Swydd Gaerlŷr");
		List<String> languages = new ArrayList<>();
		json.get("records").forEach((record) -> languages.add(record.get("language").toString()));
		assertThat(languages).contains("\"cy\"", "\"en\"");
		JsonNode welshData = null;
		for (JsonNode record : json.get("records")) {
			if (record.get("reference").asString().equals(inWelsh)) {
				welshData = record.get("data");
			}
		}
		assertThat(welshData).isNotNull();
		assertThat(welshData.get("topic").get("code").asString()).isEqualTo("GENERAL_ENQUIRY");
		assertThat(welshData.get("topic").get("label").asString()).isEqualTo("Ymholiad cyffredinol");
		assertThat(welshData.get("status").get("code").asString()).isEqualTo("OPEN");
		assertThat(welshData.get("status").get("label").asString()).isEqualTo("Yn aros am ateb");
		assertThat(welshData.get("neighbourhood").asString()).isEqualTo("Oadbi Prawf");
	}

	/** What a record of the export's document holds under a field's label. */
	private static String field(Document html, String reference, String label) {
		return html.select("section[data-reference=" + reference + "] > table > tbody > tr")
			.stream()
			.filter((row) -> row.selectFirst("th[scope=row]") != null
					&& row.selectFirst("th[scope=row]").text().equals(label))
			.map((row) -> row.selectFirst("td").text())
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + label + " in " + reference));
	}

	private long messageId(String reference) {
		return this.jdbc.queryForObject("select id from contact_message where reference = ?", Long.class, reference);
	}

	private List<String> found(Visitor dpo, String by, String term) {
		Document results = Pages
			.parse(dpo.post("/staff/data-protection/search", Map.of("_csrf", csrf(dpo), "by", by, "term", term)));
		assertThat(results.select(".govuk-error-summary")).as(by + " " + term).isEmpty();
		return results.select("#results article[data-reference]").eachAttr("data-reference");
	}

	private Map<String, byte[]> exported(Visitor dpo, String email) throws IOException {
		HttpResponse<byte[]> download = dpo.download("/staff/data-protection/export",
				Map.of("_csrf", csrf(dpo), "by", "EMAIL", "term", email));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
		assertThat(download.headers().firstValue("Cache-Control")).hasValue("no-store");
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				files.put(entry.getName(), zip.readAllBytes());
			}
		}
		return files;
	}

	private static String jsonName(Map<String, byte[]> files) {
		return files.keySet().stream().filter((name) -> name.endsWith(".json")).findFirst().orElseThrow();
	}

	private static String htmlName(Map<String, byte[]> files) {
		return files.keySet().stream().filter((name) -> name.endsWith(".html")).findFirst().orElseThrow();
	}

	private String csrf(Visitor dpo) {
		return dpo.page("/staff/data-protection").select("form#search input[name=_csrf]").val();
	}

	private Visitor signedIn(String email) {
		Visitor visitor = this.site.visitor();
		HttpResponse<String> response = visitor.submit(visitor.page("/staff/sign-in"), "main form",
				Map.of("email", email, "password", PASSWORD));
		assertThat(response.statusCode()).as("sign in as " + email).isIn(302, 303);
		return visitor;
	}

}
