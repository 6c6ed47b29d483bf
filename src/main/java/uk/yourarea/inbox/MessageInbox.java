package uk.yourarea.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.contact.ContactMessage;
import uk.yourarea.contact.ContactMessageRepository;
import uk.yourarea.contact.ContactMessages;
import uk.yourarea.contact.MessageEntry;
import uk.yourarea.contact.Topic;
import uk.yourarea.neighbourhood.Neighbourhood;
import uk.yourarea.neighbourhood.NeighbourhoodRepository;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.NotFoundException;

/**
 * The officers' side of residents' messages. Every method checks that the message belongs
 * to a neighbourhood the member of staff may see: anything else is "not found", whatever
 * the URL.
 */
@Service
class MessageInbox {

	record Filter(ContactMessage.@Nullable Status status, @Nullable Long neighbourhoodId, @Nullable Topic topic) {
	}

	record Row(long id, String reference, String neighbourhood, String topic, String sender, String status,
			String timeLeft, boolean overdue, boolean dueSoon, @Nullable String assignee, Instant receivedAt) {
	}

	record Counts(long newMessages, long dueWithin24Hours, long overdue) {
	}

	record InboxPage(List<Row> rows, Counts counts, List<Neighbourhood> neighbourhoods) {
	}

	record HistoryLine(Instant at, String what, @Nullable String who, @Nullable String text, boolean conversation) {
	}

	record MessagePage(ContactMessage message, Neighbourhood neighbourhood, String timeLeft, String deadline,
			List<HistoryLine> history, List<StaffDirectory.Person> team, @Nullable String assignee,
			boolean emailFailed) {
	}

	static final Duration DUE_SOON = Duration.ofHours(24);

	private static final Logger log = LoggerFactory.getLogger(MessageInbox.class);

	private final ContactMessageRepository messages;

	private final ContactMessages contact;

	private final NeighbourhoodRepository neighbourhoods;

	private final StaffScope scope;

	private final StaffDirectory staff;

	private final EmailOutbox outbox;

	private final Clock clock;

	MessageInbox(ContactMessageRepository messages, ContactMessages contact, NeighbourhoodRepository neighbourhoods,
			StaffScope scope, StaffDirectory staff, EmailOutbox outbox, Clock clock) {
		this.messages = messages;
		this.contact = contact;
		this.neighbourhoods = neighbourhoods;
		this.scope = scope;
		this.staff = staff;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	InboxPage inbox(StaffUser user, Filter filter) {
		Set<Long> visible = this.scope.neighbourhoodIdsVisibleTo(user);
		Map<Long, Neighbourhood> names = this.neighbourhoods.findAllById(visible)
			.stream()
			.collect(Collectors.toMap(Neighbourhood::getId, Function.identity()));
		if (visible.isEmpty()) {
			return new InboxPage(List.of(), new Counts(0, 0, 0), List.of());
		}
		Instant now = this.clock.instant();
		List<ContactMessage> all = this.messages.findForInbox(visible);
		Map<Long, String> assignees = this.staff.namesOf(all.stream()
			.map(ContactMessage::getAssignedToId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet()));
		Counts counts = new Counts(
				all.stream()
					.filter((m) -> m.getStatus() == ContactMessage.Status.OPEN && m.getFirstAnsweredAt() == null)
					.count(),
				all.stream().filter((m) -> dueSoon(m, now)).count(),
				all.stream().filter((m) -> m.isOverdue(now)).count());
		List<Row> rows = all.stream()
			.filter((m) -> filter.status() == null || m.getStatus() == filter.status())
			.filter((m) -> filter.neighbourhoodId() == null || m.getNeighbourhoodId().equals(filter.neighbourhoodId()))
			.filter((m) -> filter.topic() == null || m.getTopic() == filter.topic())
			.map((m) -> row(m, names.get(m.getNeighbourhoodId()), assignees.get(m.getAssignedToId()), now))
			.toList();
		List<Neighbourhood> sorted = names.values()
			.stream()
			.sorted(Comparator.comparing(Neighbourhood::getName))
			.toList();
		return new InboxPage(rows, counts, sorted);
	}

	/** Opening a message is recorded in its history. */
	@Transactional
	MessagePage open(StaffUser user, long id) {
		ContactMessage message = visible(user, id);
		message.viewedBy(user.id(), this.clock.instant());
		return page(message);
	}

	@Transactional
	void reply(StaffUser user, long id, String text, boolean full) {
		ContactMessage message = visible(user, id);
		Neighbourhood neighbourhood = this.neighbourhoods.findById(message.getNeighbourhoodId()).orElseThrow();
		message.reply(user.id(), text, full, this.clock.instant());
		this.messages.flush();
		String link = this.contact.newLink(message);
		this.outbox.queue(message.getSenderEmail(),
				"The " + neighbourhood.getName() + " team has replied (reference " + message.getReference() + ")",
				replyEmail(message, neighbourhood, text, full, link), message.getId());
		log.info("Message {} {} by staff {}", message.getReference(), full ? "answered" : "given a holding reply",
				user.id());
	}

	@Transactional
	void note(StaffUser user, long id, String text) {
		visible(user, id).note(user.id(), text, this.clock.instant());
	}

	@Transactional
	void assign(StaffUser user, long id, long assigneeId) {
		ContactMessage message = visible(user, id);
		StaffDirectory.Person assignee = this.staff.teamOf(message.getNeighbourhoodId())
			.stream()
			.filter((person) -> person.id() == assigneeId)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("That person does not work this neighbourhood"));
		message.assignTo(assignee.id(), assignee.name(), user.id(), this.clock.instant());
	}

