package uk.yourarea.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.yourarea.testing.TestMail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An alert as a subscriber's mail server receives it (GreenMail): the RFC 8058 headers,
 * the signature, the links to reply and to manage, and the one-click unsubscribe a mail
 * program would send from the header, after which the next alert does not come.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "yourarea.alerts.sending-enabled=false", "yourarea.mail.relay-interval=200ms" })
@ActiveProfiles("demo")
@Import(TestMail.class)
class AlertEmailDeliveryIT {

	static final Pattern UNSUBSCRIBE_HEADER = Pattern
		.compile("<https?://[^/>]+(/alerts/unsubscribe/([A-Za-z0-9_-]{43}))>");

	@Autowired
	GreenMail greenMail;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AlertSending sending;

	@Autowired
	ManageLinks links;

	@LocalServerPort
	int port;

	final String address = "delivery-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

	final String welshAddress = "delivery-cy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

	final long[] alertIds = new long[2];

	@AfterEach
	void removeWhatWasAdded() {
		this.jdbc.update("delete from alert_subscriber where email in (?, ?)", this.address, this.welshAddress);
		for (long id : this.alertIds) {
			this.jdbc.update("delete from alert where id = ?", id);
		}
	}

	@Test
	void theEmailCarriesOneClickUnsubscribeAndAfterItTheNextAlertDoesNotCome() throws Exception {
		subscribeToOadby();
		this.alertIds[0] = alert("Road closed for the carnival",
				"Station Road is closed on Saturday.\n\n" + "Details: https://example.org/carnival.");

		this.sending.sendDue();
		List<MimeMessage> received = TestMail.to(this.greenMail, this.address);

		assertThat(received).hasSize(1);
		MimeMessage email = received.get(0);
		assertThat(email.getSubject()).isEqualTo("Oadby team: Road closed for the carnival");
		assertThat(((InternetAddress) email.getFrom()[0]).getAddress()).startsWith("no-reply@");
		assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		String header = email.getHeader("List-Unsubscribe")[0];
		Matcher unsubscribe = UNSUBSCRIBE_HEADER.matcher(header);
		assertThat(unsubscribe.matches()).as(header).isTrue();
		String body = TestMail.body(email);
		String signature = this.jdbc.queryForObject("select signature from alert where id = ?", String.class,
				this.alertIds[0]);
		assertThat(signature).contains("PC Sam Oadby");
		assertThat(body).contains("Station Road is closed on Saturday.\n\nDetails: https://example.org/carnival.")
			.contains(signature)
			.contains("/area/oadby/contact?alert=" + this.alertIds[0])
			.contains("/area/oadby/alerts/" + this.alertIds[0])
			.contains("/alerts/manage/" + unsubscribe.group(2))
			.contains(unsubscribe.group(1))
			.contains("Replies to this email are not read.");
		assertThat(this.links.subscriberId(unsubscribe.group(2))).hasValue(
				this.jdbc.queryForObject("select id from alert_subscriber where email = ?", Long.class, this.address));

		// What a mail program does with the header: a POST with no cookie and no token.
		HttpResponse<String> oneClick = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + unsubscribe.group(1)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select count(*) from alert_subscriber where email = ?", Integer.class,
				this.address))
			.isZero();

		this.alertIds[1] = alert("Second message", "This one must not reach them.");
		this.sending.sendDue();
		assertThat(
				this.jdbc.queryForObject("select recipients from alert where id = ?", Integer.class, this.alertIds[1]))
			.isZero();
		Thread.sleep(1000);
		assertThat(TestMail.to(this.greenMail, this.address)).hasSize(1);
	}

	@Test
	void eachSubscriberGetsTheSignatureInTheLanguageTheyChoseWithTheAreasWelshName() throws Exception {
		subscribeToOadby(this.address, "en");
		subscribeToOadby(this.welshAddress, "cy");
		long area = this.jdbc.queryForObject("select local_policing_area_id from neighbourhood where slug = 'oadby'",
				Long.class);
		String englishName = this.jdbc.queryForObject("select name from local_policing_area where id = ?", String.class,
				area);
		String welshNameBefore = this.jdbc.queryForObject("select name_cy from local_policing_area where id = ?",
				String.class, area);
		String neighbourhoodWelshBefore = this.jdbc
			.queryForObject("select name_cy from neighbourhood where slug = 'oadby'", String.class);
		this.jdbc.update("update local_policing_area set name_cy = 'Ardal Prawf Oadby' where id = ?", area);
		this.jdbc.update("update neighbourhood set name_cy = 'Oadbi Prawf' where slug = 'oadby'");
		try {
			this.alertIds[0] = alert("Road closed for the carnival", "Station Road is closed on Saturday.");
			this.sending.sendDue();
		}
		finally {
			this.jdbc.update("update local_policing_area set name_cy = ? where id = ?", welshNameBefore, area);
			this.jdbc.update("update neighbourhood set name_cy = ? where slug = 'oadby'", neighbourhoodWelshBefore);
		}

		Map<String, Object> signed = this.jdbc.queryForMap("select signature, signature_cy from alert where id = ?",
				this.alertIds[0]);
		String english = (String) signed.get("signature");
		String welsh = (String) signed.get("signature_cy");
		assertThat(english).startsWith("Message sent by PC Sam Oadby")
			.contains("neighbourhood team")
			.endsWith(englishName + ")");
		assertThat(welsh).startsWith("Neges a anfonwyd gan PC Sam Oadby")
			.contains("tîm y gymdogaeth")
			.endsWith("Ardal Prawf Oadby)");
		// Decoded: the Welsh has letters quoted-printable writes as codes (î).
		String toEnglish = ((String) TestMail.to(this.greenMail, this.address).get(0).getContent()).replace("\r\n",
				"\n");
		String toWelsh = ((String) TestMail.to(this.greenMail, this.welshAddress).get(0).getContent()).replace("\r\n",
				"\n");
		assertThat(toEnglish).contains(english).doesNotContain(welsh);
		assertThat(toWelsh).contains(welsh)
			.doesNotContain(english)
			.contains("/cy/area/oadby/alerts/" + this.alertIds[0]);

		// The neighbourhood by its Welsh name for the Welsh subscriber only.
		assertThat(TestMail.to(this.greenMail, this.welshAddress).get(0).getSubject())
			.isEqualTo("Tîm Oadbi Prawf: Road closed for the carnival");
		assertThat(toWelsh).contains("i dîm Oadbi Prawf").doesNotContain("Oadby team");
		assertThat(TestMail.to(this.greenMail, this.address).get(0).getSubject())
			.isEqualTo("Oadby team: Road closed for the carnival");
		assertThat(toEnglish).contains("to the Oadby team").doesNotContain("Oadbi");
	}

	private void subscribeToOadby() {
		subscribeToOadby(this.address, "en");
	}

	private void subscribeToOadby(String address, String language) {
		Timestamp now = Timestamp.from(Instant.now());
		long id = this.jdbc.queryForObject(
				"insert into alert_subscriber (email, created_at, language) values (?, ?, ?) returning id", Long.class,
				address, now, language);
		this.jdbc.update("""
				insert into alert_subscription (alert_subscriber_id, neighbourhood_id, categories, requested_at,
				                                confirmed_at)
				values (?, (select id from neighbourhood where slug = 'oadby'), '{EVERYTHING}', ?, ?)""", id, now, now);
	}

	private long alert(String title, String body) {
		Timestamp now = Timestamp.from(Instant.now());
		long author = this.jdbc.queryForObject("select id from staff_account where email = 'officer.oadby@example.org'",
				Long.class);
		long id = this.jdbc.queryForObject("""
				insert into alert (title, body, topic, reach, author_id, status, send_at, created_at, updated_at)
				values (?, ?, 'GENERAL', 'NEIGHBOURHOODS', ?, 'SCHEDULED', ?, ?, ?) returning id""", Long.class, title,
				body, author, now, now, now);
		this.jdbc.update("""
				insert into alert_neighbourhood (alert_id, neighbourhood_id)
				values (?, (select id from neighbourhood where slug = 'oadby'))""", id);
		return id;
	}

}
