package uk.yourarea.contact;

import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.personaldata.Erasure;
import uk.yourarea.personaldata.HeldRecord;
import uk.yourarea.personaldata.LegalHold;
import uk.yourarea.personaldata.LegalHolds;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.personaldata.PersonalDataHolder;
import uk.yourarea.personaldata.RetentionProperties;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.notification.EmailOutbox;
import uk.yourarea.web.Languages;

/**
 * Residents' messages as personal data: found by email address, telephone number or
 * reference; written out for a subject access request; erased on request or when the
 * retention schedule says so; and held from erasure while a legal hold is on them.
 * <p>
 * Erasing a message removes who wrote it, how to reach them, and every word of the
 * conversation and its notes, and any email about it still waiting to be sent. It keeps
 * the reference, neighbourhood, topic, status and times, so that the response record
 * gives the same figures afterwards. A message still waiting for the team is closed
 * (there is nobody left to answer); one held for review stays held, so that it stays out
 * of the response record as before.
 */
@Component
class MessagePersonalData implements PersonalDataHolder, LegalHolds {

	static final String KIND = "contact-message";

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final ContactMessageRepository messages;

	private final NeighbourhoodDirectory neighbourhoods;

	private final EmailOutbox outbox;

	private final JdbcTemplate jdbc;

	MessagePersonalData(ContactMessageRepository messages, NeighbourhoodDirectory neighbourhoods, EmailOutbox outbox,
			JdbcTemplate jdbc) {
		this.messages = messages;
		this.neighbourhoods = neighbourhoods;
		this.outbox = outbox;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<HeldRecord> find(PersonSearch search) {
		List<Long> ids = idsFor(search, false);
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, HeldRecord.Name> names = names(this.neighbourhoods);
		List<HeldRecord> found = new ArrayList<>();
		for (ContactMessage message : this.messages.findAllById(ids)) {
			found.add(held(message, names.getOrDefault(message.getNeighbourhoodId(), new HeldRecord.Name("", null))));
		}
		found.sort(java.util.Comparator.comparing(HeldRecord::createdAt));
		return found;
	}

	@Override
	@Transactional
	public Erasure erase(PersonSearch search, Instant at) {
		List<Long> ids = idsFor(search, true);
		if (ids.isEmpty()) {
			return Erasure.NOTHING;
		}
		List<String> heldReferences = this.jdbc.queryForList(
				"select reference from contact_message where id = any(?) and hold_reason is not null order by id",
				String.class, ids(ids));
		List<String> erased = eraseAll(ids, ErasedBecause.REQUEST, at);
		return new Erasure(erased, heldReferences);
	}

	@Override
	@Transactional
	public Map<String, Integer> applyRetention(RetentionProperties retention, Instant now) {
		Timestamp cutoff = Timestamp.from(now.atZone(LONDON).minus(retention.conversations()).toInstant());
		// A conversation ends when it is closed; one that was answered, or held for
		// review, and then left alone ends with the last thing that happened to it.
		List<Long> ended = this.jdbc.queryForList("""
				select id from contact_message
				where erased_at is null and hold_reason is null
				  and (closed_at < ?
				       or (status in ('ANSWERED', 'HELD_FOR_REVIEW')
				           and greatest(clock_started_at, coalesce(answered_at, clock_started_at)) < ?))
				order by id
				for update skip locked""", Long.class, cutoff, cutoff);
		return Map.of(KIND, eraseAll(ended, ErasedBecause.RETENTION, now).size());
	}

	/**
	 * @return the references of the messages erased now
	 */
	private List<String> eraseAll(List<Long> ids, ErasedBecause because, Instant at) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Timestamp when = Timestamp.from(at);
		List<Map<String, Object>> erased = this.jdbc.queryForList("""
				update contact_message
				set sender_name = null, sender_email = null, sender_phone = null, body = null, location = null,
				    outcome = null, held_reason = null, held_reason_args = null, erased_at = ?, erased_because = ?,
				    status = case when status in ('OPEN', 'ANSWERED') then 'CLOSED' else status end,
				    closed_at = case when status in ('OPEN', 'ANSWERED') then ? else closed_at end,
				    version = version + 1
				where id = any(?) and erased_at is null and hold_reason is null
				returning id, reference""", when, because.name(), when, ids(ids));
		if (erased.isEmpty()) {
			return List.of();
		}
		List<Long> erasedIds = erased.stream().map((row) -> ((Number) row.get("id")).longValue()).toList();
		this.jdbc.update("update message_entry set body = null where contact_message_id = any(?) and body is not null",
				ids(erasedIds));
		this.outbox.forgetPendingAbout(erasedIds);
		return erased.stream().map((row) -> (String) row.get("reference")).sorted().toList();
	}

	@Override
	@Transactional
	public boolean place(String reference, String reason, LocalDate reviewOn, long staffId, Instant at) {
		return this.jdbc.update(
				"""
						update contact_message
						set hold_reason = ?, hold_review_on = ?, hold_placed_by_id = ?, hold_placed_at = ?, version = version + 1
						where reference = ? and erased_at is null""",
				reason, Date.valueOf(reviewOn), staffId, Timestamp.from(at), reference) == 1;
	}