	@Transactional
	void close(StaffUser user, long id, String outcome) {
		visible(user, id).close(user.id(), outcome, this.clock.instant());
	}

	@Transactional
	void release(StaffUser user, long id) {
		ContactMessage message = visible(user, id);
		message.releaseFromReview(user.id(), this.clock.instant());
		this.messages.flush();
		Neighbourhood neighbourhood = this.neighbourhoods.findById(message.getNeighbourhoodId()).orElseThrow();
		this.outbox.queue(message.getSenderEmail(), "We have your message (reference " + message.getReference() + ")",
				this.contact.residentGreeting() + "\n\nThe " + neighbourhood.getName()
						+ " neighbourhood team has your message and will reply by "
						+ this.contact.formatDeadline(message.getDueAt()) + ".\n\nYour private link: "
						+ this.contact.newLink(message) + "\n",
				message.getId());
	}

	/**
	 * Messages due within 24 hours or overdue, across everything this supervisor can see.
	 */
	@Transactional(readOnly = true)
	List<Row> needingAttention(StaffUser user) {
		InboxPage all = inbox(user, new Filter(ContactMessage.Status.OPEN, null, null));
		return all.rows().stream().filter((row) -> row.overdue() || row.dueSoon()).toList();
	}

	@Transactional(readOnly = true)
	List<StaffDirectory.Person> teamFor(StaffUser user, long id) {
		return this.staff.teamOf(visible(user, id).getNeighbourhoodId());
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

	private MessagePage page(ContactMessage message) {
		Instant now = this.clock.instant();
		Neighbourhood neighbourhood = this.neighbourhoods.findById(message.getNeighbourhoodId()).orElseThrow();
		Set<Long> people = new HashSet<>();
		message.getEntries().forEach((entry) -> {
			if (entry.getStaffAccountId() != null) {
				people.add(entry.getStaffAccountId());
			}
		});
		if (message.getAssignedToId() != null) {
			people.add(message.getAssignedToId());
		}
		Map<Long, String> names = this.staff.namesOf(people);
		List<HistoryLine> history = message.getEntries()
			.stream()
			.map((entry) -> new HistoryLine(entry.getAt(), describe(entry.getKind()),
					(entry.getStaffAccountId() != null) ? names.get(entry.getStaffAccountId())
							: (entry.getKind().isFromTeam() ? null : residentOrSystem(entry.getKind())),
					entry.getBody(), entry.getKind().isConversation()))
			.toList();
		boolean emailFailed = message.getEntries()
			.stream()
			.anyMatch((entry) -> entry.getKind() == MessageEntry.Kind.EMAIL_FAILED);
		return new MessagePage(message, neighbourhood, timeLeft(message, now),
				this.contact.formatDeadline(message.getDueAt()), history, this.staff.teamOf(neighbourhood.getId()),
				names.get(message.getAssignedToId()), emailFailed);
	}

	private static String residentOrSystem(MessageEntry.Kind kind) {
		return (kind == MessageEntry.Kind.ESCALATED || kind == MessageEntry.Kind.EMAIL_FAILED) ? "Your Area"
				: "The resident";
	}

	static String describe(MessageEntry.Kind kind) {
		return switch (kind) {
			case RECEIVED -> "Message received";
			case RESIDENT_REPLY -> "The resident wrote back";
			case HOLDING_REPLY -> "Holding reply sent";
			case FULL_REPLY -> "Full reply sent";
			case NOTE -> "Internal note";
			case ASSIGNED -> "Assigned";
			case VIEWED -> "Viewed";
			case CLOSED -> "Closed";
			case REOPENED -> "Reopened";
			case RESIDENT_SATISFIED -> "The resident said the reply answered their question";
			case RESIDENT_NOT_SATISFIED -> "The resident said the reply did not answer their question";
			case ESCALATED -> "Escalated: not answered in time";
			case RELEASED_FROM_REVIEW -> "Released from review";
			case EMAIL_FAILED -> "An email could not be delivered";
		};
	}

	private Row row(ContactMessage message, @Nullable Neighbourhood neighbourhood, @Nullable String assignee,
			Instant now) {
		return new Row(message.getId(), message.getReference(), (neighbourhood != null) ? neighbourhood.getName() : "",
				message.getTopic().label(), message.getSenderName(), message.getStatus().label(),
				timeLeft(message, now), message.isOverdue(now), dueSoon(message, now), assignee,
				message.getReceivedAt());
	}

	private static String timeLeft(ContactMessage message, Instant now) {
		return (message.getStatus() == ContactMessage.Status.OPEN) ? TimeLeft.describe(message.getDueAt(), now)
				: message.getStatus().label();
	}

	private static boolean dueSoon(ContactMessage message, Instant now) {
		return message.getStatus() == ContactMessage.Status.OPEN && !message.isOverdue(now)
				&& message.getDueAt().isBefore(now.plus(DUE_SOON));
	}

	private String replyEmail(ContactMessage message, Neighbourhood neighbourhood, String text, boolean full,
			String link) {
		String next = full
				? "If this does not answer your question, tell us using your private link and we will look again."
				: "This is an update: we are still working on your message and will reply in full by "
						+ this.contact.formatDeadline(message.getDueAt()) + ".";
		return """
				%s

				The %s neighbourhood team has replied to your message %s:

				%s

				%s

				Read the whole conversation and write back using your private link:
				%s

				This email address does not take replies. In an emergency, call 999.
				""".formatted(this.contact.residentGreeting(), neighbourhood.getName(), message.getReference(), text,
				next, link);
	}

}
