package uk.yourarea.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.notification.EmailPriority;
import uk.yourarea.notification.OutgoingEmail;
import uk.yourarea.web.Languages;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.SiteProperties;
import uk.yourarea.web.TextIn;

/**
 * Sends the alerts that are due. Each step is a short transaction of its own that queues
 * one batch of recipients into the email outbox and records how far it got, so a send to
 * 100,000 subscribers never holds one long transaction, and an instance that stops half
 * way leaves the rest to the next run, here or on another instance, with nobody emailed
 * twice:
 * <ol>
 * <li>the alert is taken with {@code FOR UPDATE SKIP LOCKED}, so one instance works on it
 * at a time;</li>
 * <li>on the first step it is published: signed as its author is now, its neighbourhoods
 * fixed (every live one of its area or of the force), and it shows in the archive;</li>
 * <li>each step takes the next subscribers, by id, who have confirmed and follow one of
 * its neighbourhoods with a matching choice at that moment: one email each, however many
 * of those neighbourhoods they follow, with their personal link to manage and stop their
 * messages ({@link ManageLinks}: signed, so nothing is written for it);</li>
 * <li>when a step finds fewer than a batch, the alert is SENT.</li>
 * </ol>
 * The emails go as {@link EmailPriority#BULK}: the outbox sends the emails residents are
 * waiting for, such as contact acknowledgements, first.
 */
@Component
class AlertSending {

	/**
	 * The outbox kind of an alert email; a subscriber who stops forgets those pending.
	 */
	static final String ALERT_EMAIL = "alert";

	private static final Logger log = LoggerFactory.getLogger(AlertSending.class);

	private static final String UNSUBSCRIBE_POST = "List-Unsubscribe=One-Click";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final EmailOutbox outbox;

	private final ManageLinks links;

	private final AlertEmails emails;

	private final AlertSignature signatures;

	private final AlertArchive archive;

	private final NeighbourhoodDirectory neighbourhoods;

	private final SiteProperties site;

	private final AlertProperties properties;

	private final Clock clock;

	private volatile boolean stopping;

	AlertSending(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EmailOutbox outbox,
			ManageLinks links, AlertEmails emails, AlertSignature signatures, AlertArchive archive,
			NeighbourhoodDirectory neighbourhoods, SiteProperties site, AlertProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.outbox = outbox;
		this.links = links;
		this.emails = emails;
		this.signatures = signatures;
		this.archive = archive;
		this.neighbourhoods = neighbourhoods;
		this.site = site;
		this.properties = properties;
		this.clock = clock;
	}

	/** What one step did. */
	record Step(long alertId, int queued, boolean published, boolean finished) {
	}

	/**
	 * Queues every alert that is due, a batch at a time, until none is left or the
	 * application stops.
	 * @return how many emails were queued
	 */
	synchronized int sendDue() {
		int queued = 0;
		while (!this.stopping) {
			Optional<Step> step = Objects.requireNonNull(this.transactions.execute((status) -> nextStep()));
			if (step.isEmpty()) {
				break;
			}
			queued += step.get().queued();
			if (step.get().finished()) {
				log.info("Alert {} queued for all its recipients", step.get().alertId());
			}
			else if (!restBetweenSteps()) {
				break;
			}
		}
		return queued;
	}

