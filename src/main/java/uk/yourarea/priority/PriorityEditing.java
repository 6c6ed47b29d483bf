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
		this.changeLog.record(by, subject(priority), "Added", Snapshot.nothing(),
				Snapshot.of()
					.with("Issue", issue.english())
					.with("Issue in Welsh", issue.welsh())
					.with("Where it came from", origin.label())
					.with("Consultation", consultationQuestion)
					.with("About where it came from", originDetail)
					.with("What we are doing", whatWeAreDoing.english())
					.with("What we are doing in Welsh", whatWeAreDoing.welsh())
					.with("Raised on", DAY.format(raisedOn))
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
		this.changeLog.record(by, subject(priority), "Changed the wording", before, snapshot(priority));
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
		this.changeLog.record(by, subject(priority), "Added an update",
				Snapshot.of()
					.with("Last updated on", DAY.format(lastUpdated))
					.with("Update", null)
					.with("Update in Welsh", null)
					.build(),
				Snapshot.of()
					.with("Last updated on", DAY.format(priority.getUpdatedOn()))
					.with("Update", DAY.format(writtenOn) + ": " + text)
					.with("Update in Welsh",
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
		this.changeLog.record(by, subject(priority), "Closed", before, snapshot(priority));
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
			.with("Issue", issue)
			.with("Issue in Welsh", TextIn.orNull(issueCy))
			.with("Raised on", DAY.format(saved.getRaisedOn()))
			.with("Status", open ? "Open" : "Closed")
			.with("Outcome", outcome)
			.with("Outcome in Welsh", TextIn.orNull(outcomeCy))
			.with("Closed on", format(closedOn))
			.build();
	}

	private static @Nullable String format(@Nullable LocalDate date) {
		return (date != null) ? DAY.format(date) : null;
	}

	private static Subject subject(Priority priority) {
		return new Subject(SUBJECT_TYPE, priority.getId(), priority.getIssue(), priority.getNeighbourhoodId());
	}

}
