package uk.yourarea.dataprotection;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import org.jsoup.nodes.Document;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.personaldata.Erasure;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.TestMail;
import uk.yourarea.testing.Visitor;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One resident who leaves every kind of record the site keeps about a person, through the
 * site as they and the Wigston team would: a message with a phone number and a place, a
 * note and a reply from the officer, a reply from the resident on the private page,
 * emails delivered and one still waiting, a confirmed and an unconfirmed answer to
 * Wigston's consultation, and the rate-limit records those forms leave. Every value is a
 * canary: random, so that a search for it finds nothing but what this person left.
 */
final class OnePerson {

	static final String WIGSTON = "/area/wigston";

	final String name;

	final String email;

	final String phone;

	final String location;

	final String message;

	final String note;

	final String officerReply;

	final String residentReply;

	final String concern;

	final String laterConcern;

	final String pendingEmailBody;

	private final Site site;

	private final FormStamps stamps;

	private final RateLimits rateLimits;

	private final JdbcTemplate jdbc;

	private final GreenMail greenMail;

	private final EmailOutbox outbox;

	private final TransactionTemplate transactions;

	private long messageId;

	OnePerson(Site site, FormStamps stamps, RateLimits rateLimits, JdbcTemplate jdbc, GreenMail greenMail,
			EmailOutbox outbox, TransactionTemplate transactions) {
		this.site = site;
		this.stamps = stamps;
		this.rateLimits = rateLimits;
		this.jdbc = jdbc;
		this.greenMail = greenMail;
		this.outbox = outbox;
		this.transactions = transactions;
		String word = word();
		this.name = "Ottoline " + capitalised(word());
		this.email = "canary-" + word + "@example.org";
		this.phone = "01632 960 " + ThreadLocalRandom.current().nextInt(100, 1000);
		this.location = "Behind the " + capitalised(word()) + " allotments";
		this.message = "Someone keeps leaving a " + word() + " van across the drive of number twelve";
		this.note = "Known to the team from the " + word() + " complaints";
		this.officerReply = "We have spoken to the owner of the " + word() + " van";
		this.residentReply = "Thank you, the " + word() + " van has gone";
		this.concern = "Bicycles ridden fast along the " + word() + " footpath";
		this.laterConcern = "Litter thrown over the " + word() + " fence";
		this.pendingEmailBody = "A reminder about the " + word() + " meeting";
	}

	/** Everything the scan looks for: what the person typed and what the team wrote. */
	Map<String, String> canaries() {
		Map<String, String> canaries = new java.util.LinkedHashMap<>();
		canaries.put("name", this.name);
		canaries.put("email address", this.email);
		canaries.put("phone number", this.phone);
		canaries.put("phone number's digits", this.phone.replace(" ", ""));
		canaries.put("location", this.location);
		canaries.put("message text", this.message);
		canaries.put("note", this.note);
		canaries.put("officer's reply", this.officerReply);
		canaries.put("resident's reply", this.residentReply);
		canaries.put("concern", this.concern);
		canaries.put("later concern", this.laterConcern);
		canaries.put("waiting email", this.pendingEmailBody);
		return canaries;
	}

	long messageId() {
		return this.messageId;
	}

