package uk.yourarea.alert;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.notification.EmailFailed;
import uk.yourarea.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sending alerts against PostgreSQL, with the outbox not relayed, so what was queued can
 * be read: who gets one, in steps of three recipients (set small here), going on after a
 * stop half way, and an unsubscribe taking effect on emails still waiting.
 */
@SpringBootTest(properties = { "yourarea.mail.relay-enabled=false", "yourarea.alerts.sending-enabled=false",
		"yourarea.alerts.queue-batch-size=3" })
@ActiveProfiles("demo")
class AlertSendingIT {

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
	JdbcTemplate jdbc;

	@Autowired
	AlertSending sending;

	@Autowired
	AlertSubscriptions subscriptions;

	@Autowired
	ManageLinks links;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationEventPublisher events;

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final List<Long> alerts = new ArrayList<>();

	@AfterEach
	void removeWhatWasAdded() {
		this.jdbc.update("delete from outbox_email where to_address like ?", "%-" + this.run + "@example.org");
		this.jdbc.update("delete from alert_subscriber where email like ?", "%-" + this.run + "@example.org");
		this.alerts.forEach((id) -> this.jdbc.update("delete from alert where id = ?", id));
		this.clock.set(Instant.now());
	}

	@Test
	void eachPersonWhoChoseTheTopicGetsOneEmailWithTheirOwnLinks() {
		long both = subscriber("both", "wigston:EVERYTHING", "oadby:EVERYTHING");
		subscriber("events", "wigston:EVENTS");
		subscriber("appeals", "wigston:APPEALS");
		subscriber("unconfirmed", "wigston:EVENTS?");
		subscriber("elsewhere", "lutterworth:EVERYTHING");
		long alert = alert("EVENTS", "wigston", "oadby");

		this.sending.sendDue();

		assertThat(recipientsOf(alert)).containsExactly(address("both"), address("events"));
		assertThat(this.jdbc.queryForMap(
				"select status, recipients, published_at is not null as published, "
						+ "signature is not null as signed, queued_at is not null as queued from alert where id = ?",
				alert))
			.containsEntry("status", "SENT")
			.hasEntrySatisfying("recipients", (count) -> assertThat((Integer) count).isGreaterThanOrEqualTo(2))
			.containsEntry("published", true)
			.containsEntry("signed", true)
			.containsEntry("queued", true);
		String body = bodyTo("both", alert);
		String signature = this.jdbc.queryForObject("select signature from alert where id = ?", String.class, alert);
		assertThat(body).startsWith("Meeting at the library " + this.run + "\n\nCome along on Tuesday.")
			.contains(signature)
			.containsPattern("/area/(wigston|oadby)/contact\\?alert=" + alert)
			.containsPattern("/area/(wigston|oadby)/alerts/" + alert)
			.contains("Replies to this email are not read.");
		String token = linkIn(body, MANAGE_LINK);
		assertThat(body).contains("/alerts/unsubscribe/" + token);
		Matcher team = Pattern.compile("/area/(wigston|oadby)/contact").matcher(body);
		assertThat(team.find()).isTrue();
		Map<String, Object> named = this.jdbc.queryForMap("select id, name from neighbourhood where slug = ?",
				team.group(1));
		assertThat(body).as("a link to stop the messages of the team the email is from")
			.contains("Stop messages from the " + named.get("name") + " team: ")
			.contains("/alerts/manage/" + token + "/" + named.get("id") + "/stop\n");
		assertThat(this.links.subscriberId(token)).as("the link in the email manages that person's alerts")
			.hasValue(both);
		assertThat(this.jdbc.queryForObject("select count(*) from alert_manage_link where alert_subscriber_id = ?",
				Integer.class, both))
			.as("a send writes nothing for the links it gives out")
			.isZero();
		assertThat(this.jdbc.queryForMap(
				"""
						select priority, reference, list_unsubscribe || ' ' || list_unsubscribe_post as headers from outbox_email
						where to_address = ? and reference = ?""",
				address("both"), AlertSending.reference(alert)))
			.containsEntry("priority", "BULK")
			.hasEntrySatisfying("headers",
					(headers) -> assertThat((String) headers).contains("/alerts/unsubscribe/" + token)
						.contains("List-Unsubscribe=One-Click"));
	}