	@Override
	@Transactional
	public boolean lift(String reference) {
		return this.jdbc.update("""
				update contact_message
				set hold_reason = null, hold_review_on = null, hold_placed_by_id = null, hold_placed_at = null,
				    version = version + 1
				where reference = ? and hold_reason is not null""", reference) == 1;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<LegalHold> holdOn(String reference) {
		return this.messages.findByReference(reference).map(MessagePersonalData::holdOf);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Held> all() {
		return this.jdbc.query("""
				select reference, hold_reason, hold_review_on, hold_placed_by_id, hold_placed_at from contact_message
				where hold_reason is not null order by hold_review_on, reference""",
				(row, n) -> new Held(row.getString("reference"),
						new LegalHold(row.getString("hold_reason"), row.getDate("hold_review_on").toLocalDate(),
								(Long) row.getObject("hold_placed_by_id", Long.class),
								row.getTimestamp("hold_placed_at").toInstant())));
	}

	private List<Long> idsFor(PersonSearch search, boolean onlyWhole) {
		String where = switch (search.by()) {
			case EMAIL -> "lower(sender_email) = ?";
			case PHONE -> "regexp_replace(sender_phone, '[^0-9]', '', 'g') = ?";
			case REFERENCE -> "reference = ?";
		};
		return this.jdbc.queryForList("select id from contact_message where " + where
				+ (onlyWhole ? " and erased_at is null" : "") + " order by received_at, id", Long.class, search.term());
	}

	private Array ids(List<Long> ids) {
		return this.jdbc
			.execute((ConnectionCallback<Array>) (connection) -> connection.createArrayOf("bigint", ids.toArray()));
	}

	private static @Nullable LegalHold holdOf(ContactMessage message) {
		if (message.getHoldReason() == null || message.getHoldReviewOn() == null || message.getHoldPlacedAt() == null) {
			return null;
		}
		return new LegalHold(message.getHoldReason(), message.getHoldReviewOn(), message.getHoldPlacedById(),
				message.getHoldPlacedAt());
	}

	/**
	 * Every neighbourhood's name in English and in Welsh (the English again where it has
	 * no Welsh one), for the export to show in its language.
	 */
	private static Map<Long, HeldRecord.Name> names(NeighbourhoodDirectory neighbourhoods) {
		Map<Long, String> welsh = neighbourhoods.all(Languages.WELSH)
			.stream()
			.collect(Collectors.toMap(NeighbourhoodSummary::id, NeighbourhoodSummary::name));
		return neighbourhoods.all()
			.stream()
			.collect(Collectors.toMap(NeighbourhoodSummary::id,
					(neighbourhood) -> new HeldRecord.Name(neighbourhood.name(), welsh.get(neighbourhood.id()))));
	}

	/**
	 * The message with its codes worded by the keys the public pages use for them (the
	 * form's choices), or, for those no public page words, keys of the export's own.
	 */
	private static HeldRecord held(ContactMessage message, HeldRecord.Name neighbourhood) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("reference", message.getReference());
		data.put("neighbourhood", neighbourhood);
		data.put("receivedAt", message.getReceivedAt());
		putIfPresent(data, "name", message.getSenderName());
		putIfPresent(data, "email", message.getSenderEmail());
		putIfPresent(data, "phone", message.getSenderPhone());
		data.put("preferredContact",
				HeldRecord.Code.of("contact.form.preferred-contact.", message.getPreferredContact()));
		data.put("writingAs", HeldRecord.Code.of("contact.form.sender-type.", message.getSenderType()));
		data.put("topic", new HeldRecord.Code(message.getTopic().name(), message.getTopic().labelKey()));
		putIfPresent(data, "inReplyToAlert", message.getInReplyToAlertId());
		putIfPresent(data, "location", message.getLocation());
		putIfPresent(data, "message", message.getBody());
		data.put("status", HeldRecord.Code.of("dataprotection.value.message-status.", message.getStatus()));
		putIfPresent(data, "closedAt", message.getClosedAt());
		putIfPresent(data, "outcome", message.getOutcome());
		putIfPresent(data, "erasedAt", message.getErasedAt());
		if (message.getErasedBecause() != null) {
			data.put("erasedBecause",
					HeldRecord.Code.of("dataprotection.value.erased-because.", message.getErasedBecause()));
		}
		List<Map<String, Object>> history = new ArrayList<>();
		for (MessageEntry entry : message.getEntries()) {
			if (entry.getKind() == EntryKind.VIEWED) {
				continue;
			}
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("at", entry.getAt());
			step.put("what", HeldRecord.Code.of("dataprotection.value.entry.", entry.getKind()));
			step.put("by", by(entry));
			putIfPresent(step, "text", entry.getBody());
			history.add(step);
		}
		data.put("history", history);
		return new HeldRecord(KIND, message.getReference(), message.getReceivedAt(), message.getErasedAt(),
				holdOf(message), data, message.getLanguage());
	}

	/**
	 * The resident, the team or the site itself, worded as the conversation page words
	 * them.
	 */
	private static HeldRecord.Code by(MessageEntry entry) {
		if (entry.getKind().isResidents()) {
			return new HeldRecord.Code("resident", "contact.conversation.from.you");
		}
		if (entry.getStaffAccountId() != null) {
			return new HeldRecord.Code("team", "contact.conversation.from.team");
		}
		return new HeldRecord.Code("site", "dataprotection.value.by.site");
	}

	private static void putIfPresent(Map<String, Object> data, String key, @Nullable Object value) {
		if (value != null) {
			data.put(key, value);
		}
	}

}
