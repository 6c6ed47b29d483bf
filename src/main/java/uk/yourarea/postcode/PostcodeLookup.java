package uk.yourarea.postcode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import uk.yourarea.web.PublicContentChanged;

/**
 * Answers "which neighbourhood is this postcode in?" for the rest of the site.
 * <p>
 * The answers to recent lookups ({@link PostcodeProperties#answersKept()}) are kept until
 * a change of places (coverage, or a neighbourhood's names or state) commits, here or on
 * another instance, or for {@link PostcodeProperties#answersLifetime()} at most: a
 * resident's postcode is then answered without a query. Anything that writes postcodes or
 * neighbourhoods announces a {@link PublicContentChanged} of that kind.
 */
@Service
public class PostcodeLookup {

	/** What we can tell a resident about a postcode they typed. */
	public sealed interface Result {

		Postcode postcode();

		/**
		 * Live, ours, and assigned to a neighbourhood: its slug, and whether it has been
		 * retired (then the postcode is not covered until it is given to another).
		 */
		record InNeighbourhood(Postcode postcode, long neighbourhoodId, String slug,
				boolean retired) implements Result {
		}

		/** No longer in use (terminated by Royal Mail). */
		record Terminated(Postcode postcode) implements Result {
		}

		/** Policed by another force. */
		record NotOurs(Postcode postcode) implements Result {
		}

		/**
		 * In our area but in no neighbourhood: outside every boundary and ward, or not
		 * yet assigned after an import.
		 */
		record OutsideEveryNeighbourhood(Postcode postcode) implements Result {
		}

		/** A well-formed postcode that is not in our data at all. */
		record Unknown(Postcode postcode) implements Result {
		}

	}

	// One statement, by primary key: the busiest query of the site. So it joins the view
	// the neighbourhood feature publishes for it (V26) instead of asking that feature.
	private static final String FIND = """
			select p.terminated_on is not null as terminated, p.in_force_area, p.neighbourhood_id, n.slug,
			       n.retired
			from postcode p left join neighbourhood_slug n on n.id = p.neighbourhood_id
			where p.postcode = ?
			""";

	private final PostcodeRecordRepository postcodes;

	private final JdbcTemplate jdbc;

	private final @Nullable Cache<String, Result> answers;

	/**
	 * How many changes of places have committed: an answer read across one is not kept.
	 */
	private final AtomicLong changesOfPlaces = new AtomicLong();

	PostcodeLookup(PostcodeRecordRepository postcodes, JdbcTemplate jdbc, PostcodeProperties properties) {
		this.postcodes = postcodes;
		this.jdbc = jdbc;
		this.answers = (properties.answersKept() > 0) ? Caffeine.newBuilder()
			.maximumSize(properties.answersKept())
			.expireAfterWrite(properties.answersLifetime())
			.build() : null;
	}

	public Result find(Postcode postcode) {
		Cache<String, Result> answers = this.answers;
		if (answers == null || TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			// A transaction that writes may have changed the answer, or may yet roll back
			// what it reads.
			return read(postcode);
		}
		Result kept = answers.getIfPresent(postcode.value());
		if (kept != null) {
			return kept;
		}
		long changesBefore = this.changesOfPlaces.get();
		Result found = read(postcode);
		answers.put(postcode.value(), found);
		// Checked after the put: a change that committed during the read may have emptied
		// the cache before the answer went in.
		if (this.changesOfPlaces.get() != changesBefore) {
			answers.invalidate(postcode.value());
		}
		return found;
	}

	/**
	 * Forgets every answer once a change that can alter one commits: before the page
	 * caches empty themselves, so that no page is rendered again from an old answer.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void forget(PublicContentChanged change) {
		if (change.mayChangePlaces()) {
			this.changesOfPlaces.incrementAndGet();
			if (this.answers != null) {
				this.answers.invalidateAll();
			}
		}
	}

	private Result read(Postcode postcode) {
		List<Result> found = this.jdbc.query(FIND, (row, n) -> {
			if (row.getBoolean("terminated")) {
				return new Result.Terminated(postcode);
			}
			if (!row.getBoolean("in_force_area")) {
				return new Result.NotOurs(postcode);
			}
			long neighbourhoodId = row.getLong("neighbourhood_id");
			if (row.wasNull()) {
				return new Result.OutsideEveryNeighbourhood(postcode);
			}
			return new Result.InNeighbourhood(postcode, neighbourhoodId, row.getString("slug"),
					row.getBoolean("retired"));
		}, postcode.value());
		return found.isEmpty() ? new Result.Unknown(postcode) : found.get(0);
	}

	/**
	 * The mean position of a neighbourhood's current postcodes: a rough centre for a
	 * neighbourhood with no boundary. Empty when none of them has a position.
	 */
	@Transactional(readOnly = true)
	public Optional<Centre> centreOf(long neighbourhoodId) {
		return this.jdbc.query("""
				select avg(latitude) as latitude, avg(longitude) as longitude from postcode
				where neighbourhood_id = ? and terminated_on is null and latitude is not null""", (row, n) -> {
			double latitude = row.getDouble("latitude");
			return row.wasNull() ? null : new Centre(latitude, row.getDouble("longitude"));
		}, neighbourhoodId).stream().filter(Objects::nonNull).findFirst();
	}

	/** A position in WGS84 degrees. */
	public record Centre(double latitude, double longitude) {
	}

	@Transactional(readOnly = true)
	public boolean knowsOutwardCode(String outwardCode) {
		return this.postcodes.existsByOutwardCode(outwardCode);
	}

	/**
	 * The neighbourhoods, live or retired, that at least one live postcode starting with
	 * the outward code ("LE18") is in.
	 */
	@Transactional(readOnly = true)
	public Set<Long> neighbourhoodsInOutwardCode(String outwardCode) {
		return new LinkedHashSet<>(this.jdbc.queryForList("""
				select distinct neighbourhood_id from postcode
				where outward_code = ? and terminated_on is null and neighbourhood_id is not null
				order by neighbourhood_id""", Long.class, outwardCode));
	}

}