	/**
	 * @return false when interrupted: the next run of the schedule goes on from here
	 */
	private boolean restBetweenSteps() {
		Duration pause = this.properties.stepPause();
		if (pause.isZero()) {
			return true;
		}
		try {
			Thread.sleep(pause.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stopTakingBatches() {
		this.stopping = true;
	}

	private record Due(long id, AlertStatus status, String title, String body, AlertTopic topic, String reach,
			@org.jspecify.annotations.Nullable Long areaId,
			AlertSignature.@org.jspecify.annotations.Nullable Signed signed, long queuedUpTo,
			@org.jspecify.annotations.Nullable String titleCy, @org.jspecify.annotations.Nullable String bodyCy) {

		/** The title in this language: Welsh when asked for and written. */
		String titleIn(Locale language) {
			return TextIn.pick(language, this.title, this.titleCy);
		}

		/** The body in this language: Welsh when asked for and written. */
		String bodyIn(Locale language) {
			return TextIn.pick(language, this.body, this.bodyCy);
		}

	}

	private record Recipient(long id, String email, UUID linkId, long neighbourhoodId, Locale language) {
	}

	/** One step, in the caller's transaction: package-private for tests. */
	Optional<Step> nextStep() {
		Instant now = this.clock.instant();
		List<Due> due = this.jdbc
			.query("""
					select id, status, title, body, topic, reach, local_policing_area_id, signature, signature_cy,
					       queued_up_to, title_cy, body_cy
					from alert where status in ('SCHEDULED', 'SENDING') and send_at <= ?
					order by send_at, id limit 1 for update skip locked""",
					(row, n) -> new Due(row.getLong("id"), AlertStatus.valueOf(row.getString("status")),
							row.getString("title"), row.getString("body"), AlertTopic.valueOf(row.getString("topic")),
							row.getString("reach"), (Long) row.getObject("local_policing_area_id"),
							(row.getString("signature") != null) ? new AlertSignature.Signed(row.getString("signature"),
									row.getString("signature_cy")) : null,
							row.getLong("queued_up_to"), row.getString("title_cy"), row.getString("body_cy")),
					Timestamp.from(now));
		if (due.isEmpty()) {
			return Optional.empty();
		}
		Due alert = due.get(0);
		AlertSignature.Signed signature = alert.signed();
		boolean publishing = alert.status() == AlertStatus.SCHEDULED;
		if (publishing) {
			signature = publish(alert, now);
		}
		Map<Long, NeighbourhoodSummary> places = placesOf(alert.id());
		Batch batch = nextRecipients(alert, places.keySet());
		int queued = queue(alert, Objects.requireNonNull(signature), places, batch.recipients());
		boolean finished = !batch.more();
		this.jdbc.update("""
				update alert set queued_up_to = ?, recipients = recipients + ?,
				       status = case when ? then 'SENT' else status end,
				       queued_at = case when ? then ? else queued_at end, version = version + 1
				where id = ?""", batch.lastRead(), queued, finished, finished, Timestamp.from(now), alert.id());
		return Optional.of(new Step(alert.id(), queued, publishing, finished));
	}

	/**
	 * The alert goes from now on: signed as its author is now, with its neighbourhoods
	 * fixed, and published in their archives.
	 */
	private AlertSignature.Signed publish(Due alert, Instant now) {
		AlertSignature.Signed signature;
		try {
			signature = this.signatures.signaturesFor(alert.id());
		}
		catch (NotFoundException ex) {
			// The author's account is gone: the alert still goes, signed by the force.
			signature = this.signatures.unknownAuthor();
		}
		List<Long> reached = switch (alert.reach()) {
			case "FORCE" -> liveNeighbourhoods((n) -> true);
			case "AREA" -> liveNeighbourhoods((n) -> n.area().id() == Objects.requireNonNull(alert.areaId()));
			default -> List.of();
		};
		if (!reached.isEmpty()) {
			this.jdbc.batchUpdate("""
					insert into alert_neighbourhood (alert_id, neighbourhood_id) values (?, ?)
					on conflict do nothing""", reached, reached.size(), (statement, id) -> {
				statement.setLong(1, alert.id());
				statement.setLong(2, id);
			});
		}
		this.jdbc.update("""
				update alert set status = 'SENDING', published_at = ?, signature = ?, signature_cy = ?,
				       version = version + 1
				where id = ?""", Timestamp.from(now), signature.english(), signature.welsh(), alert.id());
		this.archive.published(alert.id(), this.jdbc.queryForList(
				"select neighbourhood_id from alert_neighbourhood where alert_id = ?", Long.class, alert.id()));
		log.info("Alert {} published; queueing its emails", alert.id());
		return signature;
	}

	private List<Long> liveNeighbourhoods(java.util.function.Predicate<NeighbourhoodSummary> wanted) {
		return this.neighbourhoods.all()
			.stream()
			.filter((n) -> !n.retired())
			.filter(wanted)
			.map(NeighbourhoodSummary::id)
			.toList();
	}

	private Map<Long, NeighbourhoodSummary> placesOf(long alertId) {
		List<Long> ids = this.jdbc.queryForList(
				"select neighbourhood_id from alert_neighbourhood where alert_id = ? order by neighbourhood_id",
				Long.class, alertId);
		return this.neighbourhoods.byIds(ids)
			.stream()
			.collect(Collectors.toMap(NeighbourhoodSummary::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	private Map<Long, NeighbourhoodSummary> namedIn(Collection<Long> ids, Locale language) {
		return this.neighbourhoods.byIds(ids, language)
			.stream()
			.collect(Collectors.toMap(NeighbourhoodSummary::id, Function.identity()));
	}

	/**
	 * The next subscribers after the last one queued who, at this moment, follow one of
	 * the neighbourhoods with a choice that gets this topic, each once.
	 *
	 * @param recipients those still there, whose rows are locked against deletion until
	 * the step commits: a subscriber who stops meanwhile waits for it, and then forgets
	 * the email it queued
	 * @param lastRead the id of the last subscriber read, there or not: the next step
	 * starts after it
	 * @param more whether a whole batch was read, so there may be more
	 */
	private record Batch(List<Recipient> recipients, long lastRead, boolean more) {
	}

	private Batch nextRecipients(Due alert, Collection<Long> neighbourhoodIds) {
		if (neighbourhoodIds.isEmpty()) {
			return new Batch(List.of(), alert.queuedUpTo(), false);
		}
		Map<Long, Long> followed = new LinkedHashMap<>();
		this.jdbc.query("""
				select alert_subscriber_id, min(neighbourhood_id) as neighbourhood_id from alert_subscription
				where confirmed_at is not null and neighbourhood_id = any(?) and categories && ?::text[]
				  and alert_subscriber_id > ?
				group by alert_subscriber_id order by alert_subscriber_id limit ?""", (row) -> {
			followed.put(row.getLong("alert_subscriber_id"), row.getLong("neighbourhood_id"));
		}, neighbourhoodIds.toArray(Long[]::new), AlertSubscriptions.arrayLiteral(alert.topic().receivedBy()),
				alert.queuedUpTo(), this.properties.queueBatchSize());
		if (followed.isEmpty()) {
			return new Batch(List.of(), alert.queuedUpTo(), false);
		}
		List<Recipient> recipients = this.jdbc.query(
				"select id, email, link_id, language from alert_subscriber where id = any(?) order by id for key share",
				(row, n) -> new Recipient(row.getLong("id"), row.getString("email"),
						row.getObject("link_id", UUID.class), Objects.requireNonNull(followed.get(row.getLong("id"))),
						Languages.fromTag(row.getString("language"))),
				(Object) followed.keySet().toArray(Long[]::new));
		long lastRead = followed.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
		return new Batch(recipients, lastRead, followed.size() == this.properties.queueBatchSize());
	}

	/**
	 * @return how many emails were queued
	 */
	private int queue(Due alert, AlertSignature.Signed signature, Map<Long, NeighbourhoodSummary> places,
			List<Recipient> recipients) {
		// The alert's text in each language the step needs, read once.
		String reference = reference(alert.id());
		Map<Locale, AlertText> texts = new HashMap<>();
		List<OutgoingEmail> outgoing = new ArrayList<>(recipients.size());
		// The fixed wording in each language the step needs, read once.
		Map<Locale, AlertEmails.Letters> letters = new HashMap<>();
		// The neighbourhoods as each language names them (Welsh names where there are
		// some), read once.
		Map<Locale, Map<Long, NeighbourhoodSummary>> named = new HashMap<>();
		named.put(Languages.ENGLISH, places);
		for (Recipient recipient : recipients) {
			NeighbourhoodSummary place = named
				.computeIfAbsent(Languages.of(recipient.language()), (language) -> namedIn(places.keySet(), language))
				.get(recipient.neighbourhoodId());
			if (place == null) {
				continue;
			}
			String token = this.links.tokenFor(recipient.linkId());
			// The one-click header is for mail programs; the links in the text open the
			// pages in the subscriber's language.
			String unsubscribe = this.site.link("/alerts/unsubscribe/" + token);
			String prefix = Languages.pathPrefix(recipient.language());
			AlertEmails.Letter letter = letters.computeIfAbsent(recipient.language(), this.emails::in)
				.compose(alert.titleIn(recipient.language()),
						texts.computeIfAbsent(recipient.language(), (language) -> AlertText.of(alert.bodyIn(language))),
						signature.in(recipient.language()).toString(), place.name(),
						this.site.link(prefix + AlertEmails.pagePath(place.slug(), alert.id())),
						this.site.link(prefix + AlertEmails.replyPath(place.slug(), alert.id())),
						this.site.link(prefix + "/alerts/manage/" + token),
						this.site.link(prefix + AlertEmails.stopTeamPath(token, place.id())),
						this.site.link(prefix + "/alerts/unsubscribe/" + token));
			try {
				// Made whole at once, so that it is checked once: a step makes a
				// thousand.
				outgoing.add(new OutgoingEmail(ALERT_EMAIL, recipient.email(), letter.subject(), letter.body(),
						Map.of(OutgoingEmail.LIST_UNSUBSCRIBE, "<" + unsubscribe + ">",
								OutgoingEmail.LIST_UNSUBSCRIBE_POST, UNSUBSCRIBE_POST),
						EmailPriority.BULK, reference, null));
			}
			catch (IllegalArgumentException ex) {
				// One unusable address must not hold back everyone else's email.
				log.warn("Alert {}: subscriber {} skipped ({})", alert.id(), recipient.id(), ex.getMessage());
				continue;
			}
		}
		if (outgoing.isEmpty()) {
			return 0;
		}
		return this.outbox.queueAll(outgoing);
	}

	/** How the outbox knows an alert's emails, to count them. */
	static String reference(long alertId) {
		return "alert-" + alertId;
	}

	/** The alert an email's reference names, if it names one. */
	static OptionalLong alertIdOf(String reference) {
		return reference.matches("alert-[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(reference.substring(6)))
				: OptionalLong.empty();
	}

}
