package uk.yourarea.contact;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoMessages(ContactMessageRepository messages, ResponseDeadline deadline, JdbcTemplate jdbc,
			TransactionTemplate transaction, Clock clock) {
		this.messages = messages;
		this.deadline = deadline;
		this.jdbc = jdbc;
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
	 * supervisor of its local policing area, who also assigns them.
	 */
	private Optional<DemoMessageScript.Team> team(String neighbourhoodCode) {
		Optional<Long> neighbourhood = this.jdbc
			.queryForList("select id from neighbourhood where code = ? and retired_on is null", Long.class,
					neighbourhoodCode)
			.stream()
			.findFirst();
		if (neighbourhood.isEmpty()) {
			return Optional.empty();
		}
		long id = neighbourhood.get();
		Optional<DemoMessageScript.Staff> officer = first("""
				select a.id, a.name from staff_account a
				join staff_role r on r.staff_account_id = a.id and r.role = 'OFFICER'
				join staff_neighbourhood n on n.staff_account_id = a.id and n.neighbourhood_id = ?
				where a.enabled order by a.id limit 1""", id);
		Optional<DemoMessageScript.Staff> supervisor = first("""
				select a.id, a.name from staff_account a
				join staff_role r on r.staff_account_id = a.id and r.role = 'SUPERVISOR'
				join staff_local_policing_area l on l.staff_account_id = a.id
				where a.enabled
				  and l.local_policing_area_id = (select local_policing_area_id from neighbourhood where id = ?)
				order by a.id limit 1""", id);
		if (officer.isEmpty() && supervisor.isEmpty()) {
			log.warn("Demo messages: nobody answers neighbourhood {}, so it has no messages", neighbourhoodCode);
			return Optional.empty();
		}
		return Optional.of(new DemoMessageScript.Team(id, officer.or(() -> supervisor).orElseThrow(),
				supervisor.or(() -> officer).orElseThrow()));
	}

	private Optional<DemoMessageScript.Staff> first(String sql, long neighbourhoodId) {
		return this.jdbc
			.query(sql, (row, n) -> new DemoMessageScript.Staff(row.getLong(1), row.getString(2)), neighbourhoodId)
			.stream()
			.findFirst();
	}

}
