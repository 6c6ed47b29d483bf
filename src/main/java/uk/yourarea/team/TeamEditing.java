package uk.yourarea.team;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.ForWebEditors;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.Phrase;

/**
 * Changes to neighbourhood teams, each recorded in the change log in the same
 * transaction: members added, changed, reordered, moved and removed; the named officer
 * chosen and their details confirmed; photos added, described and removed.
 */
@ForWebEditors
@Service
class TeamEditing {

	static final String SUBJECT_TYPE = "team-member";

	static final int CONFIRMATION_MONTHS = NamedOfficers.CONFIRMATION_MONTHS;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final TeamMemberRepository members;

	private final NeighbourhoodDirectory neighbourhoods;

	private final Photos photos;

	private final ChangeLog changes;

	private final Clock clock;

	TeamEditing(TeamMemberRepository members, NeighbourhoodDirectory neighbourhoods, Photos photos, ChangeLog changes,
			Clock clock) {
		this.members = members;
		this.neighbourhoods = neighbourhoods;
		this.photos = photos;
		this.changes = changes;
		this.clock = clock;
	}

	/** What an editor types about a member. */
	record Details(String name, Role role, @Nullable String collarNumber, @Nullable String bio,
			@Nullable String bioCy) {
	}

	/** The named officer cannot take a role other than PC or PCSO. */
	static class NamedOfficerRoleException extends RuntimeException {

		NamedOfficerRoleException() {
			super("The named officer must be a PC or a PCSO", null, false, false);
		}

	}

	/** Only a PC or a PCSO may be chosen as the named officer. */
	static class NotEligibleException extends RuntimeException {

		NotEligibleException() {
			super("Only a PC or a PCSO can be the named officer", null, false, false);
		}

	}

	@Transactional(readOnly = true)
	NeighbourhoodSummary neighbourhood(long id) {
		return this.neighbourhoods.byId(id).orElseThrow(() -> new NotFoundException("No neighbourhood " + id));
	}

	@Transactional(readOnly = true)
	List<NeighbourhoodSummary> allNeighbourhoods() {
		// A member cannot be moved to a retired neighbourhood.
		return this.neighbourhoods.all().stream().filter((n) -> !n.retired()).toList();
	}

	@Transactional(readOnly = true)
	List<TeamMember> teamOf(long neighbourhoodId) {
		return this.members.findByNeighbourhoodIdOrderByDisplayOrderAscNameAsc(neighbourhoodId);
	}

	/** A member of this neighbourhood's team; a member of another team is not found. */
	@Transactional(readOnly = true)
	TeamMember member(long neighbourhoodId, long memberId) {
		return load(neighbourhoodId, memberId);
	}

	@Transactional
	TeamMember add(StaffUser by, long neighbourhoodId, Details details) {
		NeighbourhoodSummary neighbourhood = neighbourhood(neighbourhoodId);
		TeamMember member = this.members.save(new TeamMember(neighbourhoodId, details.name(), details.role(),
				details.collarNumber(), details.bio(), this.members.lastPositionIn(neighbourhoodId) + 1));
		member.bioInWelsh(details.bioCy());
		this.changes.record(by, subject(member), "change.action.added-to-team", Snapshot.nothing(),
				snapshot(member, neighbourhood));
		return member;
	}

	@Transactional
	TeamMember edit(StaffUser by, long neighbourhoodId, long memberId, long openedVersion, Details details) {
		TeamMember member = load(neighbourhoodId, memberId);
		ChangedElsewhereException.requireVersion(member.getVersion(), openedVersion, "Team member " + member.getId());
		if (member.isNamedOfficer() && !details.role().canBeNamedOfficer()) {
			throw new NamedOfficerRoleException();
		}
		NeighbourhoodSummary neighbourhood = neighbourhood(neighbourhoodId);
		Snapshot before = snapshot(member, neighbourhood);
		member.change(details.name(), details.role(), details.collarNumber(), details.bio());
		member.bioInWelsh(details.bioCy());
		this.members.saveAndFlush(member);
		this.changes.record(by, subject(member), "change.action.changed", before, snapshot(member, neighbourhood));
		return member;
	}

	/**
	 * Moves a member one place up ({@code -1}) or down ({@code +1}) the team list; the
	 * positions are renumbered 1, 2, 3… on the way.
	 */
	@Transactional
	void reorder(StaffUser by, long neighbourhoodId, long memberId, int step) {
		TeamMember member = load(neighbourhoodId, memberId);
		List<TeamMember> team = new ArrayList<>(teamOf(neighbourhoodId));
		int from = team.indexOf(member);
		int to = from + step;
		if (to < 0 || to >= team.size()) {
			return;
		}
		team.remove(from);
		team.add(to, member);
		for (int i = 0; i < team.size(); i++) {
			team.get(i).placeAt(i + 1);
		}
		this.changes.record(by, subject(member), (step < 0) ? "change.action.moved-up" : "change.action.moved-down",
				Snapshot.of().with("change.field.position", from + 1).build(),
				Snapshot.of().with("change.field.position", to + 1).build());
	}

