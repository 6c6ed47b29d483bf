package uk.yourarea.alert;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.web.Languages;
import uk.yourarea.web.LinkTokens;
import uk.yourarea.web.RateLimits;
import uk.yourarea.web.SiteProperties;

/**
 * Residents' subscriptions to their teams' alerts: double opt-in, one person (one email
 * address) following any number of neighbourhoods, managed from personal links.
 */
@Service
class AlertSubscriptions {

	static final String CONFIRMATION_EMAIL = "alert-confirmation";

	static final String WELCOME_EMAIL = "alert-welcome";

	private static final Logger log = LoggerFactory.getLogger(AlertSubscriptions.class);

	private final JdbcTemplate jdbc;

	private final NeighbourhoodDirectory neighbourhoods;

	private final EmailOutbox outbox;

	private final ManageLinks links;

	private final RateLimits rateLimits;

	private final SiteProperties site;

	private final MessageSource text;

	private final AlertProperties properties;

	private final Clock clock;

	AlertSubscriptions(JdbcTemplate jdbc, NeighbourhoodDirectory neighbourhoods, EmailOutbox outbox, ManageLinks links,
			RateLimits rateLimits, SiteProperties site, MessageSource text, AlertProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.neighbourhoods = neighbourhoods;
		this.outbox = outbox;
		this.links = links;
		this.rateLimits = rateLimits;
		this.site = site;
		this.text = text;
		this.properties = properties;
		this.clock = clock;
	}

	/** Too many attempts from one client address, or for one email address. */
	static class TooManyAttempts extends RuntimeException {

		TooManyAttempts() {
			super("Too many subscribe attempts");
		}

	}

	/**
	 * Asks for a subscription, or for new choices on one there is, and emails the link
	 * that confirms it. Nothing changes until the link is followed, so no one can change
	 * another person's alerts by typing their address. The caller says the same thing
	 * whatever happens here.
	 * @param neighbourhood named as the page asking names it: the email is in its
	 * language
	 * @param automated whether the form looked filled in by a program: it counts against
	 * the limits but nothing is stored or sent
	 */
	@Transactional
	void subscribe(NeighbourhoodSummary neighbourhood, String typedEmail, Set<AlertCategory> categories,
			String clientAddress, boolean automated) {
		String email = typedEmail.strip().toLowerCase(Locale.ROOT);
		if (this.rateLimits
			.tryAcquireAll(List.of(
					new RateLimits.Limit("alert-subscribe-address:" + RateLimits.hashed(clientAddress),
							this.properties.subscribesPerAddress(), this.properties.subscribesPerAddressWindow()),
					new RateLimits.Limit("alert-subscribe-email:" + RateLimits.hashed(email),
							this.properties.confirmationsPerEmail(), this.properties.confirmationsPerEmailWindow())))
			.isEmpty()) {
			log.warn("Alert subscribe limit reached");
			throw new TooManyAttempts();
		}
		if (automated) {
			log.info("An alert subscription that looked automated was not stored");
			return;
		}
		Instant now = this.clock.instant();
		// Subscribing again from a page in another language changes the language of every
		// later email.
		Locale language = Languages.current();
		this.jdbc.update("""
				insert into alert_subscriber (email, created_at, language) values (?, ?, ?)
				on conflict (email) do update set language = excluded.language""", email, Timestamp.from(now),
				Languages.tagOf(language));
		long subscriberId = this.jdbc.queryForObject("select id from alert_subscriber where email = ?", Long.class,
				email);
		String token = LinkTokens.newToken();
		this.jdbc.update("""
				insert into alert_subscription (alert_subscriber_id, neighbourhood_id, requested_categories,
				                                confirmation_token_hash, requested_at)
				values (?, ?, ?::text[], ?, ?)
				on conflict (alert_subscriber_id, neighbourhood_id) do update
				set requested_categories = excluded.requested_categories,
				    confirmation_token_hash = excluded.confirmation_token_hash,
				    requested_at = excluded.requested_at""", subscriberId, neighbourhood.id(), arrayLiteral(categories),
				LinkTokens.hash(token), Timestamp.from(now));
		this.outbox.queue(CONFIRMATION_EMAIL, email,
				message(language, "alerts.email.confirm.subject", neighbourhood.name()),
				message(language, "alerts.email.confirm.body", neighbourhood.name(), labels(categories, language),
						this.site.link(Languages.pathPrefix(language) + "/alerts/confirm/" + token),
						this.properties.confirmationValidity().toDays()),
				null);
		log.info("Alert subscription asked for in neighbourhood {}", neighbourhood.code());
	}

