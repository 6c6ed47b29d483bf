package uk.yourarea.audit;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import uk.yourarea.web.FormError;

/**
 * The one way the staff editors handle someone else saving the same thing while a form
 * was open: the save is refused (the form's version is no longer the saved one, or the
 * save raced theirs), and the form is shown again with what was typed, who saved first
 * and where the two versions differ.
 */
@Component
public class EditConflicts {

	/** The id of the error summary entry that links to the conflict box. */
	public static final String FIELD = "edit-conflict";

	/** A form page shown again with the conflict and its error summary entry. */
	@FunctionalInterface
	public interface FormAgain {

		String show(EditConflict conflict, List<FormError> errors);

	}

	private final ChangeLog changeLog;

	EditConflicts(ChangeLog changeLog) {
		this.changeLog = changeLog;
	}

	/**
	 * The page after saving, or, when someone else saved first and so nothing was saved,
	 * the page onConflict gives.
	 */
	public static String saveOr(Supplier<String> save, Supplier<String> onConflict) {
		try {
			return save.get();
		}
		catch (ChangedElsewhereException | ObjectOptimisticLockingFailureException ex) {
			return onConflict.get();
		}
	}

	/** The form again, comparing the saved version with what was typed. */
	public String formAgain(String subjectType, long subjectId, Snapshot saved, Snapshot yours, FormAgain page) {
		EditConflict conflict = this.changeLog.conflict(subjectType, subjectId, saved, yours);
		return page.show(conflict, List.of(new FormError(FIELD, conflict.message())));
	}

	/** The version a form was opened at, or one no saved version has when it was lost. */
	public static long openedAt(@org.jspecify.annotations.Nullable Long version) {
		return (version != null) ? version : -1;
	}

}