	/**
	 * Moves a member to another neighbourhood's team, at the end of its list. A named
	 * officer stops being one: the old neighbourhood has none until someone is chosen.
	 * Recorded on both neighbourhoods' pages.
	 */
	@Transactional
	TeamMember moveTo(StaffUser by, long neighbourhoodId, long memberId, long openedVersion, long targetId) {
		TeamMember member = load(neighbourhoodId, memberId);
		ChangedElsewhereException.requireVersion(member.getVersion(), openedVersion, "Team member " + member.getId());
		NeighbourhoodSummary from = neighbourhood(neighbourhoodId);
		NeighbourhoodSummary to = neighbourhood(targetId);
		if (targetId == neighbourhoodId) {
			throw new IllegalArgumentException("Already in " + from.name());
		}
		Snapshot before = snapshot(member, from);
		member.moveTo(targetId, this.members.lastPositionIn(targetId) + 1);
		this.members.saveAndFlush(member);
		Snapshot after = snapshot(member, to);
		Subject subject = subject(member);
		this.changes.record(by, new Subject(SUBJECT_TYPE, member.getId(), member.getTitledName(), neighbourhoodId),
				Phrase.of("change.action.moved-to", to.name()), before, after);
		this.changes.record(by, subject, Phrase.of("change.action.moved-from", from.name()), before, after);
		return member;
	}

	@Transactional
	void remove(StaffUser by, long neighbourhoodId, long memberId, long openedVersion) {
		TeamMember member = load(neighbourhoodId, memberId);
		ChangedElsewhereException.requireVersion(member.getVersion(), openedVersion, "Team member " + member.getId());
		Snapshot before = snapshot(member, neighbourhood(neighbourhoodId));
		Subject subject = subject(member);
		Long photoId = member.getPhotoId();
		this.members.delete(member);
		this.members.flush();
		if (photoId != null) {
			this.photos.deleteIfUnused(photoId);
		}
		this.changes.record(by, subject, "change.action.removed-from-team", before, Snapshot.nothing());
	}

	/**
	 * Makes a PC or PCSO the named officer, with their details confirmed today, in place
	 * of the previous one; {@code null} leaves the neighbourhood without one.
	 */
	@Transactional
	void chooseNamedOfficer(StaffUser by, long neighbourhoodId, @Nullable Long memberId) {
		NeighbourhoodSummary neighbourhood = neighbourhood(neighbourhoodId);
		TeamMember chosen = (memberId != null) ? load(neighbourhoodId, memberId) : null;
		if (chosen != null && !chosen.getRole().canBeNamedOfficer()) {
			throw new NotEligibleException();
		}
		Optional<TeamMember> previous = this.members.findByNeighbourhoodIdAndNamedOfficerTrue(neighbourhoodId);
		if (previous.isPresent() && previous.get() != chosen) {
			TeamMember old = previous.get();
			Snapshot before = snapshot(old, neighbourhood);
			old.stopBeingNamedOfficer();
			// Flushed first: the database allows one named officer per neighbourhood.
			this.members.saveAndFlush(old);
			this.changes.record(by, subject(old), "change.action.no-longer-named-officer", before,
					snapshot(old, neighbourhood));
		}
		if (chosen != null) {
			Snapshot before = snapshot(chosen, neighbourhood);
			chosen.makeNamedOfficer(LocalDate.now(this.clock));
			this.members.saveAndFlush(chosen);
			this.changes.record(by, subject(chosen), "change.action.made-named-officer", before,
					snapshot(chosen, neighbourhood));
		}
	}

	/** Stamps today as the day the named officer's details were last confirmed. */
	@Transactional
	void confirmDetails(StaffUser by, long neighbourhoodId, long memberId) {
		TeamMember member = load(neighbourhoodId, memberId);
		if (!member.isNamedOfficer()) {
			throw new NotFoundException("Not the named officer");
		}
		NeighbourhoodSummary neighbourhood = neighbourhood(neighbourhoodId);
		Snapshot before = snapshot(member, neighbourhood);
		member.confirmDetails(LocalDate.now(this.clock));
		this.members.saveAndFlush(member);
		this.changes.record(by, subject(member), "change.action.details-confirmed", before,
				snapshot(member, neighbourhood));
	}

	/** Shows a checked photo, with its description, in place of any earlier one. */
	@Transactional
	void usePhoto(StaffUser by, long neighbourhoodId, long memberId, long openedVersion, PhotoChecks.Prepared photo,
			String alt, @Nullable String altCy) {
		TeamMember member = load(neighbourhoodId, memberId);
		ChangedElsewhereException.requireVersion(member.getVersion(), openedVersion, "Team member " + member.getId());
		NeighbourhoodSummary neighbourhood = neighbourhood(neighbourhoodId);
		Snapshot before = snapshot(member, neighbourhood);
		Long oldPhotoId = member.getPhotoId();
		long photoId = this.photos.store(photo);
		member.showPhoto(photoId, photo.hash(), alt, altCy);
		this.members.saveAndFlush(member);
		if (oldPhotoId != null && oldPhotoId != photoId) {
			this.photos.deleteIfUnused(oldPhotoId);
		}
		this.changes.record(by, subject(member),
				(oldPhotoId == null) ? "change.action.photo-added" : "change.action.photo-replaced", before,
				snapshot(member, neighbourhood));
	}

