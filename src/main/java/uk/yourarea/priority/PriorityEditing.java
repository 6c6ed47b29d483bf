package uk.yourarea.priority;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.security.StaffUser;
import uk.yourarea.security.WithinStaffScope;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.Phrase;
import uk.yourarea.web.TextIn;

/**
 * Every change to a neighbourhood's priorities: each saved with a record of who changed
 * what (which also refreshes the public page). Who may make them is the controller's
 * check, with {@code StaffScope}.
 */
@Service
class PriorityEditing {

	static final String SUBJECT_TYPE = "priority";

	/** A text residents read, in English and perhaps Welsh. */
	record Wording(String english, @Nullable String welsh) {

		Wording {
			welsh = TextIn.orNull(welsh);
		}

	}

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final PriorityRepository priorities;

	private final PriorityUpdateRepository updates;

	private final ChangeLog changeLog;

	private final Clock clock;

	PriorityEditing(PriorityRepository priorities, PriorityUpdateRepository updates, ChangeLog changeLog, Clock clock) {
		this.priorities = priorities;
		this.updates = updates;
		this.changeLog = changeLog;
		this.clock = clock;
	}

	/** One priority of the neighbourhood, or a 404: never another neighbourhood's. */
	@WithinStaffScope
	@Transactional(readOnly = true)
	Priority find(long neighbourhoodId, long priorityId) {
		return this.priorities.findById(priorityId)
			.filter((priority) -> priority.getNeighbourhoodId() == neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No priority " + priorityId + " in " + neighbourhoodId));
	}

	@WithinStaffScope
	@Transactional(readOnly = true)
	List<Priority> all(long neighbourhoodId) {
		return this.priorities.findByNeighbourhoodIdOrderByStatusDescUpdatedOnDescIdDesc(neighbourhoodId);
	}

	@WithinStaffScope
	@Transactional(readOnly = true)
	List<PriorityUpdate> updatesOf(long neighbourhoodId, long priorityId) {
		return this.updates.findByPriorityIdOrderByWrittenOnDescIdDesc(find(neighbourhoodId, priorityId).getId());
	}

	@WithinStaffScope
	@Transactional
	Priority create(StaffUser by, long neighbourhoodId, Wording issue, Wording whatWeAreDoing, LocalDate raisedOn,
			Priority.Origin origin, @Nullable Long consultationId, @Nullable String originDetail,
			@Nullable String consultationQuestion) {
		Priority created = new Priority(neighbourhoodId, issue.english(), issue.welsh(), raisedOn);
		created.cameFrom(origin, consultationId, originDetail);
		Priority priority = this.priorities.save(created);
		this.updates.save(priority.addUpdate(whatWeAreDoing.english(), whatWeAreDoing.welsh(), raisedOn, by.name(),
				this.clock.instant()));
		this.changeLog.record(by, subject(priority), "change.action.added", Snapshot.nothing(),
				Snapshot.of()
					.with("change.field.issue", issue.english())
					.with("change.field.issue-welsh", issue.welsh())
					.with("change.field.origin", Phrase.of(origin.labelKey()))
					.with("change.field.consultation", consultationQuestion)
					.with("change.field.origin-detail", originDetail)
					.with("change.field.what-we-are-doing", whatWeAreDoing.english())
					.with("change.field.what-we-are-doing-welsh", whatWeAreDoing.welsh())
					.with("change.field.raised-on", DAY.format(raisedOn))
					.build());
		return priority;
	}

	/** Changes the wording of the issue, unless someone else changed it since version. */
	@WithinStaffScope
	@Transactional
	Priority reword(StaffUser by, long neighbourhoodId, long priorityId, long version, String issue,
			@Nullable String issueCy) {
		Priority priority = find(neighbourhoodId, priorityId);
		ChangedElsewhereException.requireVersion(priority.getVersion(), version, "Priority " + priorityId);
		Snapshot before = snapshot(priority);
		priority.reword(issue, issueCy);
		this.changeLog.record(by, subject(priority), "change.action.changed-wording", before, snapshot(priority));
		return this.priorities.saveAndFlush(priority);
	}

	@WithinStaffScope
	@Transactional
	PriorityUpdate addUpdate(StaffUser by, long neighbourhoodId, long priorityId, String text, @Nullable String textCy,
			LocalDate writtenOn) {
		Priority priority = find(neighbourhoodId, priorityId);
		LocalDate lastUpdated = priority.getUpdatedOn();
		PriorityUpdate update = this.updates
			.save(priority.addUpdate(text, textCy, writtenOn, by.name(), this.clock.instant()));
		this.changeLog.record(by, subject(priority), "change.action.added-update",
				Snapshot.of()
					.with("change.field.last-updated-on", DAY.format(lastUpdated))
					.with("change.field.update", null)
					.with("change.field.update-welsh", null)
					.build(),
				Snapshot.of()
					.with("change.field.last-updated-on", DAY.format(priority.getUpdatedOn()))
					.with("change.field.update", DAY.format(writtenOn) + ": " + text)
					.with("change.field.update-welsh",
							(update.getTextCy() == null) ? null : DAY.format(writtenOn) + ": " + update.getTextCy())
					.build());
		this.priorities.saveAndFlush(priority);
		return update;
	}

	/**
	 * Closes the priority with its outcome, unless someone else changed it since version.
	 */
	@WithinStaffScope
	@Transactional
	Priority close(StaffUser by, long neighbourhoodId, long priorityId, long version, String outcome,
			@Nullable String outcomeCy) {
		Priority priority = find(neighbourhoodId, priorityId);
		ChangedElsewhereException.requireVersion(priority.getVersion(), version, "Priority " + priorityId);
		Snapshot before = snapshot(priority);
		priority.close(outcome, outcomeCy, LocalDate.now(this.clock));
		this.changeLog.record(by, subject(priority), "change.action.closed", before, snapshot(priority));
		return this.priorities.saveAndFlush(priority);
	}

	/** The priority as the editing pages show it. */
	static Snapshot snapshot(Priority priority) {
		return snapshotWith(priority, priority.getIssue(), priority.getIssueCy(), priority.isOpen(),
				priority.getOutcome(), priority.getOutcomeCy(), priority.getClosedOn());
	}

	/** The saved priority with what someone typed in place of the fields they edit. */
	static Snapshot snapshotWith(Priority saved, @Nullable String issue, @Nullable String issueCy, boolean open,
			@Nullable String outcome, @Nullable String outcomeCy, @Nullable LocalDate closedOn) {
		return Snapshot.of()
			.with("change.field.issue", issue)
			.with("change.field.issue-welsh", TextIn.orNull(issueCy))
			.with("change.field.raised-on", DAY.format(saved.getRaisedOn()))
			.with("change.field.status", Phrase.of(open ? "change.value.open" : "change.value.closed"))
			.with("change.field.outcome", outcome)
			.with("change.field.outcome-welsh", TextIn.orNull(outcomeCy))
			.with("change.field.closed-on", format(closedOn))
			.build();
	}

	private static @Nullable String format(@Nullable LocalDate date) {
		return (date != null) ? DAY.format(date) : null;
	}

	private static Subject subject(Priority priority) {
		return new Subject(SUBJECT_TYPE, priority.getId(), priority.getIssue(), priority.getNeighbourhoodId());
	}

}
