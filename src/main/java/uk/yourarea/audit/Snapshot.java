package uk.yourarea.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.Phrase;

/**
 * What something looked like at one moment, as the people editing it see it: field labels
 * (keys of staff.properties, {@code change.field.name}) to values, in the order of the
 * form. A value is what was typed or worked out, kept as it is, or a {@link Phrase} where
 * the code chose the words ({@code change.value.yes}). Blank values count as empty.
 */
public final class Snapshot {

	private static final Snapshot NOTHING = new Snapshot(Map.of());

	private final Map<Phrase, Phrase> fields;

	private Snapshot(Map<Phrase, Phrase> fields) {
		this.fields = Collections.unmodifiableMap(fields);
	}

	/** Before something was created, or after it was deleted. */
	public static Snapshot nothing() {
		return NOTHING;
	}

	public static Builder of() {
		return new Builder();
	}

	public Map<Phrase, Phrase> fields() {
		return this.fields;
	}

	/** The value of one field, or empty. */
	public Phrase get(Phrase field) {
		return this.fields.getOrDefault(field, Phrase.asIs(null));
	}

	/** The value of the field with this label key, or empty. */
	public Phrase get(String labelKey) {
		return get(Phrase.of(labelKey));
	}

	/**
	 * The labels of the fields whose values differ, in this snapshot's order then the
	 * other's.
	 */
	public List<Phrase> fieldsDifferentFrom(Snapshot other) {
		LinkedHashMap<Phrase, Boolean> labels = new LinkedHashMap<>();
		this.fields.keySet().forEach((label) -> labels.put(label, true));
		other.fields.keySet().forEach((label) -> labels.put(label, true));
		return labels.keySet().stream().filter((label) -> !get(label).equals(other.get(label))).toList();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Snapshot snapshot && this.fields.equals(snapshot.fields);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.fields);
	}

	@Override
	public String toString() {
		return this.fields.toString();
	}

	public static final class Builder {

		private final LinkedHashMap<Phrase, Phrase> fields = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Adds a field labelled by a key of the bundles. A {@link Phrase} value is kept
		 * as it is; any other is its text, and {@code null} and blank are stored as
		 * empty.
		 */
		public Builder with(String labelKey, @Nullable Object value) {
			return with(Phrase.of(labelKey), value);
		}

		/** Adds a field whose label has arguments ({@code change.field.postcode}). */
		public Builder with(Phrase label, @Nullable Object value) {
			this.fields.put(label,
					(value instanceof Phrase phrase) ? phrase : Phrase.asIs((value != null) ? value.toString() : null));
			return this;
		}

		public Snapshot build() {
			return new Snapshot(new LinkedHashMap<>(this.fields));
		}

	}

}
