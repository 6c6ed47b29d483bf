package uk.yourarea.web;

import org.jspecify.annotations.Nullable;

/**
 * Something the public sees has changed (a neighbourhood, a team member, a priority, a
 * station, postcode coverage). Published inside the transaction that changed it; caches
 * of public pages listen with {@code @TransactionalEventListener} and empty themselves
 * once it commits, so no reader can put the old page back between the change and the
 * commit.
 *
 * @param subjectType what kind of thing changed ("neighbourhood", "station", …)
 * @param subjectId its id
 * @param neighbourhoodId the neighbourhood whose page shows it, or {@code null}
 */
public record PublicContentChanged(String subjectType, long subjectId, @Nullable Long neighbourhoodId) {

	private static final String ELSEWHERE = "another-instance";

	/**
	 * Another instance of the site changed public content (see
	 * {@link ChangesAcrossInstances}).
	 */
	static PublicContentChanged onAnotherInstance() {
		return new PublicContentChanged(ELSEWHERE, 0, null);
	}

	/** Whether this came from another instance, rather than from a change made here. */
	public boolean onAnotherInstanceOnly() {
		return ELSEWHERE.equals(this.subjectType);
	}

}
