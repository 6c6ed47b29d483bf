package uk.yourarea.postcode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "which neighbourhood is this postcode in?" for the rest of the site.
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

	PostcodeLookup(PostcodeRecordRepository postcodes, JdbcTemplate jdbc) {
		this.postcodes = postcodes;
		this.jdbc = jdbc;
	}

	public Result find(Postcode postcode) {
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
