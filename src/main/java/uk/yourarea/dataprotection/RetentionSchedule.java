package uk.yourarea.dataprotection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.personaldata.PersonalDataHolder;
import uk.yourarea.personaldata.RetentionProperties;
import uk.yourarea.web.RateLimits;

/**
 * Runs the retention schedule every night: each feature erases what it no longer needs
 * ({@link PersonalDataHolder#applyRetention}), and old rate-limit records go. One run at
 * a time across every instance: an instance that finds another running skips its turn
 * (and every step is safe to repeat anyway). Each run logs how many records of each kind
 * it erased, and nothing else.
 */
@Component
class RetentionSchedule {

	private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

	/** The advisory lock that lets one instance at a time run the schedule. */
	private static final long RUNNING = 0x5941_5245_5445_4e54L;

	private final List<PersonalDataHolder> holders;

	private final RateLimits rateLimits;

	private final RetentionProperties retention;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RetentionSchedule(List<PersonalDataHolder> holders, RateLimits rateLimits, RetentionProperties retention,
			JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
		this.holders = holders;
		this.rateLimits = rateLimits;
		this.retention = retention;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(cron = "${yourarea.retention.cron:0 40 3 * * *}", zone = "Europe/London")
	void scheduled() {
		run();
	}

	/**
	 * @return how many records of each kind were erased, or an empty map when another
	 * instance was running the schedule
	 */
	Map<String, Integer> run() {
		Map<String, Integer> erased = this.transactions.execute((status) -> {
			Boolean mine = this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, RUNNING);
			if (!Boolean.TRUE.equals(mine)) {
				log.info("Retention schedule: already running on another instance");
				return Map.<String, Integer>of();
			}
			Instant now = this.clock.instant();
			Map<String, Integer> counts = new TreeMap<>();
			for (PersonalDataHolder holder : this.holders) {
				counts.putAll(holder.applyRetention(this.retention, now));
			}
			counts.put("rate-limit-record", this.rateLimits.forgetOlderThan(this.retention.rateLimits()));
			return counts;
		});
		if (erased != null && !erased.isEmpty()) {
			log.info("Retention schedule: erased {}", erased);
		}
		return (erased != null) ? erased : Map.of();
	}

}
