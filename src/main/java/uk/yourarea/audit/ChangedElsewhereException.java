package uk.yourarea.audit;

/**
 * The version a form was opened with is no longer the saved one: someone else saved in
 * between. Controllers catch it (and Spring's
 * {@code ObjectOptimisticLockingFailureException}, for a save that raced) and re-show the
 * form with {@link ChangeLog#conflict}.
 */
public class ChangedElsewhereException extends RuntimeException {

	public ChangedElsewhereException(String subject) {
		super(subject + " was changed by someone else");
	}

	/** Throws unless the form's version is the saved one. */
	public static void requireVersion(long saved, long opened, String subject) {
		if (saved != opened) {
			throw new ChangedElsewhereException(subject);
		}
	}

}
