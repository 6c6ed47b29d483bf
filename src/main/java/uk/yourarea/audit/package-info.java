/**
 * The record of every change staff make to what the public sees (who, when, what, each
 * field before and after), its history pages, and the "someone else saved first" answer
 * that every editing form gives instead of overwriting silently.
 * <p>
 * A feature that edits something describes it as a {@link uk.yourarea.audit.Snapshot}
 * (field label to displayed value) before and after the change and calls
 * {@link uk.yourarea.audit.ChangeLog#record} in the same transaction.
 */
@NullMarked
package uk.yourarea.audit;

import org.jspecify.annotations.NullMarked;