	/** Changes the description of the photo shown, keeping the photo. */
	@Transactional
	void describePhoto(StaffUser by, long neighbourhoodId, long memberId, long openedVersion, String alt,
			@Nullable String altCy) {
		TeamMember member = load(neighbourhoodId, memberId);
		ChangedElsewhereException.requireVersion(member.getVersion(), openedVersion, "Team member " + member.getId());
		NeighbourhoodSummary neighbourhood = neighbourhood(neighbourhoodId);
		Snapshot before = snapshot(member, neighbourhood);
		member.describePhoto(alt, altCy);
		this.members.saveAndFlush(member);
		this.changes.record(by, subject(member), "change.action.photo-description-changed", before,
				snapshot(member, neighbourhood));
	}

	@Transactional
	void removePhoto(StaffUser by, long neighbourhoodId, long memberId, long openedVersion) {
		TeamMember member = load(neighbourhoodId, memberId);
		ChangedElsewhereException.requireVersion(member.getVersion(), openedVersion, "Team member " + member.getId());
		Long photoId = member.getPhotoId();
		if (photoId == null) {
			return;
		}
		NeighbourhoodSummary neighbourhood = neighbourhood(neighbourhoodId);
		Snapshot before = snapshot(member, neighbourhood);
		member.removePhoto();
		this.members.saveAndFlush(member);
		this.photos.deleteIfUnused(photoId);
		this.changes.record(by, subject(member), "change.action.photo-removed", before,
				snapshot(member, neighbourhood));
	}

	/**
	 * Whether the named officer's details were confirmed too long ago for the Guarantee.
	 */
	boolean confirmationIsStale(TeamMember member) {
		LocalDate confirmed = member.getNameConfirmedOn();
		return confirmed != null && confirmed.isBefore(LocalDate.now(this.clock).minusMonths(CONFIRMATION_MONTHS));
	}

	/**
	 * The fields of the add and change form, as the change log and conflicts show them.
	 */
	static Snapshot formSnapshot(@Nullable String name, @Nullable Role role, @Nullable String collarNumber,
			@Nullable String bio, @Nullable String bioCy) {
		return Snapshot.of()
			.with("change.field.name", name)
			.with("change.field.role", (role != null) ? Phrase.of(role.changeKey()) : null)
			.with("change.field.collar-number", collarNumber)
			.with("change.field.about", bio)
			.with("change.field.about-welsh", bioCy)
			.build();
	}

	static Snapshot formSnapshot(TeamMember member) {
		return formSnapshot(member.getName(), member.getRole(), member.getCollarNumber(), member.getBio(),
				member.getBioCy());
	}

	/** The photo fields, as the change log and conflicts show them. */
	static Snapshot photoSnapshot(@Nullable String photoPath, @Nullable String alt, @Nullable String altCy) {
		return Snapshot.of()
			.with("change.field.photo", photoName(photoPath))
			.with("change.field.photo-description", alt)
			.with("change.field.photo-description-welsh", altCy)
			.build();
	}

	private static Snapshot snapshot(TeamMember member, NeighbourhoodSummary neighbourhood) {
		Snapshot.Builder builder = Snapshot.of();
		formSnapshot(member).fields().forEach(builder::with);
		photoSnapshot(member.getPhotoPath(), member.getPhotoAlt(), member.getPhotoAltCy()).fields()
			.forEach(builder::with);
		return builder.with("change.field.named-officer", namedOfficer(member))
			.with("change.field.neighbourhood", neighbourhood.name())
			.build();
	}

	static Phrase namedOfficer(TeamMember member) {
		if (!member.isNamedOfficer()) {
			return Phrase.of("change.value.no");
		}
		LocalDate confirmed = member.getNameConfirmedOn();
		return (confirmed != null) ? Phrase.of("change.value.named-officer-confirmed", DAY.format(confirmed))
				: Phrase.of("change.value.yes");
	}

	/** "Photo 1a2b3c4d" (the start of its content hash), or empty without one. */
	private static @Nullable Phrase photoName(@Nullable String photoPath) {
		if (photoPath == null) {
			return null;
		}
		String file = photoPath.substring(photoPath.lastIndexOf('/') + 1);
		return Phrase.of("change.value.photo", file.substring(0, Math.min(8, file.length())));
	}

	private static Subject subject(TeamMember member) {
		return new Subject(SUBJECT_TYPE, member.getId(), member.getTitledName(), member.getNeighbourhoodId());
	}

	private TeamMember load(long neighbourhoodId, long memberId) {
		return this.members.findById(memberId)
			.filter((member) -> member.getNeighbourhoodId() == neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No team member " + memberId + " in " + neighbourhoodId));
	}

}
