package uk.yourarea.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.alert.PublishedAlerts;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;

/**
 * A demo resident's reply to the Wigston beat team's letter, sent with "Reply to this
 * message", so that the inbox shows a message linked to the alert it answers. It is new:
 * nobody has answered it yet.
 * <p>
 * Runs once the application is ready, after alert's demo alerts (order 5) and
 * {@link DemoMessages} (order 10), and only while Wigston has no reply to an alert. No
 * email is queued.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "yourarea.demo.load", havingValue = "true")
class DemoAlertReply {

	private static final Logger log = LoggerFactory.getLogger(DemoAlertReply.class);

	private final NeighbourhoodDirectory neighbourhoods;

	private final PublishedAlerts alerts;

	private final ContactMessageRepository messages;

	private final ResponseDeadline deadline;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoAlertReply(NeighbourhoodDirectory neighbourhoods, PublishedAlerts alerts, ContactMessageRepository messages,
			ResponseDeadline deadline, JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
		this.neighbourhoods = neighbourhoods;
		this.alerts = alerts;
		this.messages = messages;
		this.deadline = deadline;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(20)
	void load() {
		Optional<NeighbourhoodSummary> wigston = this.neighbourhoods.byCode("NA54").filter((n) -> !n.retired());
		if (wigston.isEmpty()) {
			return;
		}
		long neighbourhoodId = wigston.get().id();
		boolean replied = this.jdbc.queryForObject("""
				select exists (select 1 from contact_message
				               where neighbourhood_id = ? and in_reply_to_alert_id is not null)""", Boolean.class,
				neighbourhoodId);
		// The oldest of the demo's three: the beat team's letter.
		List<PublishedAlerts.Published> latest = this.alerts.latest(neighbourhoodId, 3);
		if (replied || latest.isEmpty()) {
			return;
		}
		PublishedAlerts.Published letter = latest.get(latest.size() - 1);
		Instant received = this.clock.instant().minus(Duration.ofHours(20));
		ContactMessage message = new ContactMessage(Secrets.newReference(), neighbourhoodId,
				new ContactMessage.Sender("Pat Okafor", "pat.okafor@example.org", null, PreferredContact.EMAIL,
						SenderType.RESIDENT),
				Topic.GENERAL_ENQUIRY, """
						Thank you for explaining the difference between the response officers and your team. \
						The cars racing up and down Aylestone Lane most evenings after 9pm is exactly the kind of \
						thing that keeps happening here. Who should I tell when it is going on, and is it something \
						you could look at as a priority?""", "Aylestone Lane", received, this.deadline.from(received),
				DemoMessageScript.KEY_PREFIX + UUID.randomUUID().toString().replace("-", ""));
		message.answersAlert(letter.id());
		this.transaction.executeWithoutResult((status) -> this.messages.save(message));
		log.info("Demo messages: a Wigston resident's reply to the alert \"{}\"", letter.title());
	}

}