	/** What a confirmation link would confirm. */
	sealed interface Confirmation {

		record Valid(NeighbourhoodSummary neighbourhood, Set<AlertCategory> categories) implements Confirmation {
		}

		record Expired(NeighbourhoodSummary neighbourhood) implements Confirmation {
		}

		record Unknown() implements Confirmation {
		}

	}

	/** What the link would confirm, the neighbourhood named in the page's language. */
	@Transactional(readOnly = true)
	Confirmation check(String token) {
		if (!LinkTokens.isWellFormed(token)) {
			return new Confirmation.Unknown();
		}
		List<Confirmation> found = this.jdbc.query("""
				select neighbourhood_id, requested_categories, requested_at from alert_subscription
				where confirmation_token_hash = ?""", (row, n) -> {
			Optional<NeighbourhoodSummary> neighbourhood = this.neighbourhoods.byId(row.getLong("neighbourhood_id"),
					Languages.current());
			if (neighbourhood.isEmpty()) {
				return new Confirmation.Unknown();
			}
			Instant requested = row.getTimestamp("requested_at").toInstant();
			if (!requested.plus(this.properties.confirmationValidity()).isAfter(this.clock.instant())) {
				return new Confirmation.Expired(neighbourhood.get());
			}
			return new Confirmation.Valid(neighbourhood.get(), categories(row, "requested_categories"));
		}, LinkTokens.hash(token));
		return found.isEmpty() ? new Confirmation.Unknown() : found.get(0);
	}

