package uk.yourarea.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.security.StaffAccounts.Colleague;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.Languages;
import uk.yourarea.web.SiteProperties;

/**
 * The response clock's consequences: a message that reaches its deadline unanswered is
 * escalated (the resident is told what happens next, the supervisors are told), and each
 * supervisor gets one digest a day of what is due within 24 hours or overdue. Safe to run
 * on several instances at once.
 */
@Component
@ConditionalOnProperty(name = "yourarea.contact.jobs-enabled", havingValue = "true", matchIfMissing = true)
class ResponseClockJobs {

	private static final Logger log = LoggerFactory.getLogger(ResponseClockJobs.class);

	private final ContactMessageRepository messages;

	private final ContactMessages contact;

	private final NeighbourhoodDirectory neighbourhoods;

	private final NeighbourhoodStaff staff;

	private final EmailOutbox outbox;

	private final JdbcTemplate jdbc;

	private final ForceProperties force;

	private final SiteProperties site;

	private final Clock clock;

	ResponseClockJobs(ContactMessageRepository messages, ContactMessages contact, NeighbourhoodDirectory neighbourhoods,
			NeighbourhoodStaff staff, EmailOutbox outbox, JdbcTemplate jdbc, ForceProperties force, SiteProperties site,
			Clock clock) {
		this.messages = messages;
		this.contact = contact;
		this.neighbourhoods = neighbourhoods;
		this.staff = staff;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.force = force;
		this.site = site;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${yourarea.contact.escalation-interval:60s}",
			initialDelayString = "${yourarea.contact.escalation-initial-delay:30s}")
	@Transactional
	public int escalateOverdue() {
		Instant now = this.clock.instant();
		List<ContactMessage> overdue = this.messages.lockOverdueNotEscalated(now);
		for (ContactMessage message : overdue) {
			message.escalate(now);
			NeighbourhoodSummary neighbourhood = this.neighbourhoods.byId(message.getNeighbourhoodId()).orElseThrow();
			this.outbox.queue("contact-escalation", message.getSenderEmail(),
					this.contact.message("contact.email.escalation.subject", ContactMessages.languageOf(message),
							message.getReference()),
					residentEscalation(message), message.getId());
			for (Colleague supervisor : this.staff.supervisorsOf(neighbourhood.id())) {
				this.outbox.queue("contact-supervisor-escalation", supervisor.email(),
						this.contact.message("contact.supervisor-email.escalation.subject", Languages.ENGLISH,
								message.getReference(), neighbourhood.name()),
						supervisorEscalation(message, neighbourhood, supervisor), message.getId());
			}
			log.info("Message {} escalated: not answered by its deadline", message.getReference());
		}
		return overdue.size();
	}

	@Scheduled(cron = "${yourarea.contact.digest-cron:0 0 7 * * *}", zone = "Europe/London")
	@Transactional
	public int sendDailyDigests() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		List<ContactMessage> attention = this.messages.findOpenDueBefore(now.plus(Conversations.DUE_SOON));
		int sent = 0;
		for (Map.Entry<Colleague, Set<Long>> entry : this.staff.supervisorsWithNeighbourhoods().entrySet()) {
			Set<Long> theirs = Set.copyOf(entry.getValue());
			List<ContactMessage> mine = attention.stream()
				.filter((m) -> theirs.contains(m.getNeighbourhoodId()))
				.toList();
			if (mine.isEmpty() || !claim("daily-digest", today + "/" + entry.getKey().id(), now)) {
				continue;
			}
			this.outbox.queue("contact-daily-digest", entry.getKey().email(),
					this.contact.message("contact.digest-email.subject", Languages.ENGLISH, mine.size()),
					digest(entry.getKey(), mine, now), null);
			sent++;
		}
		return sent;
	}

	/** The first instance to record a run does it; the others skip it. */
	private boolean claim(String job, String key, Instant now) {
		return this.jdbc.update("""
				insert into scheduled_job_run (job, run_key, ran_at) values (?, ?, ?)
				on conflict do nothing""", job, key, java.sql.Timestamp.from(now)) == 1;
	}

	/** In the resident's language, naming the neighbourhood as it does. */
	private String residentEscalation(ContactMessage message) {
		Locale locale = ContactMessages.languageOf(message);
		String team = this.neighbourhoods.byId(message.getNeighbourhoodId(), locale)
			.map(NeighbourhoodSummary::name)
			.orElse("");
		return this.contact.message("contact.email.escalation.body", locale, this.contact.residentGreeting(locale),
				team, message.getReference(), this.contact.formatDeadline(message.getDueAt(), locale),
				this.force.website(), this.force.nameIn(locale));
	}

	/** Staff emails are in English. */
	private String supervisorEscalation(ContactMessage message, NeighbourhoodSummary neighbourhood,
			Colleague supervisor) {
		return this.contact.message("contact.supervisor-email.escalation.body", Languages.ENGLISH, supervisor.name(),
				message.getReference(), neighbourhood.name(),
				this.contact.formatDeadline(message.getDueAt(), Languages.ENGLISH),
				this.site.link("/staff/inbox/messages/" + message.getId()));
	}

	private String digest(Colleague supervisor, List<ContactMessage> messages, Instant now) {
		Map<Long, String> names = this.neighbourhoods
			.byIds(messages.stream().map(ContactMessage::getNeighbourhoodId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(NeighbourhoodSummary::id, NeighbourhoodSummary::name));
		String lines = messages.stream()
			.map((m) -> this.contact.message("contact.digest-email.line", Languages.ENGLISH, m.getReference(),
					names.get(m.getNeighbourhoodId()), this.contact.timeLeft(m.getDueAt(), now, Languages.ENGLISH),
					this.site.link("/staff/inbox/messages/" + m.getId())))
			.collect(Collectors.joining("\n"));
		return this.contact.message("contact.digest-email.body", Languages.ENGLISH, supervisor.name(), lines,
				this.site.link("/staff/supervisor"));
	}

}
