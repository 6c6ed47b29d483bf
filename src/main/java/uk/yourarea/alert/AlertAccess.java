package uk.yourarea.alert;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffScope;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.NotFoundException;

/**
 * Who may write alerts where, and which alerts they may see; every refusal is a
 * {@link NotFoundException}, as if the alert or the neighbourhood did not exist.
 * <ul>
 * <li>officers: the neighbourhoods they belong to;</li>
 * <li>supervisors: every neighbourhood of their local policing areas, and their own;</li>
 * <li>web editors and administrators: any neighbourhood, a whole local policing area or
 * the whole force;</li>
 * <li>anyone else (the data protection desk): nothing.</li>
 * </ul>
 * An alert is seen by those who may write to all its neighbourhoods (web editors and
 * administrators: every alert). A draft is changed by its author, or by a web editor or
 * administrator.
 */
@Component
class AlertAccess {

	private final StaffScope scope;

	private final NeighbourhoodDirectory directory;

	AlertAccess(StaffScope scope, NeighbourhoodDirectory directory) {
		this.scope = scope;
		this.directory = directory;
	}

	/**
	 * Where one member of staff may write.
	 *
	 * @param neighbourhoods the live neighbourhoods, by area and name
	 * @param areasAndForce whether they may write to a whole area or the force
	 */
	record Targets(List<NeighbourhoodSummary> neighbourhoods, boolean areasAndForce) {

		Set<Long> neighbourhoodIds() {
			return this.neighbourhoods.stream().map(NeighbourhoodSummary::id).collect(Collectors.toSet());
		}

		boolean isEmpty() {
			return this.neighbourhoods.isEmpty() && !this.areasAndForce;
		}

	}

	static boolean writesEverywhere(StaffUser user) {
		return user.hasAnyRole(StaffRole.WEB_EDITOR, StaffRole.ADMIN);
	}

	Targets targetsOf(StaffUser user) {
		if (writesEverywhere(user)) {
			return new Targets(live(this.directory.all()), true);
		}
		if (!user.hasAnyRole(StaffRole.OFFICER, StaffRole.SUPERVISOR)) {
			return new Targets(List.of(), false);
		}
		return new Targets(live(this.directory.byIds(this.scope.neighbourhoodIdsVisibleTo(user))), false);
	}

	/**
	 * Throws a 404 unless this member of staff may write to everyone the draft is for.
	 */
	void requireMayWrite(StaffUser user, AlertDraft draft) {
		Targets targets = targetsOf(user);
		boolean allowed = switch (draft.reach()) {
			case NEIGHBOURHOODS ->
				!draft.neighbourhoodIds().isEmpty() && targets.neighbourhoodIds().containsAll(draft.neighbourhoodIds());
			case AREA -> targets.areasAndForce() && draft.areaId() != null
					&& this.directory.areas().stream().anyMatch((area) -> area.id() == draft.areaId());
			case FORCE -> targets.areasAndForce();
		};
		if (!allowed) {
			throw new NotFoundException("Not where " + user.email() + " may write alerts");
		}
	}

	/** Whether this member of staff may see the alert. */
	boolean maySee(StaffUser user, Alert alert) {
		return visibleTo(user).test(alert);
	}

	/** The test of {@link #maySee}, asking the database once for a list of alerts. */
	Predicate<Alert> visibleTo(StaffUser user) {
		if (writesEverywhere(user)) {
			return (alert) -> true;
		}
		if (!user.hasAnyRole(StaffRole.OFFICER, StaffRole.SUPERVISOR)) {
			return (alert) -> false;
		}
		Set<Long> own = this.scope.neighbourhoodIdsVisibleTo(user);
		return (alert) -> {
			Set<Long> reached = switch (alert.getReach()) {
				case NEIGHBOURHOODS -> alert.getNeighbourhoodIds();
				case AREA -> neighbourhoodsOfArea(alert.getLocalPolicingAreaId());
				case FORCE -> Set.of();
			};
			return !reached.isEmpty() && own.containsAll(reached);
		};
	}

	void requireMaySee(StaffUser user, Alert alert) {
		if (!maySee(user, alert)) {
			throw new NotFoundException("Not an alert " + user.email() + " may see: " + alert.getId());
		}
	}

	/** Its author, or a web editor or administrator, may change or send a draft. */
	boolean mayChange(StaffUser user, Alert alert) {
		return alert.isDraft() && (alert.getAuthorId() == user.id() || writesEverywhere(user)) && maySee(user, alert);
	}

	/**
	 * Anyone who may see an alert may stop it before it goes: a sergeant can stop an
	 * officer's alert without waiting for them.
	 */
	boolean mayCancel(StaffUser user, Alert alert) {
		return alert.isCancellable() && maySee(user, alert);
	}

	/** Another web editor or administrator, never the author. */
	boolean mayApprove(StaffUser user, Alert alert) {
		return alert.getStatus() == AlertStatus.AWAITING_APPROVAL && writesEverywhere(user)
				&& alert.getAuthorId() != user.id();
	}

	private Set<Long> neighbourhoodsOfArea(@org.jspecify.annotations.Nullable Long areaId) {
		if (areaId == null) {
			return Set.of();
		}
		return this.directory.all()
			.stream()
			.filter((neighbourhood) -> !neighbourhood.retired() && neighbourhood.area().id() == areaId)
			.map(NeighbourhoodSummary::id)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static List<NeighbourhoodSummary> live(List<NeighbourhoodSummary> neighbourhoods) {
		return neighbourhoods.stream().filter((neighbourhood) -> !neighbourhood.retired()).toList();
	}

}
