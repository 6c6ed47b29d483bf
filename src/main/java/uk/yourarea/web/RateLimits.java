package uk.yourarea.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts events per bucket ("contact-ip:203.0.113.9", "sign-in-account:…") in a sliding
 * window, in the database, so limits hold across several instances of the site.
 */
@Component
public class RateLimits {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	RateLimits(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records one event in the bucket if fewer than {@code limit} happened within the
	 * window. It joins the caller's transaction: taking a second connection per request
	 * would let a burst of requests exhaust the pool, each holding one connection while
	 * waiting for another.
	 */
	@Transactional
	public boolean tryAcquire(String bucket, int limit, Duration window) {
		Instant now = this.clock.instant();
		if (count(bucket, window) >= limit) {
			return false;
		}
		this.jdbc.update("insert into rate_limit_hit (bucket, at) values (?, ?)", bucket, java.sql.Timestamp.from(now));
		return true;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(String bucket) {
		this.jdbc.update("insert into rate_limit_hit (bucket, at) values (?, ?)", bucket,
				java.sql.Timestamp.from(this.clock.instant()));
	}

	@Transactional(readOnly = true)
	public long count(String bucket, Duration window) {
		Long hits = this.jdbc.queryForObject("select count(*) from rate_limit_hit where bucket = ? and at > ?",
				Long.class, bucket, java.sql.Timestamp.from(this.clock.instant().minus(window)));
		return (hits != null) ? hits : 0;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void clear(String bucket) {
		this.jdbc.update("delete from rate_limit_hit where bucket = ?", bucket);
	}

	/** Old hits tell nothing any more; no window is longer than a day. */
	@Transactional
	public int forgetOlderThan(Duration age) {
		return this.jdbc.update("delete from rate_limit_hit where at < ?",
				java.sql.Timestamp.from(this.clock.instant().minus(age)));
	}

}