	@Test
	void aWelshSubscriberGetsLinksToTheWelshPagesAndAnEnglishOneToTheEnglish() {
		long welsh = subscriber("welsh", "wigston:EVERYTHING");
		this.jdbc.update("update alert_subscriber set language = 'cy' where id = ?", welsh);
		subscriber("english", "wigston:EVERYTHING");
		long alert = alert("EVENTS", "wigston");

		this.sending.sendDue();

		String welshBody = bodyTo("welsh", alert);
		String token = linkIn(welshBody, MANAGE_LINK);
		assertThat(welshBody).contains("/cy/area/wigston/contact?alert=" + alert)
			.contains("/cy/area/wigston/alerts/" + alert)
			.contains("/cy/alerts/manage/" + token)
			.contains("/cy/alerts/manage/" + token + "/" + neighbourhoodId("wigston") + "/stop")
			.contains("/cy/alerts/unsubscribe/" + token);
		assertThat(bodyTo("english", alert)).contains("/area/wigston/alerts/" + alert).doesNotContain("/cy/");
	}

	@Test
	void aGeneralAlertGoesOnlyToThoseWhoChoseEveryMessage() {
		subscriber("everything", "wigston:EVERYTHING");
		subscriber("priorities", "wigston:PRIORITIES");
		long alert = alert("GENERAL", "wigston");

		this.sending.sendDue();

		assertThat(recipientsOf(alert)).containsExactly(address("everything"));
	}

	@Test
	void aBigSendGoesInStepsAndGoesOnFromWhereItStopped() {
		for (int i = 1; i <= 7; i++) {
			subscriber("many" + i, "oadby:PRIORITIES");
		}
		long alert = alert("PRIORITIES", "oadby");

		// One step, as if the instance then stopped.
		Optional<AlertSending.Step> first = new TransactionTemplate(this.transactions)
			.execute((status) -> this.sending.nextStep());
		assertThat(first).hasValueSatisfying((step) -> {
			assertThat(step.queued()).isEqualTo(3);
			assertThat(step.finished()).isFalse();
		});
		assertThat(this.jdbc.queryForObject("select status from alert where id = ?", String.class, alert))
			.isEqualTo("SENDING");
		assertThat(recipientsOf(alert)).hasSize(3);

		// Someone stops and someone else subscribes before the next step: it goes to who
		// follows the team at that moment.
		this.subscriptions.stopAll(manageLinkOf("many5"));
		subscriber("late", "oadby:EVERYTHING");

		assertThat(this.sending.sendDue()).isEqualTo(4);
		List<String> recipients = recipientsOf(alert);
		assertThat(recipients).doesNotHaveDuplicates()
			.hasSize(7)
			.contains(address("late"))
			.doesNotContain(address("many5"));
		assertThat(this.jdbc.queryForObject("select recipients from alert where id = ?", Integer.class, alert))
			.isEqualTo(7);
		assertThat(this.sending.sendDue()).as("nothing more to do").isZero();
	}

	@Test
	void stoppingEverythingForgetsAlertEmailsStillWaiting() {
		subscriber("stops", "wigston:EVERYTHING");
		long alert = alert("APPEALS", "wigston");
		this.sending.sendDue();
		assertThat(recipientsOf(alert)).containsExactly(address("stops"));

		assertThat(this.subscriptions.stopAll(linkIn(bodyTo("stops", alert), MANAGE_LINK))).isTrue();

		assertThat(recipientsOf(alert)).isEmpty();
	}

	@Test
	void stoppingOneNeighbourhoodForgetsOnlyTheAlertEmailsNoLongerFollowed() {
		subscriber("stops-one", "wigston:EVERYTHING", "oadby:EVERYTHING");
		long wigstonOnly = alert("APPEALS", "wigston");
		long oadbyOnly = alert("APPEALS", "oadby");
		long both = alert("APPEALS", "wigston", "oadby");
		this.sending.sendDue();
		assertThat(recipientsOf(wigstonOnly)).containsExactly(address("stops-one"));
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where slug = 'wigston'", Long.class);

		assertThat(this.subscriptions.stop(manageLinkOf("stops-one"), wigston)).isTrue();

		assertThat(recipientsOf(wigstonOnly)).as("Wigston's alone, no longer followed").isEmpty();
		assertThat(recipientsOf(oadbyOnly)).containsExactly(address("stops-one"));
		assertThat(recipientsOf(both)).as("still followed through Oadby").containsExactly(address("stops-one"));
	}