	/**
	 * Confirms what the link asked for, and gives the person their personal link to
	 * manage all their alerts, which is also emailed to them.
	 * @return the personal link's token, or empty when the link is not one to confirm
	 */
	@Transactional
	Optional<String> confirm(String token) {
		if (!(check(token) instanceof Confirmation.Valid valid)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		List<Long> subscribers = this.jdbc.queryForList("""
				update alert_subscription
				set categories = requested_categories, requested_categories = null, confirmation_token_hash = null,
				    confirmed_at = ?
				where confirmation_token_hash = ? returning alert_subscriber_id""", Long.class, Timestamp.from(now),
				LinkTokens.hash(token));
		if (subscribers.isEmpty()) {
			return Optional.empty();
		}
		long subscriberId = subscribers.get(0);
		Map<String, Object> subscriber = this.jdbc
			.queryForMap("select email, language, link_id from alert_subscriber where id = ?", subscriberId);
		String manageToken = this.links.tokenFor((UUID) subscriber.get("link_id"));
		String email = (String) subscriber.get("email");
		Locale language = Languages.fromTag((String) subscriber.get("language"));
		String prefix = Languages.pathPrefix(language);
		// Named in the subscriber's language, which the page confirming may not be in.
		String team = this.neighbourhoods.byId(valid.neighbourhood().id(), language)
			.map(NeighbourhoodSummary::name)
			.orElse(valid.neighbourhood().name());
		this.outbox.queue(WELCOME_EMAIL, email, message(language, "alerts.email.welcome.subject", team),
				message(language, "alerts.email.welcome.body", team, labels(valid.categories(), language),
						this.site.link(prefix + "/alerts/manage/" + manageToken),
						this.site.link(prefix + "/alerts/unsubscribe/" + manageToken)),
				null);
		log.info("Alert subscription confirmed in neighbourhood {}", valid.neighbourhood().code());
		return Optional.of(manageToken);
	}

	/** A person as their personal link shows them: what they follow, by neighbourhood. */
	/**
	 * @param awaitingConfirmation whether they have also asked for another team's
	 * messages and not confirmed yet, which keeps their address when they stop the rest
	 */
	record Subscriber(long id, String email, List<Followed> followed, boolean awaitingConfirmation) {

		/** That neighbourhood, if they follow it. */
		Optional<Followed> following(long neighbourhoodId) {
			return this.followed.stream()
				.filter((followed) -> followed.neighbourhood().id() == neighbourhoodId)
				.findFirst();
		}

		/** The neighbourhoods they would still follow after stopping that one. */
		List<NeighbourhoodSummary> keptAfterStopping(long neighbourhoodId) {
			return this.followed.stream()
				.map(Followed::neighbourhood)
				.filter((neighbourhood) -> neighbourhood.id() != neighbourhoodId)
				.toList();
		}

	}

	record Followed(NeighbourhoodSummary neighbourhood, Set<AlertCategory> categories, Instant confirmedAt) {

		/** The ticked boxes, as the manage page compares them. */
		public List<String> chosenNames() {
			return this.categories.stream().map(Enum::name).toList();
		}

	}

	/**
	 * The person a personal link belongs to, the neighbourhoods named in the page's
	 * language; empty once they have stopped everything.
	 */
	@Transactional(readOnly = true)
	Optional<Subscriber> byManageLink(String token) {
		Optional<Long> id = subscriberId(token);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		String email = this.jdbc.queryForObject("select email from alert_subscriber where id = ?", String.class,
				id.get());
		List<Followed> followed = new java.util.ArrayList<>();
		this.jdbc.query("""
				select neighbourhood_id, categories, confirmed_at from alert_subscription
				where alert_subscriber_id = ? and confirmed_at is not null""", (row) -> {
			Set<AlertCategory> categories = categories(row, "categories");
			Instant confirmedAt = row.getTimestamp("confirmed_at").toInstant();
			this.neighbourhoods.byId(row.getLong("neighbourhood_id"), Languages.current())
				.ifPresent((neighbourhood) -> followed.add(new Followed(neighbourhood, categories, confirmedAt)));
		}, id.get());
		followed.sort(java.util.Comparator.comparing((Followed f) -> f.neighbourhood().name()));
		boolean awaitingConfirmation = Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (select 1 from alert_subscription
				               where alert_subscriber_id = ? and confirmed_at is null)""", Boolean.class, id.get()));
		return Optional.of(new Subscriber(id.get(), email, followed, awaitingConfirmation));
	}

	/**
	 * @return false when the link or the subscription is not there (any more)
	 */
	@Transactional
	boolean change(String token, long neighbourhoodId, Set<AlertCategory> categories) {
		Optional<Long> id = subscriberId(token);
		if (id.isEmpty() || this.jdbc.update("""
				update alert_subscription set categories = ?::text[]
				where alert_subscriber_id = ? and neighbourhood_id = ? and confirmed_at is not null""",
				arrayLiteral(categories), id.get(), neighbourhoodId) == 0) {
			return false;
		}
		forgetAlertsNoLongerFollowed(id.get());
		return true;
	}

	/**
	 * Stops one neighbourhood's alerts. When it was the last, the person is deleted, with
	 * their address and links.
	 * @return false when the link does not work (any more); true also when the person was
	 * not following that neighbourhood
	 */
	@Transactional
	boolean stop(String token, long neighbourhoodId) {
		Optional<Long> id = subscriberId(token);
		if (id.isEmpty()) {
			return false;
		}
		if (this.jdbc.update("delete from alert_subscription where alert_subscriber_id = ? and neighbourhood_id = ?",
				id.get(), neighbourhoodId) == 0) {
			// Stopped already: a second click, or the email's link after the personal
			// page.
			return true;
		}
		List<String> deleted = this.jdbc.queryForList("""
				delete from alert_subscriber s where s.id = ?
				and not exists (select 1 from alert_subscription a where a.alert_subscriber_id = s.id)
				returning email""", String.class, id.get());
		if (deleted.isEmpty()) {
			forgetAlertsNoLongerFollowed(id.get());
		}
		deleted.forEach(this::forgetPendingAlerts);
		return true;
	}

	/**
	 * Stops everything at once: the person, their subscriptions and every personal link
	 * are deleted.
	 * @return false when the link did not work (any more)
	 */
	@Transactional
	boolean stopAll(String token) {
		Optional<Long> id = subscriberId(token);
		if (id.isEmpty()) {
			return false;
		}
		this.jdbc.queryForList("delete from alert_subscriber where id = ? returning email", String.class, id.get())
			.forEach(this::forgetPendingAlerts);
		log.info("A resident stopped all their alerts; their address is deleted");
		return true;
	}

	/**
	 * An unsubscribe takes effect at once: alert emails to the address that are still
	 * waiting in the outbox are not sent.
	 */
	private void forgetPendingAlerts(String email) {
		this.outbox.forgetPendingTo(AlertSending.ALERT_EMAIL, email);
	}

	/**
	 * A change takes effect at once too: alert emails to the person still waiting in the
	 * outbox whose alert they no longer follow (its neighbourhoods stopped, or its topic
	 * no longer chosen) are not sent; those they still follow go.
	 */
	private void forgetAlertsNoLongerFollowed(long subscriberId) {
		String email = this.jdbc.queryForObject("select email from alert_subscriber where id = ?", String.class,
				subscriberId);
		List<String> unwanted = this.outbox.pendingReferencesTo(AlertSending.ALERT_EMAIL, email)
			.stream()
			.filter((reference) -> !stillFollows(subscriberId, reference))
			.toList();
		this.outbox.forgetPendingTo(AlertSending.ALERT_EMAIL, email, unwanted);
	}

	/**
	 * Whether the person would be sent the alert now: the rule of {@link AlertSending}.
	 */
	private boolean stillFollows(long subscriberId, String reference) {
		OptionalLong alertId = AlertSending.alertIdOf(reference);
		List<String> topic = alertId.isPresent()
				? this.jdbc.queryForList("select topic from alert where id = ?", String.class, alertId.getAsLong())
				: List.of();
		if (topic.isEmpty()) {
			return true;
		}
		return Boolean.TRUE.equals(this.jdbc.queryForObject("""
				select exists (
				    select 1 from alert_subscription s
				    join alert_neighbourhood n on n.neighbourhood_id = s.neighbourhood_id and n.alert_id = ?
				    where s.alert_subscriber_id = ? and s.confirmed_at is not null and s.categories && ?::text[])""",
				Boolean.class, alertId.getAsLong(), subscriberId,
				arrayLiteral(AlertTopic.valueOf(topic.get(0)).receivedBy())));
	}

	/**
	 * Whether a link that opens nothing any more was one this site gave out: its person
	 * has stopped everything (or was deleted for them), so a second click on a stop
	 * button can say so rather than call the link broken.
	 */
	boolean wasStopped(String token) {
		return this.links.isSigned(token) && subscriberId(token).isEmpty();
	}

	private Optional<Long> subscriberId(String token) {
		return this.links.subscriberId(token);
	}

	/** The choices' names, in the language of the page being answered. */
	String labels(Collection<AlertCategory> categories) {
		return labels(categories, Languages.current());
	}

	String labels(Collection<AlertCategory> categories, Locale language) {
		return String.join(", ",
				categories.stream().sorted().map((category) -> message(language, category.labelKey())).toList());
	}

	private String message(Locale language, String key, Object... arguments) {
		return this.text.getMessage(key, arguments, language);
	}

	static String arrayLiteral(Collection<AlertCategory> categories) {
		return "{" + String.join(",", categories.stream().sorted().map(Enum::name).toList()) + "}";
	}

	static Set<AlertCategory> categories(ResultSet row, String column) throws SQLException {
		Array array = row.getArray(column);
		Set<AlertCategory> categories = EnumSet.noneOf(AlertCategory.class);
		if (array != null) {
			Arrays.stream((String[]) array.getArray()).map(AlertCategory::valueOf).forEach(categories::add);
		}
		return categories;
	}

	static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp at = row.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

}
