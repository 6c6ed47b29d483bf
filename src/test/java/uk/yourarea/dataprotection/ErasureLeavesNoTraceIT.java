package uk.yourarea.dataprotection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.contact.ResponseRecord;
import uk.yourarea.contact.ResponseRecords;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.personaldata.Erasure;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.Visitor;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasing a person at the data protection desk leaves no trace of them in any table,
 * while the response record and the Guarantee give the same figures as before: the times
 * and the outcome stay, the content goes.
 */
@DemoSiteTest
class ErasureLeavesNoTraceIT {

	@Autowired
	Site site;

	@Autowired
	FormStamps stamps;

	@Autowired
	RateLimits rateLimits;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	GreenMail greenMail;

	@Autowired
	EmailOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataProtectionDesk desk;

	@Autowired
	ResponseRecords records;

	OnePerson person;

	@BeforeEach
	void aPersonWithEveryKindOfRecord() {
		this.person = new OnePerson(this.site, this.stamps, this.rateLimits, this.jdbc, this.greenMail, this.outbox,
				this.transactions);
		this.person.fillEveryKindOfRecord();
	}

	@Test
	void erasingAPersonLeavesNoTraceOfThemInAnyTable() {
		List<String> before = this.person.traces();
		assertThat(before).as("before the erasure, the scan finds them")
			.contains("contact_message.sender_email holds the email address",
					"contact_message.body holds the message text",
					"contact_message.sender_phone holds the phone number", "message_entry.body holds the note",
					"outbox_email.body holds the waiting email", "consultation_response.email holds the email address",
					"consultation_response.concern holds the concern",
					"consultation_response.concern holds the later concern",
					"alert_subscriber.email holds the email address");

		assertThat(before).as("the audit of changes and the record of views never hold the content")
			.noneMatch((trace) -> trace.startsWith("change_record"));
		assertThat(this.jdbc.queryForObject("""
				select count(*) from message_entry where contact_message_id = ? and kind = 'VIEWED'
				  and body is not null""", Long.class, this.person.messageId())).isZero();

		Erasure erasure = this.person.eraseAtTheDesk(this.desk);

		assertThat(erasure.erased()).isNotEmpty();
		assertThat(erasure.keptOnHold()).isEmpty();
		assertThat(this.person.traces()).as("after the erasure").isEmpty();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from message_entry where contact_message_id = ? and kind = 'VIEWED'
				  and staff_account_id is not null""", Long.class, this.person.messageId()))
			.as("who viewed the message is still known")
			.isPositive();
	}

	@Test
	void theResponseRecordAndTheGuaranteeGiveTheSameFiguresAfterAnErasure() {
		Instant asOf = Instant.now();
		Map<Long, ResponseRecord> before = this.records.byNeighbourhoodAsOf(asOf);
		ResponseRecord forceBefore = this.records.forceWideAsOf(asOf);
		Visitor editor = signedIn("webeditor@example.org");
		String guaranteeBefore = editor.page("/staff/guarantee").select("main").text();
		long wigston = this.jdbc.queryForObject("select neighbourhood_id from contact_message where id = ?", Long.class,
				this.person.messageId());
		assertThat(before.get(wigston).received()).as("the person's message counts").isPositive();

		this.person.eraseAtTheDesk(this.desk);

		assertThat(this.jdbc.queryForObject("select erased_at is not null from contact_message where id = ?",
				Boolean.class, this.person.messageId()))
			.isTrue();
		assertThat(this.records.byNeighbourhoodAsOf(asOf)).isEqualTo(before);
		assertThat(this.records.forceWideAsOf(asOf)).isEqualTo(forceBefore);
		assertThat(editor.page("/staff/guarantee").select("main").text()).isEqualTo(guaranteeBefore);
	}

	private Visitor signedIn(String email) {
		Visitor staff = this.site.visitor();
		assertThat(staff
			.submit(staff.page("/staff/sign-in"), "main form",
					Map.of("email", email, "password", StaffBrowser.DEMO_PASSWORD))
			.statusCode()).isIn(302, 303);
		return staff;
	}

}