	@Test
	void choosingOtherMessagesForgetsTheAlertEmailsNoLongerChosen() {
		subscriber("narrows", "wigston:EVERYTHING");
		long appeal = alert("APPEALS", "wigston");
		long event = alert("EVENTS", "wigston");
		long general = alert("GENERAL", "wigston");
		this.sending.sendDue();
		assertThat(recipientsOf(appeal)).containsExactly(address("narrows"));
		long wigston = this.jdbc.queryForObject("select id from neighbourhood where slug = 'wigston'", Long.class);

		assertThat(this.subscriptions.change(manageLinkOf("narrows"), wigston, Set.of(AlertCategory.EVENTS))).isTrue();

		assertThat(recipientsOf(appeal)).isEmpty();
		assertThat(recipientsOf(general)).as("general alerts go to those who chose every message").isEmpty();
		assertThat(recipientsOf(event)).containsExactly(address("narrows"));
	}

	@Test
	void onlyScheduledAlertsThatAreDueGo() {
		subscriber("waits", "wigston:EVERYTHING");
		long later = alert("GENERAL", "wigston");
		this.jdbc.update("update alert set send_at = ? where id = ?",
				Timestamp.from(this.clock.instant().plus(Duration.ofHours(2))), later);
		long draft = alert("GENERAL", "wigston");
		this.jdbc.update("update alert set status = 'DRAFT' where id = ?", draft);

		this.sending.sendDue();
		assertThat(recipientsOf(later)).isEmpty();

		this.clock.advance(Duration.ofHours(2).plusSeconds(1));
		this.sending.sendDue();
		assertThat(recipientsOf(later)).containsExactly(address("waits"));
		assertThat(this.jdbc.queryForObject("select status from alert where id = ?", String.class, draft))
			.isEqualTo("DRAFT");
	}

	@Test
	void anAlertToAWholeAreaGoesToEveryLiveNeighbourhoodInIt() {
		subscriber("area", "oadby:EVERYTHING");
		long areaId = this.jdbc.queryForObject("select local_policing_area_id from neighbourhood where slug = 'oadby'",
				Long.class);
		long alert = alert("GENERAL");
		this.jdbc.update("update alert set reach = 'AREA', local_policing_area_id = ? where id = ?", areaId, alert);

		this.sending.sendDue();

		assertThat(this.jdbc.queryForList(
				"select neighbourhood_id from alert_neighbourhood where alert_id = ? order by neighbourhood_id",
				Long.class, alert))
			.isEqualTo(this.jdbc.queryForList("""
					select id from neighbourhood where local_policing_area_id = ? and retired_on is null order by id""",
					Long.class, areaId));
		assertThat(recipientsOf(alert)).containsExactly(address("area"));
	}

	@Test
	void neitherAMissingAuthorNorAnUnusableAddressHoldsAnAlertBack() {
		subscriber("fine", "wigston:EVERYTHING");
		long broken = subscriber("broken", "wigston:EVERYTHING");
		this.jdbc.update("update alert_subscriber set email = ? where id = ?", "broken\n-" + this.run + "@example.org",
				broken);
		long alert = alert("GENERAL", "wigston");
		this.jdbc.update("update alert set author_id = -1 where id = ?", alert);

		this.sending.sendDue();

		assertThat(this.jdbc.queryForObject("select status from alert where id = ?", String.class, alert))
			.isEqualTo("SENT");
		assertThat(this.jdbc.queryForObject("select signature from alert where id = ?", String.class, alert))
			.isEqualTo("Message sent by your neighbourhood policing team (Leicestershire Police)");
		assertThat(recipientsOf(alert)).containsExactly(address("fine"));
	}

