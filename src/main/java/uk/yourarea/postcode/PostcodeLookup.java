package uk.yourarea.postcode;

import java.util.Optional;

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

		/** Live, ours, and assigned to a neighbourhood. */
		record InNeighbourhood(Postcode postcode, long neighbourhoodId) implements Result {
		}

		/** No longer in use (terminated by Royal Mail). */
		record Terminated(Postcode postcode) implements Result {
		}

		/** Policed by another force, or in our area but outside every neighbourhood. */
		record NotOurs(Postcode postcode) implements Result {
		}

		/** A well-formed postcode that is not in our data at all. */
		record Unknown(Postcode postcode) implements Result {
		}

	}

	private final PostcodeRecordRepository postcodes;

	PostcodeLookup(PostcodeRecordRepository postcodes) {
		this.postcodes = postcodes;
	}

	@Transactional(readOnly = true)
	public Result find(Postcode postcode) {
		Optional<PostcodeRecord> found = this.postcodes.findByPostcode(postcode.value());
		if (found.isEmpty()) {
			return new Result.Unknown(postcode);
		}
		PostcodeRecord record = found.get();
		if (record.isTerminated()) {
			return new Result.Terminated(postcode);
		}
		if (!record.isInForceArea() || record.getNeighbourhoodId() == null) {
			return new Result.NotOurs(postcode);
		}
		return new Result.InNeighbourhood(postcode, record.getNeighbourhoodId());
	}

	@Transactional(readOnly = true)
	public boolean knowsOutwardCode(String outwardCode) {
		return this.postcodes.existsByOutwardCode(outwardCode);
	}

}
