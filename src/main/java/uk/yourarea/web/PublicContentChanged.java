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
	 * Whether this may be a change of one of these kinds: always, when its kind is not
	 * known.
	 */
	public boolean mayBeAbout(Set<String> subjectTypes) {
		return UNKNOWN.equals(this.subjectType) || subjectTypes.contains(this.subjectType);
	}

}
