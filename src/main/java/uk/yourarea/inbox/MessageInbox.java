package uk.yourarea.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.alert.PublishedAlerts;
import uk.yourarea.contact.Conversations.Details;
import uk.yourarea.contact.ErasedBecause;
import uk.yourarea.contact.Conversations.Summary;
import uk.yourarea.contact.Conversations;
import uk.yourarea.contact.EntryKind;
import uk.yourarea.contact.MessageStatus;
import uk.yourarea.contact.TimeLeft;
import uk.yourarea.contact.Topic;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffAccounts.Colleague;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;

/**
 * The officers' view of residents' messages: the inbox's rows and counts, one message's
 * page and the supervisors' list, made from what {@link Conversations} tells, with the
 * names of neighbourhoods and colleagues.
 */
@Service
class MessageInbox {

	record Filter(@Nullable MessageStatus status, @Nullable Long neighbourhoodId, @Nullable Topic topic) {
	}

	/**
	 * @param sender {@code null} once the message's personal data has been erased
	 * @param erasedAt when it was erased, if it was
	 */
	record Row(long id, String reference, String neighbourhood, String topic, @Nullable String sender, String status,
			String timeLeft, boolean overdue, boolean dueSoon, @Nullable String assignee, Instant receivedAt,
			@Nullable Instant erasedAt, boolean erasedOnRequest, boolean repliesToAlert) {
	}

	record Counts(long newMessages, long dueWithin24Hours, long overdue) {
	}

	record InboxPage(List<Row> rows, Counts counts, List<NeighbourhoodSummary> neighbourhoods) {
	}

	record HistoryLine(Instant at, String what, @Nullable String who, @Nullable String text, boolean conversation) {
	}

	record MessagePage(Details message, NeighbourhoodSummary neighbourhood, String timeLeft, String deadline,
			List<HistoryLine> history, List<Colleague> team, @Nullable String assignee, boolean emailFailed,
			@Nullable RepliedAlert inReplyTo, @Nullable String heldReason) {
	}

	/** The alert a message replies to, and its public page. */
	record RepliedAlert(String title, String link) {
	}

	private final Conversations conversations;

	private final NeighbourhoodDirectory neighbourhoods;

	private final StaffScope scope;

	private final StaffAccounts staff;

	private final PublishedAlerts alerts;

	private final Clock clock;

	private final MessageSource messages;

