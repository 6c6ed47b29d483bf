package uk.yourarea.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Something the public sees has changed (a neighbourhood, a team member, a priority, a
 * station, postcode coverage). Published inside the transaction that changed it; caches
 * of public pages listen with {@code @TransactionalEventListener} and empty themselves
 * once it commits, so no reader can put the old page back between the change and the
 * commit.
 *
 * @param subjectType what kind of thing changed ("neighbourhood", "station", …), or
 * {@value #UNKNOWN} when that is not known (a change on another instance while this one
 * was not listening)
 * @param subjectId its id
 * @param neighbourhoodId the neighbourhood whose page shows it, or {@code null}
 * @param onAnotherInstanceOnly whether it was made on another instance of the site (see
 * {@link ChangesAcrossInstances}), rather than here
 */
public record PublicContentChanged(String subjectType, long subjectId, @Nullable Long neighbourhoodId,
		boolean onAnotherInstanceOnly) {

	static final String UNKNOWN = "unknown";

	/**
	 * The kinds of change that can alter where neighbourhoods are, what they are called,
	 * which are live or which postcodes they cover: maps and lists show these on every
	 * page, not only on the neighbourhood's own. Named by their features
	 * ({@code NeighbourhoodDirectory.CHANGE_SUBJECT_TYPE},
	 * {@code CoverageChangeRecords.SUBJECT_TYPE}), whose tests hold them to this.
	 */
	static final Set<String> PLACES = Set.of("neighbourhood", "coverage");

	/** A change made here. */
	public PublicContentChanged(String subjectType, long subjectId, @Nullable Long neighbourhoodId) {
		this(subjectType, subjectId, neighbourhoodId, false);
	}

	/** A change of this kind made on another instance. */
	static PublicContentChanged onAnotherInstance(String subjectType) {
		return new PublicContentChanged(subjectType.isEmpty() ? UNKNOWN : subjectType, 0, null, true);
	}

	/** Changes of any kind may have been made on another instance. */
	static PublicContentChanged anythingOnAnotherInstance() {
		return onAnotherInstance(UNKNOWN);
	}

	/**
	 * Whether this may have changed where neighbourhoods are, what they are called, which
	 * are live or which postcodes they cover: always, when its kind is not known.
	 */
	public boolean mayChangePlaces() {
		return UNKNOWN.equals(this.subjectType) || PLACES.contains(this.subjectType);
	}

	/**
	 * The one neighbourhood whose own pages alone show this change, or {@code null} when
	 * other pages may show it too (no neighbourhood, or a change of places).
	 */
	public @Nullable Long shownOnlyByPagesOf() {
		return mayChangePlaces() ? null : this.neighbourhoodId;
	}

	/**
	 * The notice other instances receive: the kind, and the neighbourhood when there is
	 * one ("alert 12").
	 */
	String notice() {
		return (this.neighbourhoodId != null) ? this.subjectType + " " + this.neighbourhoodId : this.subjectType;
	}

	/**
	 * A change made on another instance, read from its {@link #notice()}: anything, when
	 * the notice cannot be read (an empty one came from an older version).
	 */
	static PublicContentChanged fromNotice(@Nullable String notice) {
		String[] parts = (notice == null) ? new String[0] : notice.strip().split(" ");
		if (parts.length == 0 || !parts[0].matches("[a-z][a-z-]{0,49}") || parts.length > 2) {
			return anythingOnAnotherInstance();
		}
		if (parts.length == 1) {
			return onAnotherInstance(parts[0]);
		}
		try {
			return new PublicContentChanged(parts[0], 0, Long.parseLong(parts[1]), true);
		}
		catch (NumberFormatException ex) {
			return anythingOnAnotherInstance();
		}
	}

}
