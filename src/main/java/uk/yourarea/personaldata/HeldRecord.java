package uk.yourarea.personaldata;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One record held about a person, as the desk lists it and the subject access export
 * writes it out.
 *
 * @param kind what sort of record it is, a key under {@code dataprotection.kind.} in the
 * message bundle (like {@code contact-message})
 * @param reference how staff and the resident name it (a message reference, an answer's
 * number)
 * @param createdAt when the resident made it
 * @param erasedAt when its personal data was erased, if it has been
 * @param hold the legal hold that keeps it from erasure, if there is one
 * @param data everything held, in order: names to strings, numbers, booleans, instants,
 * {@link Code codes}, {@link Name names}, and lists and maps of the same
 * @param language the language the resident used for it, {@code en} or {@code cy}, or
 * {@code null} when the record keeps none (an email waiting to be sent): the subject
 * access export is written in it
 */
public record HeldRecord(String kind, String reference, Instant createdAt, @Nullable Instant erasedAt,
		@Nullable LegalHold hold, Map<String, Object> data, @Nullable String language) {

	public HeldRecord {
		data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
	}

	/** A record that keeps no language of its own. */
	public HeldRecord(String kind, String reference, Instant createdAt, @Nullable Instant erasedAt,
			@Nullable LegalHold hold, Map<String, Object> data) {
		this(kind, reference, createdAt, erasedAt, hold, data, null);
	}

	/**
	 * A code the record keeps (a topic, a status), with the key of the message bundle
	 * that puts it into words: the export shows the words in its language, and its JSON
	 * keeps the code beside them.
	 *
	 * @param code as stored, like {@code ANTI_SOCIAL_BEHAVIOUR}
	 * @param key the key of its words in messages.properties (which has them in Welsh),
	 * the one the public pages use where they show the same code
	 */
	public record Code(String code, String key) {

		/**
		 * The code of an enum constant, its key the prefix and the constant's name in
		 * lower case with hyphens ({@code ANTI_SOCIAL_BEHAVIOUR} under
		 * {@code contact.form.topic.} is
		 * {@code contact.form.topic.anti-social-behaviour}).
		 */
		public static Code of(String prefix, Enum<?> value) {
			return of(prefix, value.name());
		}

		/** The same for a code kept as text. */
		public static Code of(String prefix, String code) {
			return new Code(code, prefix + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		}

	}

	/**
	 * The name of something staff named in English and, where they gave one, in Welsh (a
	 * neighbourhood): the export shows the one of its language.
	 */
	public record Name(String english, @Nullable String welsh) {

		/** Without a Welsh name when it is the English one. */
		public Name {
			welsh = english.equals(welsh) ? null : welsh;
		}

	}

}