	MessageInbox(Conversations conversations, NeighbourhoodDirectory neighbourhoods, StaffScope scope,
			StaffAccounts staff, PublishedAlerts alerts, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.alerts = alerts;
		this.conversations = conversations;
		this.neighbourhoods = neighbourhoods;
		this.scope = scope;
		this.staff = staff;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	InboxPage inbox(StaffUser user, Filter filter) {
		Set<Long> visible = this.scope.neighbourhoodIdsVisibleTo(user);
		if (visible.isEmpty()) {
			return new InboxPage(List.of(), new Counts(0, 0, 0), List.of());
		}
		Map<Long, NeighbourhoodSummary> names = this.neighbourhoods.byIds(visible)
			.stream()
			.collect(Collectors.toMap(NeighbourhoodSummary::id, Function.identity()));
		Instant now = this.clock.instant();
		List<Summary> all = this.conversations.visibleTo(user);
		Map<Long, String> assignees = this.staff
			.namesOf(all.stream().map(Summary::assignedToId).filter(Objects::nonNull).collect(Collectors.toSet()));
		Counts counts = new Counts(
				all.stream().filter((m) -> m.status() == MessageStatus.OPEN && m.firstAnsweredAt() == null).count(),
				all.stream().filter((m) -> m.isDueSoon(now)).count(),
				all.stream().filter((m) -> m.isOverdue(now)).count());
		List<Row> rows = all.stream()
			.filter((m) -> filter.status() == null || m.status() == filter.status())
			.filter((m) -> filter.neighbourhoodId() == null || m.neighbourhoodId() == filter.neighbourhoodId())
			.filter((m) -> filter.topic() == null || m.topic() == filter.topic())
			.map((m) -> row(m, names.get(m.neighbourhoodId()), assignees.get(m.assignedToId()), now))
			.toList();
		List<NeighbourhoodSummary> sorted = names.values()
			.stream()
			.sorted(Comparator.comparing(NeighbourhoodSummary::name))
			.toList();
		return new InboxPage(rows, counts, sorted);
	}

	/** Opening a message is recorded in its history. */
	@Transactional
	MessagePage open(StaffUser user, long id) {
		Details message = this.conversations.open(user, id);
		Instant now = this.clock.instant();
		NeighbourhoodSummary neighbourhood = this.neighbourhoods.byId(message.neighbourhoodId()).orElseThrow();
		Set<Long> people = new HashSet<>();
		message.entries().forEach((entry) -> {
			if (entry.staffAccountId() != null) {
				people.add(entry.staffAccountId());
			}
		});
		if (message.assignedToId() != null) {
			people.add(message.assignedToId());
		}
		Map<Long, String> names = this.staff.namesOf(people);
		List<HistoryLine> history = message.entries()
			.stream()
			.map((entry) -> new HistoryLine(entry.at(), describe(entry.kind()),
					(entry.staffAccountId() != null) ? names.get(entry.staffAccountId())
							: (entry.kind().isFromTeam() ? null : residentOrSystem(entry.kind())),
					text(entry), entry.kind().isConversation()))
			.toList();
		boolean emailFailed = message.entries().stream().anyMatch((entry) -> entry.kind() == EntryKind.EMAIL_FAILED);
		return new MessagePage(message, neighbourhood, timeLeft(message.status(), message.dueAt(), now),
				message.deadline(), history, this.conversations.teamFor(user, id), names.get(message.assignedToId()),
				emailFailed, repliedAlert(message.inReplyToAlertId(), neighbourhood), (message.heldReason() != null)
						? message.heldReason().in(this.messages, LocaleContextHolder.getLocale()) : null);
	}

	/**
	 * Messages due within 24 hours or overdue, across everything this supervisor can see.
	 */
	@Transactional(readOnly = true)
	List<Row> needingAttention(StaffUser user) {
		InboxPage all = inbox(user, new Filter(MessageStatus.OPEN, null, null));
		return all.rows().stream().filter((row) -> row.overdue() || row.dueSoon()).toList();
	}

	private @Nullable RepliedAlert repliedAlert(@Nullable Long alertId, NeighbourhoodSummary neighbourhood) {
		if (alertId == null) {
			return null;
		}
		return this.alerts.find(alertId, neighbourhood.id())
			.map((alert) -> new RepliedAlert(alert.title(), PublishedAlerts.pageOf(neighbourhood.slug(), alert.id())))
			.orElse(null);
	}

	private String residentOrSystem(EntryKind kind) {
		return text((kind == EntryKind.ESCALATED || kind == EntryKind.EMAIL_FAILED) ? "inbox.history.by-the-site"
				: "inbox.history.by-the-resident");
	}

	private String describe(EntryKind kind) {
		return text(switch (kind) {
			case RECEIVED -> "inbox.history.received";
			case RESIDENT_REPLY -> "inbox.history.resident-reply";
			case HOLDING_REPLY -> "inbox.history.holding-reply";
			case FULL_REPLY -> "inbox.history.full-reply";
			case NOTE -> "inbox.history.note";
			case ASSIGNED -> "inbox.history.assigned";
			case VIEWED -> "inbox.history.viewed";
			case CLOSED -> "inbox.history.closed";
			case REOPENED -> "inbox.history.reopened";
			case RESIDENT_SATISFIED -> "inbox.history.resident-satisfied";
			case RESIDENT_NOT_SATISFIED -> "inbox.history.resident-not-satisfied";
			case ESCALATED -> "inbox.history.escalated";
			case RELEASED_FROM_REVIEW -> "inbox.history.released-from-review";
			case EMAIL_FAILED -> "inbox.history.email-failed";
		});
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	/**
	 * The words of a step: what was written; whom it was assigned to; for the steps the
	 * site took itself, what happened. Rows from before V40 hold English sentences for
	 * those; the migration took them out.
	 */
	private @Nullable String text(Conversations.Entry entry) {
		return switch (entry.kind()) {
			case ASSIGNED -> (entry.body() != null) ? text("inbox.history.assigned-to", entry.body()) : null;
			case ESCALATED -> (entry.body() != null) ? entry.body() : text("inbox.history.escalated.detail");
			case EMAIL_FAILED -> (entry.body() != null) ? entry.body() : text("inbox.history.email-failed.detail");
			default -> entry.body();
		};
	}

	private Row row(Summary message, @Nullable NeighbourhoodSummary neighbourhood, @Nullable String assignee,
			Instant now) {
		return new Row(message.id(), message.reference(), (neighbourhood != null) ? neighbourhood.name() : "",
				text(message.topic().labelKey()), message.senderName(), text(message.status().labelKey()),
				timeLeft(message.status(), message.dueAt(), now), message.isOverdue(now), message.isDueSoon(now),
				assignee, message.receivedAt(), message.erasedAt(), message.erasedBecause() == ErasedBecause.REQUEST,
				message.inReplyToAlertId() != null);
	}

	private String timeLeft(MessageStatus status, Instant dueAt, Instant now) {
		return (status == MessageStatus.OPEN)
				? TimeLeft.describe(dueAt, now, this.messages, LocaleContextHolder.getLocale())
				: text(status.labelKey());
	}

}
