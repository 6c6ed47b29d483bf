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
import uk.yourarea.web.Languages;
import uk.yourarea.web.TextIn;

/**
 * Records held about a person as people read them, on the desk's pages and in the subject
 * access export: the kind and each field named from the message bundle
 * ({@code dataprotection.kind.*}, {@code dataprotection.field.*}), codes in the words of
 * the keys their records give them, names in the language read, times in UK time. A field
 * or a code no key names yet (a feature added later) shows as it is rather than not at
 * all. The desk reads them in English; the export in the resident's language.
 */
@Component
class HeldRecordViews {

	/** The kind of record a legal hold can be placed on: a resident's message. */
	static final String MESSAGE_KIND = "contact-message";

	private static final String TIME = "d MMMM yyyy, HH:mm";

	private static final String DAY = "d MMMM yyyy";

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

	/** The records as the desk shows them, in English. */
	List<View> show(List<HeldRecord> records) {
		return show(records, Languages.ENGLISH);
	}

	/**
	 * The records in a language: the words of the bundle in it, and the language each was
	 * made in as a field of its own where it keeps one.
	 */
	List<View> show(List<HeldRecord> records, Locale language) {
		LocalDate today = LocalDate.now(this.clock.withZone(zone()));
		return records.stream().map((record) -> view(record, today, Languages.of(language))).toList();
	}

	String time(Instant instant) {
		return time(instant, Languages.ENGLISH);
	}

	String time(Instant instant, Locale language) {
		return DateTimeFormatter.ofPattern(TIME, language).format(instant.atZone(zone()));
	}

	String day(LocalDate date) {
		return day(date, Languages.ENGLISH);
	}

	String day(LocalDate date, Locale language) {
		return DateTimeFormatter.ofPattern(DAY, language).format(date);
	}

	private View view(HeldRecord record, LocalDate today, Locale language) {
		LegalHold hold = record.hold();
		List<Field> fields = new ArrayList<>(fields(record.data(), language));
		if (record.language() != null) {
			fields.add(new Field(text("dataprotection.field.language", "language", language),
					text("dataprotection.value.language." + record.language(), record.language(), language),
					List.of()));
		}
		return new View(record.kind(), text("dataprotection.kind." + record.kind(), record.kind(), language),
				record.reference(), time(record.createdAt(), language),
				(record.erasedAt() != null) ? time(record.erasedAt(), language) : null, hold,
				(hold != null) ? day(hold.reviewOn(), language) : null, hold != null && hold.isDueForReview(today),
				MESSAGE_KIND.equals(record.kind()) && record.erasedAt() == null, fields);
	}

	private List<Field> fields(Map<?, ?> data, Locale language) {
		List<Field> fields = new ArrayList<>();
		data.forEach((name, value) -> {
			String label = text("dataprotection.field." + name, String.valueOf(name), language);
			if (value instanceof Collection<?> list && !list.isEmpty()
					&& list.stream().allMatch((item) -> item instanceof Map<?, ?>)) {
				fields.add(
						new Field(label, "", list.stream().map((item) -> fields((Map<?, ?>) item, language)).toList()));
			}
			else {
				fields.add(new Field(label, describe(value, language), List.of()));
			}
		});
		return fields;
	}

	private String describe(@Nullable Object value, Locale language) {
		if (value == null) {
			return "";
		}
		if (value instanceof Instant instant) {
			return time(instant, language);
		}
		if (value instanceof LocalDate date) {
			return day(date, language);
		}
		if (value instanceof Boolean yes) {
			return text(yes ? "dataprotection.value.yes" : "dataprotection.value.no", yes.toString(), language);
		}
		if (value instanceof HeldRecord.Code code) {
			return label(code, language);
		}
		if (value instanceof HeldRecord.Name name) {
			return name(name, language);
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map((item) -> describe(item, language)).collect(Collectors.joining(", "));
		}
		if (value instanceof Map<?, ?> map) {
			return fields(map, language).stream()
				.map((field) -> field.label() + ": " + field.value())
				.collect(Collectors.joining("; "));
		}
		return value.toString();
	}

	/** A code in words, in a language; the code itself when no key words it. */
	String label(HeldRecord.Code code, Locale language) {
		return text(code.key(), code.code(), Languages.of(language));
	}

	/** A name in a language: the Welsh where there is one, else the English. */
	static String name(HeldRecord.Name name, Locale language) {
		return TextIn.pick(language, name.english(), name.welsh());
	}

	private String text(String key, String otherwise, Locale language) {
		return this.messages.getMessage(key, null, otherwise, language);
	}

	private ZoneId zone() {
		return this.clock.getZone();
	}

}
