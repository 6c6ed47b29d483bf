package uk.yourarea.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.NotFoundException;

/**
 * What staff do with alerts: write and change drafts, send them now or later, cancel them
 * before they go, and approve force-wide ones when the force asks for that. Every method
 * checks who is asking ({@link AlertAccess}): what is not theirs is a 404, whichever page
 * or code calls it. Changes of status lock the alert first, so a double click, two people
 * at once or the sender picking it up never act twice.
 */
@Service
class AlertComposing {

	private static final Logger log = LoggerFactory.getLogger(AlertComposing.class);

	private final AlertRepository alerts;

	private final AlertAccess access;

	private final StaffAccounts accounts;

	private final AlertProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AlertComposing(AlertRepository alerts, AlertAccess access, StaffAccounts accounts, AlertProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.alerts = alerts;
		this.access = access;
		this.accounts = accounts;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	/** What happened to an alert sent. */
	enum Sent {

		SCHEDULED, AWAITING_APPROVAL,

		/** It had been sent already (a second click): nothing changed. */
		ALREADY

	}

	/** An alert with what the person looking at it may do with it. */
	record Shown(Alert alert, String authorName, boolean changeable, boolean cancellable, boolean approvable) {
	}

	/**
	 * The alerts this member of staff may see: drafts first, then waiting for approval,
	 * then the rest, each latest changed first.
	 */
	@Transactional(readOnly = true)
	List<Shown> visibleTo(StaffUser user) {
		Predicate<Alert> visible = this.access.visibleTo(user);
		List<Alert> found = this.alerts.findAllLatestFirst().stream().filter(visible).toList();
		Map<Long, String> names = this.accounts.namesOf(found.stream().map(Alert::getAuthorId).distinct().toList());
		return found.stream()
			.sorted(Comparator.comparingInt((Alert alert) -> listOrder(alert.getStatus())))
			.map((alert) -> shown(user, alert, names.getOrDefault(alert.getAuthorId(), "")))
			.toList();
	}

	private static int listOrder(AlertStatus status) {
		return switch (status) {
			case DRAFT -> 0;
			case AWAITING_APPROVAL -> 1;
			case SCHEDULED, SENDING -> 2;
			case SENT, CANCELLED -> 3;
		};
	}

	/** Where this member of staff may write. */
	AlertAccess.Targets targetsOf(StaffUser user) {
		return this.access.targetsOf(user);
	}

	/** One alert this member of staff may see, or a 404. */
	@Transactional(readOnly = true)
	Shown find(StaffUser user, long alertId) {
		Alert alert = this.alerts.findById(alertId).orElseThrow(() -> new NotFoundException("No alert " + alertId));
		this.access.requireMaySee(user, alert);
		return shown(user, alert,
				this.accounts.namesOf(List.of(alert.getAuthorId())).getOrDefault(alert.getAuthorId(), ""));
	}

	/** A new draft; a 404 if it is for someone out of the author's reach. */
	@Transactional
	long create(StaffUser user, AlertDraft draft) {
		this.access.requireMayWrite(user, draft);
		Alert alert = this.alerts.save(new Alert(user.id(), draft, this.clock.instant()));
		this.alerts.flush();
		log.info("Alert {} drafted by staff account {}", alert.getId(), user.id());
		return alert.getId();
	}

	/**
	 * Changes a draft: its author's, or any, for a web editor or administrator.
	 * @param expectedVersion the version the form was based on
	 * @throws ChangedElsewhereException when it was changed (or sent) in the meantime
	 */
	@Transactional
	void edit(StaffUser user, long alertId, long expectedVersion, AlertDraft draft) {
		Alert alert = changeable(user, alertId);
		ChangedElsewhereException.requireVersion(alert.getVersion(), expectedVersion, "Alert " + alertId);
		this.access.requireMayWrite(user, draft);
		alert.edit(draft, this.clock.instant());
	}

	/** Deletes a draft that was never sent. */
	@Transactional
	void delete(StaffUser user, long alertId) {
		Alert alert = changeable(user, alertId);
		this.alerts.delete(alert);
		log.info("Alert {} deleted by staff account {}", alertId, user.id());
	}

	/**
	 * Sends a draft at {@code sendAt} (now or later): scheduled, or, for a force-wide
	 * alert when the force asks for it, waiting for a second person's approval. A
	 * scheduled alert is announced with {@link AlertScheduled} once this is committed.
	 */
	@Transactional
	Sent send(StaffUser user, long alertId, Instant sendAt) {
		Alert alert = locked(user, alertId);
		if (!alert.isDraft()) {
			return Sent.ALREADY;
		}
		if (!this.access.mayChange(user, alert)) {
			throw new NotFoundException("Not an alert " + user.email() + " may send: " + alertId);
		}
		// Its reach is checked again: the author's neighbourhoods may have changed since.
		this.access.requireMayWrite(user, alert.draft());
		Instant now = this.clock.instant();
		if (sendAt.isAfter(now.plus(this.properties.latestSchedule()))) {
			throw new IllegalArgumentException("An alert cannot be scheduled so far ahead: " + sendAt);
		}
		boolean needsApproval = this.properties.forceWideApproval() && alert.getReach() == AlertReach.FORCE;
		if (alert.send(sendAt.isBefore(now) ? now : sendAt, needsApproval, now)) {
			announce(alertId);
			log.info("Alert {} scheduled by staff account {}", alertId, user.id());
			return Sent.SCHEDULED;
		}
		log.info("Alert {} waits for approval", alertId);
		return Sent.AWAITING_APPROVAL;
	}

	/**
	 * A second web editor or administrator approves a force-wide alert.
	 * @return false when it was not waiting for approval (any more)
	 */
	@Transactional
	boolean approve(StaffUser user, long alertId) {
		Alert alert = locked(user, alertId);
		if (alert.getStatus() != AlertStatus.AWAITING_APPROVAL) {
			return false;
		}
		requireMayApprove(user, alert);
		alert.approve(user.id(), this.clock.instant());
		announce(alertId);
		log.info("Alert {} approved by staff account {}", alertId, user.id());
		return true;
	}

	/**
	 * Sends a force-wide alert back to its author as a draft, with the reason.
	 * @return false when it was not waiting for approval (any more)
	 */
	@Transactional
	boolean returnToDraft(StaffUser user, long alertId, String reason) {
		Alert alert = locked(user, alertId);
		if (alert.getStatus() != AlertStatus.AWAITING_APPROVAL) {
			return false;
		}
		requireMayApprove(user, alert);
		alert.returnToDraft(reason, this.clock.instant());
		log.info("Alert {} returned to its author by staff account {}", alertId, user.id());
		return true;
	}

	/**
	 * Cancels an alert before it goes.
	 * @return false when it can no longer be cancelled (it is going, gone or cancelled)
	 */
	@Transactional
	boolean cancel(StaffUser user, long alertId) {
		Alert alert = locked(user, alertId);
		if (!alert.isCancellable()) {
			return false;
		}
		alert.cancel(this.clock.instant());
		log.info("Alert {} cancelled by staff account {}", alertId, user.id());
		return true;
	}

	private void requireMayApprove(StaffUser user, Alert alert) {
		if (!this.access.mayApprove(user, alert)) {
			throw new NotFoundException("Not an alert " + user.email() + " may approve: " + alert.getId());
		}
	}

	private Alert changeable(StaffUser user, long alertId) {
		Alert alert = locked(user, alertId);
		if (!this.access.mayChange(user, alert)) {
			throw new NotFoundException("Not an alert " + user.email() + " may change: " + alertId);
		}
		return alert;
	}

	private Alert locked(StaffUser user, long alertId) {
		Alert alert = this.alerts.findLockedById(alertId)
			.orElseThrow(() -> new NotFoundException("No alert " + alertId));
		this.access.requireMaySee(user, alert);
		return alert;
	}

	private Shown shown(StaffUser user, Alert alert, String authorName) {
		return new Shown(alert, authorName, this.access.mayChange(user, alert), this.access.mayCancel(user, alert),
				this.access.mayApprove(user, alert));
	}

	/**
	 * Published after the commit, so the sender never looks before the alert is there.
	 */
	private void announce(long alertId) {
		AlertScheduled scheduled = new AlertScheduled(alertId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					AlertComposing.this.events.publishEvent(scheduled);
				}
			});
		}
		else {
			this.events.publishEvent(scheduled);
		}
	}

}