	/**
	 * Leaves every kind of record, and waits until the relay has delivered the emails
	 * about the message to the test mail server.
	 */
	void fillEveryKindOfRecord() {
		Visitor resident = this.site.visitor();
		sendMessage(resident);
		String privateLink = linkIn(TestMail.to(this.greenMail, this.email).get(0), "/messages/");

		Visitor officer = this.site.visitor();
		assertThat(officer
			.submit(officer.page("/staff/sign-in"), "main form",
					Map.of("email", "officer.wigston@example.org", "password", StaffBrowser.DEMO_PASSWORD))
			.statusCode()).isIn(302, 303);
		String inbox = "/staff/inbox/messages/" + this.messageId;
		assertThat(officer.submit(officer.page(inbox), "form[action$='/note']", Map.of("note", this.note)).statusCode())
			.isEqualTo(303);
		assertThat(officer
			.submit(officer.page(inbox), "form[action$='/reply']", Map.of("reply", this.officerReply, "kind", "FULL"))
			.statusCode()).isEqualTo(303);
		assertThat(resident
			.submit(resident.page(privateLink), "form[action$='/reply']", Map.of("reply", this.residentReply))
			.statusCode()).isEqualTo(303);
		assertThat(TestMail.to(this.greenMail, this.email, 2)).as("the acknowledgement and the reply, delivered")
			.hasSizeGreaterThanOrEqualTo(2);

		answerTheConsultation(resident, this.concern, true);
		answerTheConsultation(resident, this.laterConcern, false);
		followTheTeamsAlerts(resident);
		queueAnEmailThatWaits();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from outbox_email where status = 'SENT' and contact_message_id = ?", Long.class,
				this.messageId))
			.as("emails about the message delivered")
			.isPositive();
	}

	/**
	 * Erases everything about the person at the data protection desk, by email address.
	 */
	Erasure eraseAtTheDesk(DataProtectionDesk desk) {
		try (ActingAs dpo = ActingAs.staff(ActingAs.demo(this.jdbc, "dpo@example.org"))) {
			return desk.erase(ActingAs.demo(this.jdbc, "dpo@example.org"), PersonSearch.email(this.email),
					"The resident asked for their data to be erased");
		}
	}

	/**
	 * Every text, character, text array, JSON and bytea column of every table in the
	 * public schema that holds one of the canaries, as "table.column holds the what".
	 */
	List<String> traces() {
		List<Map<String, Object>> columns = this.jdbc.queryForList("""
				select c.table_name, c.column_name, c.data_type from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
				  and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
				       or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
				order by c.table_name, c.column_name""");
		assertThat(columns).as("the columns scanned")
			.extracting((column) -> column.get("table_name") + "." + column.get("column_name"))
			.contains("contact_message.body", "message_entry.body", "outbox_email.body", "consultation_response.email",
					"rate_limit_hit.bucket", "staff_session_hashed_attributes.attribute_bytes");
		List<String> traces = new java.util.ArrayList<>();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			String name = (String) column.get("column_name");
			for (Map.Entry<String, String> canary : canaries().entrySet()) {
				// Bytes (a staff session's attributes, say) are searched for the text as
				// UTF-8, which is also how Java serialises these plain ASCII canaries.
				String holds = "bytea".equals(column.get("data_type"))
						? "position(convert_to(?, 'UTF8') in \"" + name + "\") > 0"
						: "strpos(lower(\"" + name + "\"::text), lower(?)) > 0";
				Long found = this.jdbc.queryForObject("select count(*) from \"" + table + "\" where " + holds,
						Long.class, canary.getValue());
				if (found != null && found > 0) {
					traces.add(table + "." + name + " holds the " + canary.getKey());
				}
			}
		}
		return traces;
	}

	private void sendMessage(Visitor resident) {
		this.rateLimits.clear("contact-address:127.0.0.1");
		Map<String, String> fields = new HashMap<>();
		fields.put("name", this.name);
		fields.put("email", this.email);
		fields.put("phone", this.phone);
		fields.put("preferredContact", "EMAIL");
		fields.put("senderType", "RESIDENT");
		fields.put("topic", "ANTI_SOCIAL_BEHAVIOUR");
		fields.put("message", this.message);
		fields.put("location", this.location);
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(60)));
		HttpResponse<String> sent = resident.submit(resident.page(WIGSTON + "/contact"), "main form", fields);
		assertThat(sent.statusCode()).as("the message sent").isEqualTo(303);
		this.messageId = this.jdbc.queryForObject("select id from contact_message where sender_email = ?", Long.class,
				this.email);
	}

	private void answerTheConsultation(Visitor resident, String concern, boolean confirm) {
		this.rateLimits.clear("have-your-say-address:127.0.0.1");
		String form = WIGSTON + "/have-your-say";
		Document page = resident.page(form);
		Map<String, String> fields = new HashMap<>();
		fields.put("issues", page.select("input[name=issues]").eachAttr("value").get(0));
		fields.put("respondentType", "RESIDENT");
		fields.put("postcode", wigstonPostcode());
		fields.put("email", this.email);
		fields.put("concern", concern);
		fields.put("startedAt", this.stamps.at(Instant.now().minusSeconds(10)));
		assertThat(resident.submit(page, "form[action='" + form + "']", fields).statusCode()).as("the answer sent")
			.isEqualTo(303);
		List<jakarta.mail.internet.MimeMessage> emails = TestMail.to(this.greenMail, this.email, 3);
		String link = linkIn(emails.stream()
			.filter((email) -> TestMail.body(email).contains("/have-your-say/confirm/"))
			.reduce((first, second) -> second)
			.orElseThrow(), "/have-your-say/confirm/");
		if (confirm) {
			Visitor fromEmail = this.site.visitor();
			assertThat(fromEmail.submit(fromEmail.page(link), "form[action='" + link + "']", Map.of()).statusCode())
				.as("the answer confirmed")
				.isEqualTo(303);
		}
	}

	private void followTheTeamsAlerts(Visitor resident) {
		this.rateLimits.clear("alert-subscribe-address:" + RateLimits.hashed("127.0.0.1"));
		String form = WIGSTON + "/alerts";
		assertThat(resident.submit(resident.page(form), "form[action$='/alerts']",
				Map.of("email", this.email, "categories", "EVERYTHING", "startedAt",
						this.stamps.at(Instant.now().minusSeconds(10))))
			.statusCode()).as("the subscription sent").isEqualTo(303);
		String link = linkIn(TestMail.to(this.greenMail, this.email, 5)
			.stream()
			.filter((email) -> TestMail.body(email).contains("/alerts/confirm/"))
			.reduce((first, second) -> second)
			.orElseThrow(), "/alerts/confirm/");
		Visitor fromEmail = this.site.visitor();
		assertThat(fromEmail.submit(fromEmail.page(link), "main form", Map.of()).statusCode())
			.as("the subscription confirmed")
			.isIn(302, 303);
	}

	private void queueAnEmailThatWaits() {
		this.transactions.executeWithoutResult((status) -> {
			long id = this.outbox.queue("test-waiting", this.email, "About your message", this.pendingEmailBody,
					this.messageId);
			this.jdbc.update("update outbox_email set next_attempt_at = now() + interval '1 day' where id = ?", id);
		});
	}

	private String wigstonPostcode() {
		return this.jdbc.queryForObject("""
				select p.postcode from postcode p join neighbourhood n on n.id = p.neighbourhood_id
				where n.slug = 'wigston' and p.terminated_on is null order by p.postcode limit 1""", String.class);
	}

	private static String linkIn(jakarta.mail.internet.MimeMessage email, String path) {
		Matcher link = Pattern.compile("(" + Pattern.quote(path) + "[A-Za-z0-9_-]{43})").matcher(TestMail.body(email));
		assertThat(link.find()).as("a link to " + path).isTrue();
		return link.group(1);
	}

	/** Eight letters, so that a canary never matches anything else by chance. */
	private static String word() {
		return ThreadLocalRandom.current()
			.ints(8, 'a', 'z' + 1)
			.mapToObj((letter) -> String.valueOf((char) letter))
			.collect(Collectors.joining());
	}

	private static String capitalised(String word) {
		return Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

}
