package uk.yourarea.consultation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.FormStamps;
import uk.yourarea.web.Languages;
import uk.yourarea.web.LinkTokens;
import uk.yourarea.web.RateLimits;
import uk.yourarea.web.SiteProperties;

/**
 * The public side of a consultation: taking an answer, emailing its confirmation link,
 * and counting it once confirmed. One voice per email address: a newly confirmed answer
 * replaces the earlier one, and an answer waiting for confirmation replaces nothing.
 */
@Service
class HaveYourSay {

	/** The form came too often from one place or one email address. */
	static class TooManyAnswers extends RuntimeException {

		TooManyAnswers(String message) {
			super(message, null, false, false);
		}

	}

	/** What a confirmation link leads to. */
	sealed interface Link {

		/** Not a link we sent, or one for an answer since replaced. */
		record Unknown() implements Link {
		}

		record Expired(Consultation consultation) implements Link {
		}

		record AlreadyConfirmed(Consultation consultation) implements Link {
		}

		/** The consultation closed before the answer was confirmed. */
		record Closed(Consultation consultation) implements Link {
		}

		/** Waiting to be confirmed; {@code issues} are the labels chosen. */
		record Valid(Consultation consultation, ConsultationResponse response, List<String> issues) implements Link {
		}

		/** Confirmed just now. */
		record Confirmed(Consultation consultation, boolean replacedAnEarlierAnswer) implements Link {
		}

	}

	private static final Logger log = LoggerFactory.getLogger(HaveYourSay.class);

	/**
	 * The first key of the transaction-level advisory locks on answers' idempotency keys
	 * (the second is the key's hash), apart from every other advisory lock.
	 */
	private static final int IDEMPOTENCY_LOCKS = 0x59410002;

	private final ConsultationRepository consultations;

	private final ConsultationResponseRepository responses;

	private final ConsultationProperties properties;

	private final ConsultationDates dates;

	private final RateLimits rateLimits;

	private final EmailOutbox outbox;

	private final JdbcTemplate jdbc;

	private final SiteProperties site;

	private final ForceProperties force;

	private final FormStamps stamps;

	private final MessageSource text;

	HaveYourSay(ConsultationRepository consultations, ConsultationResponseRepository responses,
			ConsultationProperties properties, ConsultationDates dates, RateLimits rateLimits, EmailOutbox outbox,
			JdbcTemplate jdbc, SiteProperties site, ForceProperties force, FormStamps stamps, MessageSource text) {
		this.text = text;
		this.stamps = stamps;
		this.consultations = consultations;
		this.responses = responses;
		this.properties = properties;
		this.dates = dates;
		this.rateLimits = rateLimits;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.site = site;
		this.force = force;
	}

	@Transactional(readOnly = true)
	Optional<Consultation> openIn(long neighbourhoodId) {
		return this.consultations.findOpen(neighbourhoodId, this.dates.now());
	}

	@Transactional(readOnly = true)
	Optional<Consultation> nextIn(long neighbourhoodId) {
		return this.consultations.findFirstByNeighbourhoodIdAndOpensAtAfterOrderByOpensAtAsc(neighbourhoodId,
				this.dates.now());
	}

