package uk.yourarea.contact;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.neighbourhood.NeighbourhoodDirectory;
import uk.yourarea.neighbourhood.NeighbourhoodSummary;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffScope;

/**
 * Demo residents' messages in every state of the response clock, so that the inbox, the
 * supervisors' view, the Guarantee view and the teams' response records have something to
 * show: new, due within 24 hours, overdue and escalated, answered and awaiting the
 * resident's feedback, reopened after a "no", and closed. The messages themselves are in
 * {@link DemoMessageScript}.
 * <p>
 * Runs once the application is ready and after the demo staff accounts exist (the
 * messages are viewed, answered and assigned by them), and only while there are no
 * messages at all. No email is queued for any of them.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "yourarea.demo.load", havingValue = "true")
class DemoMessages {

	private static final Logger log = LoggerFactory.getLogger(DemoMessages.class);

	private final ContactMessageRepository messages;

	private final ResponseDeadline deadline;

	private final NeighbourhoodDirectory neighbourhoods;

	private final StaffAccounts staff;

	private final StaffScope scope;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoMessages(ContactMessageRepository messages, ResponseDeadline deadline, NeighbourhoodDirectory neighbourhoods,
			StaffAccounts staff, StaffScope scope, TransactionTemplate transaction, Clock clock) {
		this.messages = messages;
		this.deadline = deadline;
		this.neighbourhoods = neighbourhoods;
		this.staff = staff;
		this.scope = scope;
		this.transaction = transaction;
		this.clock = clock;
	}

	// After security.DemoStaffAccounts (order 0), whose accounts answer these messages.
	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	void load() {
		if (this.messages.count() > 0) {
			log.info("Demo messages: the database already has messages, nothing loaded");
			return;
		}
		Integer loaded = this.transaction.execute((status) -> {
			List<ContactMessage> written = DemoMessageScript.write(this.clock.instant(), this.deadline, this::team);
			this.messages.saveAll(written);
			return written.size();
		});
		log.info("Demo messages: loaded {} residents' messages, no emails queued", loaded);
	}

	/**
	 * Who answers a neighbourhood's messages: its officer with an account, or else a
	 * supervisor of its local policing area, who also assigns them. The first account of
	 * each, by id.
	 */
	private Optional<DemoMessageScript.Team> team(String neighbourhoodCode) {
		Optional<NeighbourhoodSummary> neighbourhood = this.neighbourhoods.byCode(neighbourhoodCode)
			.filter((found) -> !found.retired());
		if (neighbourhood.isEmpty()) {
			return Optional.empty();
		}
		long id = neighbourhood.get().id();
		long area = neighbourhood.get().area().id();
		List<StaffAccounts.Account> working = this.scope.workingIn(id)
			.stream()
			.map((colleague) -> this.staff.find(colleague.id()).orElseThrow())
			.sorted(Comparator.comparingLong(StaffAccounts.Account::id))
			.toList();
		Optional<DemoMessageScript.Staff> officer = first(working,
				(account) -> account.roles().contains(StaffRole.OFFICER) && account.neighbourhoodIds().contains(id));
		Optional<DemoMessageScript.Staff> supervisor = first(working,
				(account) -> account.roles().contains(StaffRole.SUPERVISOR)
						&& account.localPolicingAreaIds().contains(area));
		if (officer.isEmpty() && supervisor.isEmpty()) {
			log.warn("Demo messages: nobody answers neighbourhood {}, so it has no messages", neighbourhoodCode);
			return Optional.empty();
		}
		return Optional.of(new DemoMessageScript.Team(id, officer.or(() -> supervisor).orElseThrow(),
				supervisor.or(() -> officer).orElseThrow()));
	}

	private static Optional<DemoMessageScript.Staff> first(List<StaffAccounts.Account> accounts,
			Predicate<StaffAccounts.Account> which) {
		return accounts.stream()
			.filter(which)
			.findFirst()
			.map((account) -> new DemoMessageScript.Staff(account.id(), account.name()));
	}

}
