package uk.yourarea.dataprotection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import uk.yourarea.personaldata.HeldRecord;
import uk.yourarea.personaldata.LegalHold;

/**
 * Records held about a person as people read them, on the desk's pages and in the subject
 * access export: the kind and each field named from the message bundle
 * ({@code dataprotection.kind.*}, {@code dataprotection.field.*}), times in UK time. A
 * field no key names yet (a feature added later) shows under its own name rather than not
 * at all.
 */
@Component
class HeldRecordViews {

	/** The kind of record a legal hold can be placed on: a resident's message. */
	static final String MESSAGE_KIND = "contact-message";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	/**
	 * One field: its name and value, or, for a list of entries (a message's history),
	 * each entry's own fields.
	 */
	record Field(String label, String value, List<List<Field>> entries) {
	}

	/** One record as shown. */
	record View(String kind, String kindLabel, String reference, String created, @Nullable String erased,
			@Nullable LegalHold hold, @Nullable String holdReviewOn, boolean holdOverdue, boolean canBeHeld,
			List<Field> fields) {
	}

	private final MessageSource messages;

	private final Clock clock;

	HeldRecordViews(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	List<View> show(List<HeldRecord> records) {
		LocalDate today = LocalDate.now(this.clock.withZone(zone()));
		return records.stream().map((record) -> view(record, today)).toList();
	}

	String time(Instant instant) {
		return TIME.format(instant.atZone(zone()));
	}

	String day(LocalDate date) {
		return DAY.format(date);
	}

	private View view(HeldRecord record, LocalDate today) {
		LegalHold hold = record.hold();
		return new View(record.kind(), text("dataprotection.kind." + record.kind(), record.kind()), record.reference(),
				time(record.createdAt()), (record.erasedAt() != null) ? time(record.erasedAt()) : null, hold,
				(hold != null) ? day(hold.reviewOn()) : null, hold != null && hold.isDueForReview(today),
				MESSAGE_KIND.equals(record.kind()) && record.erasedAt() == null, fields(record.data()));
	}

	private List<Field> fields(Map<?, ?> data) {
		List<Field> fields = new ArrayList<>();
		data.forEach((name, value) -> {
			String label = text("dataprotection.field." + name, String.valueOf(name));
			if (value instanceof Collection<?> list && !list.isEmpty()
					&& list.stream().allMatch((item) -> item instanceof Map<?, ?>)) {
				fields.add(new Field(label, "", list.stream().map((item) -> fields((Map<?, ?>) item)).toList()));
			}
			else {
				fields.add(new Field(label, describe(value), List.of()));
			}
		});
		return fields;
	}

	private String describe(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Instant instant) {
			return time(instant);
		}
		if (value instanceof LocalDate date) {
			return day(date);
		}
		if (value instanceof Boolean yes) {
			return text(yes ? "dataprotection.value.yes" : "dataprotection.value.no", yes.toString());
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(this::describe).collect(Collectors.joining(", "));
		}
		if (value instanceof Map<?, ?> map) {
			return fields(map).stream()
				.map((field) -> field.label() + ": " + field.value())
				.collect(Collectors.joining("; "));
		}
		return value.toString();
	}

	private String text(String key, String otherwise) {
		return this.messages.getMessage(key, null, otherwise, Locale.UK);
	}

	private ZoneId zone() {
		return this.clock.getZone();
	}

}
