package uk.yourarea.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

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
	 * window, as one atomic step ({@link #tryAcquireAll}): requests at the same moment,
	 * on any instance, cannot together pass the limit (bench/instances.sh stored 11 of 20
	 * messages sent at once against a limit of 5 when the count and the insert were
	 * separate). It joins the caller's transaction: taking a second connection per
	 * request would let a burst of requests exhaust the pool, each holding one connection
	 * while waiting for another.
	 */
	@Transactional
	public boolean tryAcquire(String bucket, int limit, Duration window) {
		return tryAcquireAll(List.of(new Limit(bucket, limit, window))).isPresent();
	}

	/**
	 * Records one event in each bucket, in one atomic step, if every bucket is below its
	 * limit; otherwise records nothing. Two requests at the same moment cannot both take
	 * the last place: each bucket with a limit is counted under a PostgreSQL advisory
	 * lock of its own, held until the transaction ends and taken in a fixed order, so
	 * that two reservations never wait for each other. It joins the caller's transaction,
	 * which must be read committed (PostgreSQL's default) and should end soon, since the
	 * locks are held until then.
	 * @return what was recorded, to {@link #release} if the event turns out not to count;
	 * empty when a bucket was full
	 */
	@Transactional
	public Optional<Reservation> tryAcquireAll(List<Limit> limits) {
		Instant now = this.clock.instant();
		List<Limit> limited = limits.stream()
			.filter((limit) -> limit.max() < Integer.MAX_VALUE)
			.sorted(Comparator.comparingLong((Limit limit) -> lockKey(limit.bucket())))
			.toList();
		for (Limit limit : limited) {
			this.jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?)", Integer.class, lockKey(limit.bucket()));
		}
		for (Limit limit : limited) {
			if (count(limit.bucket(), limit.window()) >= limit.max()) {
				return Optional.empty();
			}
		}
		List<String> buckets = limits.stream().map(Limit::bucket).toList();
		for (String bucket : buckets) {
			this.jdbc.update("insert into rate_limit_hit (bucket, at) values (?, ?)", bucket, Timestamp.from(now));
		}
		return Optional.of(new Reservation(now, buckets));
	}

	/**
	 * Takes back the events a reservation recorded (one per bucket), for an attempt that
	 * was not made after all, or that must not count.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void release(Reservation reservation) {
		for (String bucket : reservation.buckets()) {
			this.jdbc.update("""
					delete from rate_limit_hit where ctid = (
					    select ctid from rate_limit_hit where bucket = ? and at = ? limit 1)""", bucket,
					Timestamp.from(reservation.at()));
		}
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

	/**
	 * How a bucket names something personal (an email address, a private link's token):
	 * by the hex SHA-256 of it, so that the records counted against abuse never hold the
	 * thing itself.
	 */
	public static String hashed(String personal) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(personal.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * The key of a bucket's advisory lock: the first eight bytes of the SHA-256 of its
	 * name. A single {@code bigint} key, so it never meets the two-part keys of the
	 * site's other advisory locks.
	 */
	static long lockKey(String bucket) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bucket.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(digest).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * At most {@code max} events in the bucket within the window; an
	 * {@link #unlimited(String)} bucket only counts.
	 */
	public record Limit(String bucket, int max, Duration window) {

		public static Limit unlimited(String bucket) {
			return new Limit(bucket, Integer.MAX_VALUE, Duration.ZERO);
		}

	}

	/** The events {@link #tryAcquireAll} recorded: one in each bucket, at one moment. */
	public record Reservation(Instant at, List<String> buckets) {
	}

}
