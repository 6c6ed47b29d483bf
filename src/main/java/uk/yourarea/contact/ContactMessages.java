package uk.yourarea.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.alert.PublishedAlerts;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.Languages;
import uk.yourarea.web.LinkTokens;
import uk.yourarea.web.Phrase;
import uk.yourarea.web.RateLimits;
import uk.yourarea.web.SiteProperties;

/**
 * Receives residents' messages and keeps their side of the conversation: the
 * acknowledgement, the private link, their replies and their feedback.
 */
@Service
class ContactMessages {

	/** A message was stored (or had been already, for a repeated submit). */
	public record Received(String reference, Instant dueAt, String dueExplanation) {
	}

	/** The form came too often from one place or one email address. */
	public static class TooManyMessages extends RuntimeException {

		TooManyMessages(String message) {
			super(message, null, false, false);
		}

	}

	static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' h:mma", Locale.UK);

	private static final Logger log = LoggerFactory.getLogger(ContactMessages.class);

	/**
	 * The first key of the transaction-level advisory locks on contact forms' idempotency
	 * keys (the second is the key's hash), apart from every other advisory lock.
	 */
	private static final int IDEMPOTENCY_LOCKS = 0x59410001;

	private final MessageSource text;

	private final ContactMessageRepository messages;

	private final ResponseDeadline deadline;

	private final ContactProperties limits;

	private final RateLimits rateLimits;

	private final EmailOutbox outbox;

	private final JdbcTemplate jdbc;

	private final ForceProperties force;

	private final SiteProperties site;

	private final Clock clock;

	private final FormStamps stamps;

	private final StaffAccounts staff;

	private final PublishedAlerts alerts;

	ContactMessages(ContactMessageRepository messages, ResponseDeadline deadline, ContactProperties limits,
			RateLimits rateLimits, EmailOutbox outbox, JdbcTemplate jdbc, ForceProperties force, SiteProperties site,
			MessageSource text, Clock clock, FormStamps stamps, StaffAccounts staff, PublishedAlerts alerts) {
		this.alerts = alerts;
		this.staff = staff;
		this.stamps = stamps;
		this.text = text;
		this.messages = messages;
		this.deadline = deadline;
		this.limits = limits;
		this.rateLimits = rateLimits;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.force = force;
		this.site = site;
		this.clock = clock;
	}

