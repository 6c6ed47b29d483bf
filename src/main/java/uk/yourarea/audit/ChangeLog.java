package uk.yourarea.audit;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.security.ForWebEditors;
import uk.yourarea.security.OutOfScopeIsNotFound;
import uk.yourarea.security.StaffUser;
import uk.yourarea.security.WithinStaffScope;
import uk.yourarea.web.Phrase;
import uk.yourarea.web.PublicContentChanged;

/**
 * Records who changed what the public sees, and reads the history back.
 * <p>
 * {@link #record} joins the caller's transaction, so the change and its record are saved
 * together or not at all. It also announces {@link PublicContentChanged}, which empties
 * the public page caches once the transaction commits: whatever records a change never
 * has to remember to evict a cache.
 */
@Service
public class ChangeLog {

	static final int HISTORY_LIMIT = 200;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

	private final ChangeRecordRepository records;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final MessageSource messages;

	ChangeLog(ChangeRecordRepository records, ApplicationEventPublisher events, Clock clock, MessageSource messages) {
		this.records = records;
		this.events = events;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * Records one change: every field whose value differs between {@code before} and
	 * {@code after} (all of {@code after} for something new, all of {@code before} for
	 * something removed). An edit that changed nothing is not recorded, but still
	 * announced.
	 * @param action the key in staff.properties of what was done, in a few words:
	 * {@code change.action.created} ("Created"), {@code change.action.made-named-officer}
	 * ("Made the named officer")
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(StaffUser by, Subject subject, String action, Snapshot before, Snapshot after) {
		record(by, subject, Phrase.of(action), before, after);
	}

	/**
	 * Records one change whose action has arguments ({@code change.action.moved-to}, the
	 * neighbourhood): see
	 * {@link #record(StaffUser, Subject, String, Snapshot, Snapshot)}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(StaffUser by, Subject subject, Phrase action, Snapshot before, Snapshot after) {
		List<ChangeRecord.FieldChange> fields = before.fieldsDifferentFrom(after)
			.stream()
			.map((field) -> ChangeRecord.FieldChange.of(field, before.get(field), after.get(field)))
			.toList();
		boolean onlyAnEdit = !before.fields().isEmpty() && !after.fields().isEmpty();
		if (!(fields.isEmpty() && onlyAnEdit)) {
			this.records.save(new ChangeRecord(subject, action, by.id(), by.name(), this.clock.instant(), fields));
		}
		this.events.publishEvent(new PublicContentChanged(subject.type(), subject.id(), subject.neighbourhoodId()));
	}

	/**
	 * The changes to one thing, newest first. Only for someone who may edit it: the
	 * editors of its neighbourhood if it belongs to one, else web editors and
	 * administrators; anyone else gets a 404, as if there were none.
	 */
	@PostAuthorize("""
			returnObject.isEmpty() or (returnObject[0].neighbourhoodId != null
				? @staffScope.mayWorkIn(authentication, returnObject[0].neighbourhoodId)
				: hasAnyRole('WEB_EDITOR', 'ADMIN'))""")
	@HandleAuthorizationDenied(handlerClass = OutOfScopeIsNotFound.class)
	@Transactional(readOnly = true)
	public List<ChangeRecord> historyOf(String subjectType, long subjectId) {
		return this.records.findBySubjectTypeAndSubjectIdOrderByChangedAtDescIdDesc(subjectType, subjectId,
				Limit.of(HISTORY_LIMIT));
	}

	/**
	 * Whether something force-wide (a local policing area, the coverage) has any recorded
	 * change, for its editors' pages to offer a link to its history.
	 */
	@ForWebEditors
	@Transactional(readOnly = true)
	public boolean hasHistory(String subjectType, long subjectId) {
		return this.records.existsBySubjectTypeAndSubjectId(subjectType, subjectId);
	}

	/** Every change that showed on one neighbourhood's Your Area page, newest first. */
	@WithinStaffScope
	@Transactional(readOnly = true)
	public List<ChangeRecord> historyOfNeighbourhoodPage(long neighbourhoodId) {
		return this.records.findByNeighbourhoodIdOrderByChangedAtDescIdDesc(neighbourhoodId, Limit.of(HISTORY_LIMIT));
	}

	/**
	 * What to show when someone else saved first: who and when (from the latest record of
	 * this thing) and each field where the saved version differs from what was typed.
	 */
	@Transactional(readOnly = true)
	public EditConflict conflict(String subjectType, long subjectId, Snapshot saved, Snapshot yours) {
		var latest = this.records.findFirstBySubjectTypeAndSubjectIdOrderByChangedAtDescIdDesc(subjectType, subjectId);
		Locale locale = LocaleContextHolder.getLocale();
		String by = latest.map(ChangeRecord::getChangedByName)
			.orElseGet(() -> this.messages.getMessage("audit.conflict.someone-else", null, locale));
		String when = latest.map((record) -> formatWhen(record.getChangedAt())).orElse("");
		List<EditConflict.Difference> differences = saved.fieldsDifferentFrom(yours)
			.stream()
			.map((field) -> new EditConflict.Difference(words(field, locale), words(saved.get(field), locale),
					words(yours.get(field), locale)))
			.toList();
		return new EditConflict(by, when, differences,
				this.messages.getMessage("audit.conflict.message", new Object[] { by }, locale));
	}

	private String words(Phrase phrase, Locale locale) {
		return phrase.in(this.messages, locale);
	}

	/**
	 * "23 November 2026 at 2:15pm", for the history page. Public: templates call it
	 * through the proxy.
	 */
	public String formatWhen(java.time.Instant instant) {
		var at = instant.atZone(this.clock.getZone());
		return this.messages.getMessage("audit.when",
				new Object[] { DAY.format(at), TIME.format(at).replace("AM", "am").replace("PM", "pm") },
				LocaleContextHolder.getLocale());
	}

}
