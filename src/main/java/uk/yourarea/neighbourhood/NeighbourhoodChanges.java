package uk.yourarea.neighbourhood;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.security.ForWebEditors;
import uk.yourarea.security.StaffUser;
import uk.yourarea.security.WithinStaffScope;
import uk.yourarea.web.FormError;
import uk.yourarea.web.NotFoundException;

/**
 * Adds, changes and retires neighbourhoods, recording each change with its before and
 * after. A renamed neighbourhood keeps its old web addresses ({@link FormerSlug}); a
 * neighbourhood that takes another's old address as its own releases it (the old one's
 * history says so).
 */
@Service
class NeighbourhoodChanges {

	static final String SUBJECT_TYPE = "neighbourhood";

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	/** Thrown when the details break a rule the form cannot check alone. */
	static final class InvalidChange extends RuntimeException {

		private final List<FormError> problems;

		InvalidChange(List<FormError> problems) {
			super(problems.stream().map(FormError::message).collect(Collectors.joining("; ")), null, false, false);
			this.problems = List.copyOf(problems);
		}

		List<FormError> problems() {
			return this.problems;
		}

	}

	/** What retiring a neighbourhood leaves behind, for the confirmation page. */
	record Footprint(long livePostcodes, long teamMembers) {
	}

	private final NeighbourhoodRepository neighbourhoods;

	private final LocalPolicingAreaRepository areas;

	private final FormerSlugRepository formerSlugs;

	private final ChangeLog changeLog;

	private final PostcodeTable postcodes;

	private final TeamSize teamSize;

	private final Clock clock;

	private final MessageSource messages;