	/**
	 * Stores a valid form as a message and queues its acknowledgement in the same
	 * transaction. A form that looks automated (honeypot filled, sent too fast) is stored
	 * but held for review.
	 * @param neighbourhood named as the form's page names it: the acknowledgement is in
	 * its language
	 */
	@Transactional
	public Received receive(NeighbourhoodSummary neighbourhood, ContactForm form, String clientAddress) {
		// Sends of one form at the same moment (a double click, a retry after a timeout)
		// take turns here, until the first commits: the next then finds its message below
		// rather than failing on the unique key.
		this.jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?, hashtext(?))", Integer.class,
				IDEMPOTENCY_LOCKS, form.idempotencyKey());
		Optional<ContactMessage> repeat = this.messages.findByIdempotencyKey(form.idempotencyKey());
		if (repeat.isPresent()) {
			return received(repeat.get());
		}
		String email = form.email().strip();
		if (!this.rateLimits.tryAcquire("contact-address:" + clientAddress, this.limits.messagesPerAddress(),
				this.limits.messagesPerAddressWindow())) {
			log.warn("Contact form rate limit reached for a client address");
			throw new TooManyMessages("Too many messages from one address");
		}
		if (this.messages.countFromEmailSince(email, this.clock.instant()
			.minus(this.limits.acknowledgementsPerEmailWindow())) >= this.limits.acknowledgementsPerEmail()) {
			log.warn("Contact form rate limit reached for an email address");
			throw new TooManyMessages("Too many messages from one email address");
		}
		Instant now = this.clock.instant();
		ResponseDeadline.Due due = this.deadline.from(now);
		ContactMessage message = new ContactMessage(uniqueReference(), neighbourhood.id(),
				new ContactMessage.Sender(form.name().strip(), email, blankToNull(form.phone()),
						form.preferredContact(), form.senderType()),
				form.topic(), form.message().strip(), blankToNull(form.location()), now, due, form.idempotencyKey());
		form.alertId()
			.flatMap((id) -> this.alerts.find(id, neighbourhood.id()))
			.ifPresent((alert) -> message.answersAlert(alert.id()));
		Phrase suspicion = suspicion(form, now);
		if (suspicion != null) {
			message.holdForReview(suspicion);
		}
		message.writtenIn(Languages.tagOf(Languages.current()));
		this.messages.save(message);
		if (suspicion == null) {
			this.outbox.queue("contact-acknowledgement", email,
					message("contact.email.acknowledgement.subject", languageOf(message), message.getReference()),
					acknowledgement(message, neighbourhood, newLink(message)), message.getId());
		}
		log.info("Message {} received for neighbourhood {}{}", message.getReference(), neighbourhood.code(),
				(suspicion != null) ? " and held for review" : "");
		return received(message);
	}

	private @Nullable Phrase suspicion(ContactForm form, Instant now) {
		if (form.website() != null && !form.website().isBlank()) {
			return Phrase.of("contact.held.hidden-field");
		}
		Optional<Instant> shown = this.stamps.shownAt(form.startedAt());
		if (shown.isEmpty()) {
			return Phrase.of("contact.held.unsigned-time");
		}
		Duration taken = Duration.between(shown.get(), now);
		if (taken.compareTo(this.limits.minimumFillTime()) < 0) {
			return Phrase.of("contact.held.too-fast", taken.toMillis());
		}
		return null;
	}

	/** A fresh private link for an email; every link issued keeps working. */
	String newLink(ContactMessage message) {
		String token = LinkTokens.newToken();
		this.jdbc.update(
				"insert into message_access_token (token_hash, contact_message_id, created_at) values (?, ?, ?)",
				LinkTokens.hash(token), message.getId(), java.sql.Timestamp.from(this.clock.instant()));
		return this.site.link(Languages.pathPrefix(languageOf(message)) + "/messages/" + token);
	}

	/** The message a form with this idempotency key created, if one did. */
	@Transactional(readOnly = true)
	public Optional<Received> findByIdempotencyKey(String idempotencyKey) {
		return this.messages.findByIdempotencyKey(idempotencyKey).map(this::received);
	}

	@Transactional(readOnly = true)
	public Optional<Received> findReceived(String reference, long neighbourhoodId) {
		return this.messages.findByReference(reference)
			.filter((message) -> message.getNeighbourhoodId() == neighbourhoodId)
			.map(this::received);
	}

	@Transactional(readOnly = true)
	Optional<ContactMessage> findByToken(String token) {
		if (!LinkTokens.isWellFormed(token)) {
			return Optional.empty();
		}
		Optional<ContactMessage> message = this.messages.findByAccessTokenHash(LinkTokens.hash(token));
		message.ifPresent((found) -> found.getEntries().size());
		return message;
	}

	/**
	 * The resident writes back: the message opens again with a new clock, and the team is
	 * told.
	 */
	@Transactional
	public void residentReplied(String token, String text) {
		ContactMessage message = byToken(token);
		Instant now = this.clock.instant();
		message.residentReplied(text.strip(), now, this.deadline.from(now));
		tellTheTeam(message, message("contact.team-email.resident-replied", Languages.ENGLISH, message.getReference()));
	}

	/** "Did this answer your question?" */
	@Transactional
	public void residentAnswered(String token, boolean satisfied) {
		ContactMessage message = byToken(token);
		Instant now = this.clock.instant();
		message.residentAnswered(satisfied, now, this.deadline.from(now));
		if (!satisfied) {
			tellTheTeam(message, message("contact.team-email.reopened", Languages.ENGLISH, message.getReference()));
		}
	}

	/**
	 * Emails the officer the message is assigned to, or else the neighbourhood's
	 * officers. The email holds no words of the resident's: staff read them in the inbox.
	 * Staff emails are in English.
	 */
	private void tellTheTeam(ContactMessage message, String subject) {
		List<String> addresses = this.staff.emailsOfTheTeam(message.getAssignedToId(), message.getNeighbourhoodId());
		for (String address : addresses) {
			this.outbox.queue("contact-team-notice", address, subject,
					message("contact.team-email.body", Languages.ENGLISH, subject,
							formatDeadline(message.getDueAt(), Languages.ENGLISH),
							this.site.link("/staff/inbox/messages/" + message.getId())),
					message.getId());
		}
	}

	private ContactMessage byToken(String token) {
		return findByToken(token).orElseThrow(() -> new IllegalArgumentException("No message for that link"));
	}

	/**
	 * The sentence under a deadline on a page, in its language: on an English page the
	 * one kept with the message (the rule when it was sent), on a Welsh page today's rule
	 * in Welsh, as no Welsh was kept.
	 */
	String dueExplanation(String kept) {
		Locale language = Languages.current();
		return Languages.ENGLISH.equals(language) ? kept : this.deadline.explanation(this.text, language);
	}

	/** A deadline as the page being answered says it, in its language. */
	String formatDeadline(Instant at) {
		return formatDeadline(at, Languages.current());
	}

	/**
	 * A deadline in words of a language: "Thursday 26 November 2026 at 10:00am". The
	 * pattern is in the bundle, so that each language can say it its own way.
	 */
	String formatDeadline(Instant at, Locale locale) {
		Locale language = Languages.of(locale);
		DateTimeFormatter format = Languages.ENGLISH.equals(language) ? DEADLINE : DateTimeFormatter
			.ofPattern(this.text.getMessage("contact.deadline.format", null, language), language);
		return format.format(ZonedDateTime.ofInstant(at, this.clock.getZone())).replace("AM", "am").replace("PM", "pm");
	}

	private Received received(ContactMessage message) {
		return new Received(message.getReference(), message.getDueAt(), message.getDueExplanation());
	}

	private String uniqueReference() {
		String reference;
		do {
			reference = Secrets.newReference();
		}
		while (this.messages.existsByReference(reference));
		return reference;
	}

	/**
	 * How every email to a resident begins. Never with the name they typed: the address
	 * is not yet proven to be theirs, so a name would let anyone have the police send
	 * their words to someone else.
	 */
	String residentGreeting(Locale locale) {
		return this.text.getMessage("contact.email.greeting", null, locale);
	}

	/**
	 * A resident's replies are limited per conversation, so that a private link cannot be
	 * used to flood the team's inbox.
	 */
	public boolean mayReply(String token) {
		return this.rateLimits.tryAcquire("resident-reply:" + RateLimits.hashed(token),
				this.limits.repliesPerConversation(), this.limits.repliesPerConversationWindow());
	}

	private String acknowledgement(ContactMessage message, NeighbourhoodSummary neighbourhood, String link) {
		Locale locale = languageOf(message);
		return message("contact.email.acknowledgement.body", locale, residentGreeting(locale), neighbourhood.name(),
				message.getReference(), formatDeadline(message.getDueAt(), locale),
				this.deadline.explanation(this.text, locale), link, this.force.onlineReportingUrl(),
				this.force.nameIn(locale));
	}

	/** The language a message was written in, and so of every email about it. */
	static Locale languageOf(ContactMessage message) {
		return Languages.fromTag(message.getLanguage());
	}

	/** "due in 5 hours", "2 hours overdue", in a language. */
	String timeLeft(Instant due, Instant now, Locale locale) {
		return TimeLeft.describe(due, now, this.text, locale);
	}

	/** One of the bundles' texts, with arguments, in the given language. */
	String message(String key, Locale locale, Object... arguments) {
		return this.text.getMessage(key, arguments, locale);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
