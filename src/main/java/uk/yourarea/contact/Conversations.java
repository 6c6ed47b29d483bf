package uk.yourarea.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.security.StaffAccounts.Colleague;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Languages;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.Phrase;

/**
 * The staff side of residents' messages: what the inbox shows and what officers do with a
 * message (reply, note, assign, close, release), with the emails that go with it. Every
 * method checks that the message belongs to a neighbourhood the member of staff may see:
 * anything else is "not found", whatever the URL.
 */
@Service
public class Conversations {

	/** How close to its deadline a message counts as due soon. */
	public static final Duration DUE_SOON = Duration.ofHours(24);

	/**
	 * A message as a list of messages shows it.
	 *
	 * @param senderName {@code null} once the message's personal data has been erased
	 * @param erasedAt when its personal data was erased, if it was
	 */
	public record Summary(long id, String reference, long neighbourhoodId, Topic topic, @Nullable String senderName,
			MessageStatus status, Instant receivedAt, Instant dueAt, @Nullable Instant firstAnsweredAt,
			@Nullable Long assignedToId, @Nullable Instant erasedAt, @Nullable ErasedBecause erasedBecause,
			@Nullable Long inReplyToAlertId) {

		/**
		 * Waiting for the team after its deadline; a reply at the last minute is in time.
		 */
		public boolean isOverdue(Instant now) {
			return this.status == MessageStatus.OPEN && now.isAfter(this.dueAt);
		}

		/** Waiting for the team, not yet overdue, and due within {@link #DUE_SOON}. */
		public boolean isDueSoon(Instant now) {
			return this.status == MessageStatus.OPEN && !isOverdue(now) && this.dueAt.isBefore(now.plus(DUE_SOON));
		}

	}

	/**
	 * One step in a message's history. The body is what was written, or the name of whom
	 * a message was assigned to; steps the site took itself have none.
	 */
	public record Entry(EntryKind kind, @Nullable Long staffAccountId, @Nullable String body, Instant at) {
	}

	/**
	 * Everything staff see about one message. Once its personal data has been erased
	 * ({@code erasedAt}), the sender's details, location and every entry's text are
	 * {@code null}.
	 */
	public record Details(long id, String reference, long neighbourhoodId, MessageStatus status,
			@Nullable Phrase heldReason, Instant dueAt, String dueExplanation, String deadline,
			@Nullable String senderName, SenderType senderType, @Nullable String senderEmail,
			@Nullable String senderPhone, PreferredContact preferredContact, Topic topic, @Nullable String location,
			@Nullable Long assignedToId, List<Entry> entries, @Nullable Instant erasedAt,
			@Nullable ErasedBecause erasedBecause, @Nullable String holdReason, @Nullable LocalDate holdReviewOn,
			@Nullable Long inReplyToAlertId) {

		public boolean isErased() {
			return this.erasedAt != null;
		}

	}

	private static final Logger log = LoggerFactory.getLogger(Conversations.class);

	private final ContactMessageRepository messages;

	private final ContactMessages contact;

	private final NeighbourhoodDirectory neighbourhoods;

	private final NeighbourhoodStaff staff;

	private final StaffScope scope;

	private final EmailOutbox outbox;

	private final Clock clock;

	Conversations(ContactMessageRepository messages, ContactMessages contact, NeighbourhoodDirectory neighbourhoods,
			NeighbourhoodStaff staff, StaffScope scope, EmailOutbox outbox, Clock clock) {
		this.messages = messages;
		this.contact = contact;
		this.neighbourhoods = neighbourhoods;
		this.staff = staff;
		this.scope = scope;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Every message of the neighbourhoods this member of staff may see: open first, then
	 * held, answered and closed, each by deadline.
	 */
	@Transactional(readOnly = true)
	public List<Summary> visibleTo(StaffUser user) {
		Set<Long> visible = this.scope.neighbourhoodIdsVisibleTo(user);
		if (visible.isEmpty()) {
			return List.of();
		}
		return this.messages.findForInbox(visible).stream().map(Conversations::summary).toList();
	}

	/** One message, for its page; opening it is recorded in its history. */
	@Transactional
	public Details open(StaffUser user, long id) {
		ContactMessage message = visible(user, id);
		message.viewedBy(user.id(), this.clock.instant());
		return details(message);
	}

	/** Everyone the message may be assigned to, A to Z. */
	@Transactional(readOnly = true)
	public List<Colleague> teamFor(StaffUser user, long id) {
		return this.staff.teamOf(visible(user, id).getNeighbourhoodId());
	}

	/**
	 * Replies to the resident and emails them the reply with a new private link. A
	 * holding reply leaves the response clock running; a full reply stops it.
	 */
	@Transactional
	public void reply(StaffUser user, long id, String text, boolean full) {
		ContactMessage message = visible(user, id);
		NeighbourhoodSummary neighbourhood = this.neighbourhoods
			.byId(message.getNeighbourhoodId(), ContactMessages.languageOf(message))
			.orElseThrow();
		message.reply(user.id(), text, full, this.clock.instant());
		this.messages.flush();
		String link = this.contact.newLink(message);
		this.outbox.queue("contact-reply", message.getSenderEmail(),
				this.contact.message("contact.email.reply.subject", ContactMessages.languageOf(message),
						neighbourhood.name(), message.getReference()),
				replyEmail(message, neighbourhood, text, full, link), message.getId());
		log.info("Message {} {} by staff {}", message.getReference(), full ? "answered" : "given a holding reply",
				user.id());
	}

	/** A note only staff see. */
	@Transactional
	public void note(StaffUser user, long id, String text) {
		visible(user, id).note(user.id(), text, this.clock.instant());
	}

	/**
	 * @throws IllegalArgumentException if the assignee does not work in the message's
	 * neighbourhood
	 */
	@Transactional
	public void assign(StaffUser user, long id, long assigneeId) {
		ContactMessage message = visible(user, id);
		Colleague assignee = this.staff.teamOf(message.getNeighbourhoodId())
			.stream()
			.filter((person) -> person.id() == assigneeId)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("That person does not work this neighbourhood"));
		message.assignTo(assignee.id(), assignee.name(), user.id(), this.clock.instant());
	}

