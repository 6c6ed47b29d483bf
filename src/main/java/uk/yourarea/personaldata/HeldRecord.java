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
 * lists and maps of the same
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

}
