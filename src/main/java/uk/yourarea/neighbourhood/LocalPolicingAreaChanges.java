package uk.yourarea.neighbourhood;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.security.ForWebEditors;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.FormError;
import uk.yourarea.web.NotFoundException;

/**
 * Adds, changes and retires local policing areas, recording each change. An area with
 * live neighbourhoods cannot be retired; a retired area gets no new neighbourhoods.
 */
@ForWebEditors
@Service
class LocalPolicingAreaChanges {

	static final String SUBJECT_TYPE = "local-policing-area";

	/** Thrown when an area cannot be retired because neighbourhoods are still in it. */
	static final class StillHasNeighbourhoods extends RuntimeException {

		private final List<String> names;

		StillHasNeighbourhoods(List<String> names) {
			super(names.size() + " live neighbourhoods", null, false, false);
			this.names = List.copyOf(names);
		}

		List<String> names() {
			return this.names;
		}

	}

	/** One row of the list: an area and how many live neighbourhoods it has. */
	record Row(LocalPolicingArea area, long liveNeighbourhoods) {
	}

	private final LocalPolicingAreaRepository areas;

	private final NeighbourhoodRepository neighbourhoods;

	private final ChangeLog changeLog;

	private final Clock clock;

	private final MessageSource messages;

	LocalPolicingAreaChanges(LocalPolicingAreaRepository areas, NeighbourhoodRepository neighbourhoods,
			ChangeLog changeLog, Clock clock, MessageSource messages) {
		this.areas = areas;
		this.neighbourhoods = neighbourhoods;
		this.changeLog = changeLog;
		this.clock = clock;
		this.messages = messages;
	}

	/** Every area, live ones first, each A to Z. */
	@Transactional(readOnly = true)
	public List<Row> list() {
		Map<Long, Long> counts = new HashMap<>();
		for (Object[] row : this.neighbourhoods.countLiveByArea()) {
			counts.put((Long) row[0], (Long) row[1]);
		}
		List<Row> rows = new ArrayList<>();
		for (boolean retired : new boolean[] { false, true }) {
			this.areas.findAllByOrderByNameAsc()
				.stream()
				.filter((area) -> area.isRetired() == retired)
				.forEach((area) -> rows.add(new Row(area, counts.getOrDefault(area.getId(), 0L))));
		}
		return rows;
	}

	/** The areas a neighbourhood may be put in, A to Z. */
	@Transactional(readOnly = true)
	public List<LocalPolicingArea> live() {
		return this.areas.findByRetiredOnIsNullOrderByNameAsc();
	}

	@Transactional(readOnly = true)
	public LocalPolicingArea find(long id) {
		return this.areas.findById(id).orElseThrow(() -> new NotFoundException("No local policing area " + id));
	}

	/** The names of the area's live neighbourhoods, A to Z. */
	@Transactional(readOnly = true)
	public List<String> liveNeighbourhoodNames(long id) {
		return this.neighbourhoods.findLiveInArea(id).stream().map(Neighbourhood::getName).toList();
	}

	/** Problems only the database can tell: a code or a name another area has. */
	@Transactional(readOnly = true)
	public List<FormError> problems(LocalPolicingAreaForm form, @Nullable Long editing) {
		List<FormError> problems = new ArrayList<>();
		if (editing == null && form.code() != null) {
			this.areas.findFirstByCodeIgnoreCase(form.code())
				.ifPresent((other) -> problems.add(new FormError("code",
						text("neighbourhood.area-form.code.taken", other.getName(), other.getCode()))));
		}
		if (form.name() != null) {
			this.areas.findFirstByNameIgnoreCase(form.name())
				.filter((other) -> !other.getId().equals(editing))
				.ifPresent((other) -> problems
					.add(new FormError("name", text("neighbourhood.area-form.name.taken", other.getName()))));
		}
		if (form.commanderRank() != null && form.commanderName() == null) {
			problems.add(new FormError("commanderName", text("neighbourhood.area-form.commander-name.required")));
		}
		return problems;
	}

	@Transactional
	public LocalPolicingArea create(LocalPolicingAreaForm form, StaffUser by) {
		requireNoProblems(form, null);
		LocalPolicingArea area = this.areas.save(new LocalPolicingArea(Objects.requireNonNull(form.code()),
				Objects.requireNonNull(form.name()), form.commanderName(), form.commanderRank()));
		area.nameInWelsh(form.nameCy());
		this.changeLog.record(by, subject(area), "change.action.created", Snapshot.nothing(), recorded(area));
		return area;
	}

	/**
	 * @throws ChangedElsewhereException if someone else saved since the form was opened
	 */
	@Transactional
	public LocalPolicingArea update(long id, long openedVersion, LocalPolicingAreaForm form, StaffUser by) {
		LocalPolicingArea area = find(id);
		ChangedElsewhereException.requireVersion(area.getVersion(), openedVersion,
				"Local policing area " + area.getCode());
		requireNoProblems(form, id);
		Snapshot before = recorded(area);
		area.edit(Objects.requireNonNull(form.name()), form.commanderName(), form.commanderRank());
		area.nameInWelsh(form.nameCy());
		this.changeLog.record(by, subject(area), "change.action.edited", before, recorded(area));
		return area;
	}

	/**
	 * @throws StillHasNeighbourhoods if live neighbourhoods are still in the area
	 */
	@Transactional
	public LocalPolicingArea retire(long id, StaffUser by) {
		LocalPolicingArea area = this.areas.findForUpdateById(id)
			.orElseThrow(() -> new NotFoundException("No local policing area " + id));
		List<String> live = liveNeighbourhoodNames(id);
		if (!live.isEmpty()) {
			throw new StillHasNeighbourhoods(live);
		}
		Snapshot before = recorded(area);
		area.retire(LocalDate.now(this.clock));
		this.changeLog.record(by, subject(area), "change.action.retired", before, recorded(area));
		return area;
	}

	private void requireNoProblems(LocalPolicingAreaForm form, @Nullable Long editing) {
		List<FormError> problems = problems(form, editing);
		if (!problems.isEmpty()) {
			throw new NeighbourhoodChanges.InvalidChange(problems);
		}
	}

	static Subject subject(LocalPolicingArea area) {
		return new Subject(SUBJECT_TYPE, area.getId(), area.getName(), null);
	}

	static Snapshot recorded(LocalPolicingArea area) {
		LocalDate retiredOn = area.getRetiredOn();
		return Snapshot.of()
			.with("change.field.code", area.getCode())
			.with("change.field.name", area.getName())
			.with("change.field.name-welsh", area.getNameCy())
			.with("change.field.commander-name", area.getCommanderName())
			.with("change.field.commander-rank", area.getCommanderRank())
			.with("change.field.retired-on", (retiredOn != null) ? NeighbourhoodChanges.DAY.format(retiredOn) : null)
			.build();
	}

	static Snapshot editable(LocalPolicingArea area) {
		return editable(area.getName(), area.getNameCy(), area.getCommanderName(), area.getCommanderRank());
	}

	static Snapshot editable(LocalPolicingAreaForm form) {
		return editable(form.name(), form.nameCy(), form.commanderName(), form.commanderRank());
	}

	private static Snapshot editable(@Nullable String name, @Nullable String nameCy, @Nullable String commanderName,
			@Nullable String commanderRank) {
		return Snapshot.of()
			.with("change.field.name", name)
			.with("change.field.name-welsh", nameCy)
			.with("change.field.commander-name", commanderName)
			.with("change.field.commander-rank", commanderRank)
			.build();
	}

	static String names(List<String> names) {
		return names.stream().collect(Collectors.joining(", "));
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