	@Transactional
	public void close(StaffUser user, long id, String outcome) {
		visible(user, id).close(user.id(), outcome, this.clock.instant());
	}

	/**
	 * A message held as looking automated was sent by a person: it joins the inbox and
	 * the resident is sent the acknowledgement they did not get.
	 */
	@Transactional
	public void release(StaffUser user, long id) {
		ContactMessage message = visible(user, id);
		message.releaseFromReview(user.id(), this.clock.instant());
		this.messages.flush();
		Locale locale = ContactMessages.languageOf(message);
		NeighbourhoodSummary neighbourhood = this.neighbourhoods.byId(message.getNeighbourhoodId(), locale)
			.orElseThrow();
		this.outbox.queue("contact-acknowledgement", message.getSenderEmail(),
				this.contact.message("contact.email.acknowledgement.subject", locale, message.getReference()),
				this.contact.message("contact.email.released.body", locale, this.contact.residentGreeting(locale),
						neighbourhood.name(), this.contact.formatDeadline(message.getDueAt(), locale),
						this.contact.newLink(message)),
				message.getId());
	}

	private ContactMessage visible(StaffUser user, long id) {
		ContactMessage message = this.messages.findById(id)
			.orElseThrow(() -> new NotFoundException("No message " + id));
		if (!this.scope.neighbourhoodIdsVisibleTo(user).contains(message.getNeighbourhoodId())) {
			log.warn("Staff {} tried to reach message {} outside their neighbourhoods", user.id(), id);
			throw new NotFoundException("No message " + id);
		}
		return message;
	}

	private static Summary summary(ContactMessage message) {
		return new Summary(message.getId(), message.getReference(), message.getNeighbourhoodId(), message.getTopic(),
				message.getSenderName(), message.getStatus(), message.getReceivedAt(), message.getDueAt(),
				message.getFirstAnsweredAt(), message.getAssignedToId(), message.getErasedAt(),
				message.getErasedBecause(), message.getInReplyToAlertId());
	}

	private Details details(ContactMessage message) {
		List<Entry> entries = message.getEntries()
			.stream()
			.map((entry) -> new Entry(entry.getKind(), entry.getStaffAccountId(), entry.getBody(), entry.getAt()))
			.toList();
		return new Details(message.getId(), message.getReference(), message.getNeighbourhoodId(), message.getStatus(),
				message.getHeldReason(), message.getDueAt(), message.getDueExplanation(),
				this.contact.formatDeadline(message.getDueAt(), Languages.ENGLISH), message.getSenderName(),
				message.getSenderType(), message.getSenderEmail(), message.getSenderPhone(),
				message.getPreferredContact(), message.getTopic(), message.getLocation(), message.getAssignedToId(),
				entries, message.getErasedAt(), message.getErasedBecause(), message.getHoldReason(),
				message.getHoldReviewOn(), message.getInReplyToAlertId());
	}

	private String replyEmail(ContactMessage message, NeighbourhoodSummary neighbourhood, String text, boolean full,
			String link) {
		Locale locale = ContactMessages.languageOf(message);
		String next = full ? this.contact.message("contact.email.reply.full", locale) : this.contact
			.message("contact.email.reply.holding", locale, this.contact.formatDeadline(message.getDueAt(), locale));
		return this.contact.message("contact.email.reply.body", locale, this.contact.residentGreeting(locale),
				neighbourhood.name(), message.getReference(), text, next, link);
	}

}