	@Test
	void anAddressRefusedForGoodThreeTimesIsDeleted() {
		long bouncing = subscriber("bounces", "wigston:EVERYTHING");

		this.events.publishEvent(new EmailFailed(1, null, "alert", address("bounces").toUpperCase(), true));
		this.events.publishEvent(new EmailFailed(2, null, "alert", address("bounces"), true));
		this.events.publishEvent(new EmailFailed(3, null, "alert", address("bounces"), false));
		this.events.publishEvent(new EmailFailed(4, null, "contact-reply", address("bounces"), true));
		assertThat(this.jdbc.queryForObject("select failed_deliveries from alert_subscriber where id = ?",
				Integer.class, bouncing))
			.as("only alert emails refused for good count")
			.isEqualTo(2);

		this.events.publishEvent(new EmailFailed(5, null, "alert", address("bounces"), true));

		assertThat(
				this.jdbc.queryForObject("select count(*) from alert_subscriber where id = ?", Integer.class, bouncing))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from alert_subscription where alert_subscriber_id = ?",
				Integer.class, bouncing))
			.isZero();
	}

	/**
	 * A subscriber with confirmed subscriptions, like {@code wigston:EVENTS}; a
	 * subscription ending in {@code ?} is not confirmed.
	 */
	private long subscriber(String name, String... follows) {
		Instant now = this.clock.instant();
		long id = this.jdbc.queryForObject(
				"insert into alert_subscriber (email, created_at) values (?, ?) returning id", Long.class,
				address(name), Timestamp.from(now));
		for (String follow : follows) {
			String[] parts = follow.split(":");
			boolean confirmed = !parts[1].endsWith("?");
			String category = parts[1].replace("?", "");
			this.jdbc.update("""
					insert into alert_subscription (alert_subscriber_id, neighbourhood_id, categories,
					                                requested_categories, requested_at, confirmed_at)
					values (?, (select id from neighbourhood where slug = ?), ?::text[], ?::text[], ?, ?)""", id,
					parts[0], confirmed ? "{" + category + "}" : "{}", confirmed ? null : "{" + category + "}",
					Timestamp.from(now), confirmed ? Timestamp.from(now) : null);
		}
		this.manageLinks.put(name, this.links
			.tokenFor(this.jdbc.queryForObject("select link_id from alert_subscriber where id = ?", UUID.class, id)));
		return id;
	}

	private final java.util.Map<String, String> manageLinks = new java.util.HashMap<>();

	private String manageLinkOf(String name) {
		return this.manageLinks.get(name);
	}

	/** A scheduled alert, due now, written by the demo Wigston officer. */
	private long alert(String topic, String... slugs) {
		Instant now = this.clock.instant();
		long author = this.jdbc
			.queryForObject("select id from staff_account where email = 'officer.wigston@example.org'", Long.class);
		long id = this.jdbc.queryForObject("""
				insert into alert (title, body, topic, reach, author_id, status, send_at, created_at, updated_at)
				values (?, ?, ?, 'NEIGHBOURHOODS', ?, 'SCHEDULED', ?, ?, ?) returning id""", Long.class,
				"Meeting at the library " + this.run, "Come along on Tuesday.", topic, author, Timestamp.from(now),
				Timestamp.from(now), Timestamp.from(now));
		for (String slug : slugs) {
			this.jdbc.update("""
					insert into alert_neighbourhood (alert_id, neighbourhood_id)
					values (?, (select id from neighbourhood where slug = ?))""", id, slug);
		}
		this.alerts.add(id);
		return id;
	}

	private long neighbourhoodId(String slug) {
		return this.jdbc.queryForObject("select id from neighbourhood where slug = ?", Long.class, slug);
	}

	private String address(String name) {
		return name + "-" + this.run + "@example.org";
	}

	private List<String> recipientsOf(long alert) {
		return this.jdbc.queryForList("""
				select to_address from outbox_email
				where reference = ? and status = 'PENDING' and to_address like ? order by to_address""", String.class,
				AlertSending.reference(alert), "%-" + this.run + "@example.org");
	}

	private String bodyTo(String name, long alert) {
		return this.jdbc.queryForObject("select body from outbox_email where to_address = ? and reference = ?",
				String.class, address(name), AlertSending.reference(alert));
	}

	private static String linkIn(String text, Pattern link) {
		Matcher matcher = link.matcher(text);
		assertThat(matcher.find()).as("a link in " + text).isTrue();
		return matcher.group(1);
	}

}
