package uk.yourarea.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What something looked like at one moment, as the people editing it see it: field labels
 * ("Name", "Opening hours") to displayed values, in the order of the form. Blank values
 * count as empty.
 */
public final class Snapshot {

	private static final Snapshot NOTHING = new Snapshot(Map.of());

	private final Map<String, String> fields;

	private Snapshot(Map<String, String> fields) {
		this.fields = Collections.unmodifiableMap(fields);
	}

	/** Before something was created, or after it was deleted. */
	public static Snapshot nothing() {
		return NOTHING;
	}

	public static Builder of() {
		return new Builder();
	}

	public Map<String, String> fields() {
		return this.fields;
	}

	/** The value of one field, or an empty string. */
	public String get(String field) {
		return this.fields.getOrDefault(field, "");
	}

	/**
	 * The labels of the fields whose values differ, in this snapshot's order then the
	 * other's.
	 */
	public java.util.List<String> fieldsDifferentFrom(Snapshot other) {
		LinkedHashMap<String, Boolean> labels = new LinkedHashMap<>();
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

		private final LinkedHashMap<String, String> fields = new LinkedHashMap<>();

		private Builder() {
		}

		/** Adds a field; {@code null} and blank values are stored as empty. */
		public Builder with(String label, @Nullable Object value) {
			String text = (value == null) ? "" : value.toString().strip();
			this.fields.put(label, text);
			return this;
		}

		public Snapshot build() {
			return new Snapshot(new LinkedHashMap<>(this.fields));
		}

	}

}