	/**
	 * Stores a valid answer, waiting for confirmation, and queues the email with its link
	 * in the same transaction. An answer that looks automated (honeypot filled in, sent
	 * too fast) is dropped without a word, so that its sender learns nothing.
	 * @throws TooManyAnswers past the limits per client address or per email address
	 */
	@Transactional
	void answer(NeighbourhoodSummary neighbourhood, Consultation consultation, HaveYourSayForm form,
			String clientAddress) {
		String key = form.idempotencyKey();
		if (key == null) {
			return;
		}
		// Sends of one form at the same moment take turns here, until the first commits:
		// the next then finds its answer rather than failing on the unique key.
		this.jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?, hashtext(?))", Integer.class,
				IDEMPOTENCY_LOCKS, key);
		if (this.responses.existsByIdempotencyKey(key)) {
			return;
		}
		if (!this.rateLimits.tryAcquire("have-your-say-address:" + clientAddress, this.properties.answersPerAddress(),
				this.properties.answersPerAddressWindow())) {
			log.warn("Have your say rate limit reached for a client address");
			throw new TooManyAnswers("Too many answers from one address");
		}
		Instant now = this.dates.now();
		String suspicion = suspicion(form, now);
		if (suspicion != null) {
			log.warn("Have your say answer dropped for consultation {}: {}", consultation.getId(), suspicion);
			return;
		}
		String email = normalisedEmail(form.email());
		if (!this.rateLimits.tryAcquire("have-your-say-email:" + RateLimits.hashed(email),
				this.properties.confirmationsPerEmail(), this.properties.confirmationsPerEmailWindow())) {
			log.warn("Have your say rate limit reached for an email address");
			throw new TooManyAnswers("Too many answers from one email address");
		}
		String token = LinkTokens.newToken();
		ConsultationResponse response = new ConsultationResponse(consultation.getId(), email, form.respondentType(),
				new LinkedHashSet<>(form.chosenIssues()), form.ownConcern(), now, LinkTokens.hash(token),
				now.plus(this.properties.linkValidity()), key);
		response.writtenIn(Languages.tagOf(Languages.current()));
		this.responses.save(response);
		this.outbox.queue("consultation-confirmation", email,
				this.text.getMessage("consultation.email.confirm.subject", new Object[] { neighbourhood.name() },
						Languages.fromTag(response.getLanguage())),
				confirmationEmail(neighbourhood, consultation, response, token), null);
		log.info("Have your say answer {} waiting for confirmation in consultation {}", response.getId(),
				consultation.getId());
	}

	/** Whether an answer sent with this idempotency key was stored. */
	@Transactional(readOnly = true)
	boolean answered(String idempotencyKey) {
		return this.responses.existsByIdempotencyKey(idempotencyKey);
	}

	static String normalisedEmail(@Nullable String email) {
		return (email == null) ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	private @Nullable String suspicion(HaveYourSayForm form, Instant now) {
		if (form.website() != null && !form.website().isBlank()) {
			return "the hidden field that only automated programs fill in was filled in";
		}
		Optional<Instant> shown = this.stamps.shownAt(form.startedAt());
		if (shown.isEmpty()) {
			return "the form was sent without the time it was shown, as this site signed it";
		}
		Duration taken = Duration.between(shown.get(), now);
		if (taken.compareTo(this.properties.minimumFillTime()) < 0) {
			return "the form was filled in faster than a person could (" + taken.toMillis() + " ms)";
		}
		return null;
	}

	/** Where a confirmation link leads, without changing anything. */
	@Transactional(readOnly = true)
	Link check(String token) {
		return find(token).map(this::state).orElseGet(Link.Unknown::new);
	}

	/**
	 * Confirms the answer a link was sent for, if it can be: it then counts, and replaces
	 * any earlier confirmed answer from the same email address (and any unconfirmed one
	 * sent before it).
	 */
	@Transactional
	Link confirm(String token) {
		if (!LinkTokens.isWellFormed(token)) {
			return new Link.Unknown();
		}
		byte[] hash = LinkTokens.hash(token);
		List<Long> consultation = this.jdbc
			.queryForList("select consultation_id from consultation_response where token_hash = ?", Long.class, hash);
		if (consultation.isEmpty()) {
			return new Link.Unknown();
		}
		// One confirmation at a time per consultation, so two answers from one address
		// confirmed at the same moment cannot both count. Read the answer after the lock.
		this.jdbc.queryForList("select id from consultation where id = ? for update", Long.class, consultation.get(0));
		ConsultationResponse response = this.responses.findByTokenHash(hash).orElse(null);
		if (response == null) {
			return new Link.Unknown();
		}
		Link state = state(response);
		if (!(state instanceof Link.Valid valid)) {
			return state;
		}
		int replaced = this.jdbc.update("""
				delete from consultation_response
				where consultation_id = ? and email = ? and id <> ?
				  and (confirmed_at is not null or submitted_at <= ?)""", response.getConsultationId(),
				response.getEmail(), response.getId(), java.sql.Timestamp.from(response.getSubmittedAt()));
		boolean replacedConfirmed = replaced > 0;
		response.confirm(this.dates.now());
		this.responses.saveAndFlush(response);
		log.info("Have your say answer {} confirmed{}", response.getId(),
				replacedConfirmed ? ", replacing an earlier answer from the same address" : "");
		return new Link.Confirmed(valid.consultation(), replacedConfirmed);
	}

	private Optional<ConsultationResponse> find(String token) {
		if (!LinkTokens.isWellFormed(token)) {
			return Optional.empty();
		}
		return this.responses.findByTokenHash(LinkTokens.hash(token));
	}

	private Link state(ConsultationResponse response) {
		Consultation consultation = this.consultations.findWithIssuesById(response.getConsultationId()).orElseThrow();
		Instant now = this.dates.now();
		if (response.isConfirmed()) {
			return new Link.AlreadyConfirmed(consultation);
		}
		if (consultation.stateAt(now) != Consultation.State.OPEN) {
			return new Link.Closed(consultation);
		}
		if (response.linkExpiredAt(now)) {
			return new Link.Expired(consultation);
		}
		return new Link.Valid(consultation, response, labels(consultation, response));
	}

	private static List<String> labels(Consultation consultation, ConsultationResponse response) {
		return consultation.getIssues()
			.stream()
			.filter((issue) -> response.getIssueIds().contains(issue.getId()))
			.map(ConsultationIssue::getLabel)
			.toList();
	}

	String confirmationEmail(NeighbourhoodSummary neighbourhood, Consultation consultation,
			ConsultationResponse response, String token) {
		Locale locale = Languages.fromTag(response.getLanguage());
		List<String> chosen = labels(consultation, response);
		String issues = chosen.isEmpty() ? this.text.getMessage("consultation.email.confirm.no-issues", null, locale)
				: chosen.stream().map((label) -> "- " + label).collect(Collectors.joining("\n"));
		String concern = (response.getConcern() != null)
				? "\n" + this.text.getMessage("consultation.email.confirm.concern", null, locale) + "\n" : "";
		return this.text.getMessage("consultation.email.confirm.body",
				new Object[] { neighbourhood.name(),
						this.site.link(Languages.pathPrefix(locale) + "/have-your-say/confirm/" + token), issues,
						concern, this.dates.closing(consultation, this.text, locale), this.force.onlineReportingUrl(),
						this.force.nameIn(locale) },
				locale);
	}

}