	NeighbourhoodChanges(NeighbourhoodRepository neighbourhoods, LocalPolicingAreaRepository areas,
			FormerSlugRepository formerSlugs, ChangeLog changeLog, PostcodeTable postcodes, TeamSize teamSize,
			Clock clock, MessageSource messages) {
		this.neighbourhoods = neighbourhoods;
		this.areas = areas;
		this.formerSlugs = formerSlugs;
		this.changeLog = changeLog;
		this.postcodes = postcodes;
		this.teamSize = teamSize;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * The problems with valid-looking details that only the database can tell: a code or
	 * a web address another neighbourhood has, an unknown or retired local policing area.
	 * @param editing the neighbourhood being changed, or null for a new one
	 */
	@ForWebEditors
	@Transactional(readOnly = true)
	public List<FormError> problems(NeighbourhoodForm form, @Nullable Long editing) {
		List<FormError> problems = new ArrayList<>();
		if (editing == null && form.code() != null) {
			this.neighbourhoods.findFirstByCodeIgnoreCase(form.code())
				.ifPresent((other) -> problems.add(new FormError("code",
						text("neighbourhood.form.code.taken", other.getName(), other.getCode()))));
		}
		String slug = form.slug();
		if (slug != null) {
			this.neighbourhoods.findIncludingRetiredBySlug(slug)
				.filter((other) -> !other.getId().equals(editing))
				.ifPresent((other) -> problems
					.add(new FormError("name", text(other.isRetired() ? "neighbourhood.form.name.slug-retired"
							: "neighbourhood.form.name.slug-taken", slug, other.getName()))));
		}
		if (form.localPolicingAreaId() != null) {
			Optional<LocalPolicingArea> area = this.areas.findById(form.localPolicingAreaId());
			if (area.isEmpty()) {
				problems.add(new FormError("localPolicingAreaId",
						text("neighbourhood.form.local-policing-area.not-listed")));
			}
			else if (area.get().isRetired() && !isIn(editing, area.get())) {
				problems.add(new FormError("localPolicingAreaId",
						text("neighbourhood.form.local-policing-area.retired", area.get().getName())));
			}
		}
		return problems;
	}

	private boolean isIn(@Nullable Long editing, LocalPolicingArea area) {
		return editing != null && this.neighbourhoods.findWithAreaById(editing)
			.map((neighbourhood) -> neighbourhood.getLocalPolicingArea().getId().equals(area.getId()))
			.orElse(false);
	}

	@ForWebEditors
	@Transactional
	public Neighbourhood create(NeighbourhoodForm form, StaffUser by) {
		lockArea(form);
		requireNoProblems(form, null);
		LocalPolicingArea area = this.areas.findById(Objects.requireNonNull(form.localPolicingAreaId())).orElseThrow();
		Neighbourhood neighbourhood = new Neighbourhood(Objects.requireNonNull(form.code()),
				Objects.requireNonNull(form.name()), area);
		neighbourhood.describe(form.description());
		neighbourhood.inWelsh(form.nameCy(), form.descriptionCy());
		neighbourhood.contactDetails(form.email(), form.phone(), form.facebookUrl(), form.xUrl(), form.instagramUrl());
		releaseFormerSlug(neighbourhood.getSlug(), null, by);
		Neighbourhood saved = this.neighbourhoods.save(neighbourhood);
		this.changeLog.record(by, subject(saved), "change.action.created", Snapshot.nothing(), recorded(saved));
		return saved;
	}

	/**
	 * Saves a change made on a form opened at {@code openedVersion}.
	 * @throws ChangedElsewhereException if someone else saved first
	 */
	@ForWebEditors
	@Transactional
	public Neighbourhood update(long id, long openedVersion, NeighbourhoodForm form, StaffUser by) {
		Neighbourhood neighbourhood = find(id);
		ChangedElsewhereException.requireVersion(neighbourhood.getVersion(), openedVersion,
				"Neighbourhood " + neighbourhood.getCode());
		lockArea(form);
		requireNoProblems(form, id);
		Snapshot before = recorded(neighbourhood);
		String oldSlug = neighbourhood.getSlug();
		neighbourhood.rename(Objects.requireNonNull(form.name()));
		neighbourhood.moveTo(this.areas.findById(Objects.requireNonNull(form.localPolicingAreaId())).orElseThrow());
		neighbourhood.describe(form.description());
		neighbourhood.inWelsh(form.nameCy(), form.descriptionCy());
		neighbourhood.contactDetails(form.email(), form.phone(), form.facebookUrl(), form.xUrl(), form.instagramUrl());
		if (!oldSlug.equals(neighbourhood.getSlug())) {
			releaseFormerSlug(neighbourhood.getSlug(), id, by);
			this.formerSlugs.save(new FormerSlug(oldSlug, id, this.clock.instant()));
		}
		this.changeLog.record(by, subject(neighbourhood), "change.action.edited", before, recorded(neighbourhood));
		return neighbourhood;
	}

	@ForWebEditors
	@Transactional
	public Neighbourhood retire(long id, StaffUser by) {
		Neighbourhood neighbourhood = find(id);
		Snapshot before = recorded(neighbourhood);
		neighbourhood.retire(LocalDate.now(this.clock));
		this.changeLog.record(by, subject(neighbourhood), "change.action.retired", before, recorded(neighbourhood));
		return neighbourhood;
	}

	@WithinStaffScope
	@Transactional(readOnly = true)
	public Footprint footprint(long neighbourhoodId) {
		return new Footprint(this.postcodes.livePostcodesIn(neighbourhoodId), this.teamSize.membersOf(neighbourhoodId));
	}

	/** The old web addresses that lead to this neighbourhood, newest first. */
	@WithinStaffScope
	@Transactional(readOnly = true)
	public List<String> formerSlugs(long neighbourhoodId) {
		return this.formerSlugs.findByNeighbourhoodIdOrderByReplacedAtDescSlugAsc(neighbourhoodId)
			.stream()
			.map(FormerSlug::getSlug)
			.toList();
	}

	@WithinStaffScope
	@Transactional(readOnly = true)
	public Neighbourhood find(long neighbourhoodId) {
		return this.neighbourhoods.findWithAreaById(neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + neighbourhoodId));
	}

	/**
	 * A neighbourhood's old address becomes another's current one: it stops leading to
	 * the old one, and the old one's history says so.
	 */
	private void releaseFormerSlug(String slug, @Nullable Long taker, StaffUser by) {
		Optional<FormerSlug> former = this.formerSlugs.findById(slug);
		if (former.isEmpty()) {
			return;
		}
		long ownerId = former.get().getNeighbourhoodId();
		if (Objects.equals(taker, ownerId)) {
			this.formerSlugs.delete(former.get());
			return;
		}
		Neighbourhood owner = find(ownerId);
		Snapshot before = recorded(owner);
		this.formerSlugs.delete(former.get());
		this.formerSlugs.flush();
		this.changeLog.record(by, subject(owner), "change.action.old-address-given-away", before, recorded(owner));
	}

	/** Holds off retiring the chosen area until this change commits. */
	private void lockArea(NeighbourhoodForm form) {
		if (form.localPolicingAreaId() != null) {
			this.areas.findForShareById(form.localPolicingAreaId());
		}
	}

	private void requireNoProblems(NeighbourhoodForm form, @Nullable Long editing) {
		List<FormError> problems = problems(form, editing);
		if (!problems.isEmpty()) {
			throw new InvalidChange(problems);
		}
	}

	static Subject subject(Neighbourhood neighbourhood) {
		return new Subject(SUBJECT_TYPE, neighbourhood.getId(), neighbourhood.getName(), neighbourhood.getId());
	}

	/** The neighbourhood as its history shows it. */
	Snapshot recorded(Neighbourhood neighbourhood) {
		List<String> former = (neighbourhood.getId() != null) ? formerSlugs(neighbourhood.getId()) : List.of();
		LocalDate retiredOn = neighbourhood.getRetiredOn();
		return Snapshot.of()
			.with("change.field.code", neighbourhood.getCode())
			.with("change.field.name", neighbourhood.getName())
			.with("change.field.web-address", "/area/" + neighbourhood.getSlug())
			.with("change.field.old-web-addresses",
					former.stream().map((slug) -> "/area/" + slug).collect(Collectors.joining(", ")))
			.with("change.field.name-welsh", neighbourhood.getNameCy())
			.with("change.field.description", neighbourhood.getDescription())
			.with("change.field.description-welsh", neighbourhood.getDescriptionCy())
			.with("change.field.local-policing-area", neighbourhood.getLocalPolicingArea().getName())
			.with("change.field.email", neighbourhood.getEmail())
			.with("change.field.telephone", neighbourhood.getPhone())
			.with("change.field.facebook", neighbourhood.getFacebookUrl())
			.with("change.field.x", neighbourhood.getXUrl())
			.with("change.field.instagram", neighbourhood.getInstagramUrl())
			.with("change.field.retired-on", (retiredOn != null) ? DAY.format(retiredOn) : null)
			.build();
	}

	/** The fields of the change form, as saved now: to compare with what was typed. */
	static Snapshot editable(Neighbourhood neighbourhood) {
		return editable(neighbourhood.getName(), neighbourhood.getNameCy(), neighbourhood.getDescription(),
				neighbourhood.getDescriptionCy(), neighbourhood.getLocalPolicingArea().getName(),
				neighbourhood.getEmail(), neighbourhood.getPhone(), neighbourhood.getFacebookUrl(),
				neighbourhood.getXUrl(), neighbourhood.getInstagramUrl());
	}

	/** The fields of the change form, as typed. */
	@ForWebEditors
	@Transactional(readOnly = true)
	public Snapshot editable(NeighbourhoodForm form) {
		String area = (form.localPolicingAreaId() != null)
				? this.areas.findById(form.localPolicingAreaId()).map(LocalPolicingArea::getName).orElse(null) : null;
		return editable(form.name(), form.nameCy(), form.description(), form.descriptionCy(), area, form.email(),
				form.phone(), form.facebookUrl(), form.xUrl(), form.instagramUrl());
	}

	private static Snapshot editable(@Nullable String name, @Nullable String nameCy, @Nullable String description,
			@Nullable String descriptionCy, @Nullable String area, @Nullable String email, @Nullable String phone,
			@Nullable String facebook, @Nullable String x, @Nullable String instagram) {
		return Snapshot.of()
			.with("change.field.name", name)
			.with("change.field.name-welsh", nameCy)
			.with("change.field.description", description)
			.with("change.field.description-welsh", descriptionCy)
			.with("change.field.local-policing-area", area)
			.with("change.field.email", email)
			.with("change.field.telephone", phone)
			.with("change.field.facebook", facebook)
			.with("change.field.x", x)
			.with("change.field.instagram", instagram)
			.build();
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
