package uk.yourarea.personaldata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A feature that keeps residents' personal data in its own tables. It answers the data
 * protection desk (find, erase on request) and applies the retention schedule to what it
 * holds. Several instances may run the same call at once: each must be safe to repeat.
 */
public interface PersonalDataHolder {

	/**
	 * Everything this feature holds about the person searched for, oldest first. A search
	 * that this feature cannot answer (a message reference, say, for answers to a
	 * consultation) finds nothing.
	 */
	List<HeldRecord> find(PersonSearch search);

	/**
	 * Erases the personal data of every record {@link #find} returns, except those on
	 * legal hold. "Erased" means the values or rows are gone from the database, not
	 * hidden.
	 */
	Erasure erase(PersonSearch search, Instant at);

	/**
	 * Erases what the schedule says is no longer needed.
	 * @return how many records of each kind were erased (kinds as in
	 * {@link HeldRecord#kind()}, or more precise ones), for the run's log line
	 */
	Map<String, Integer> applyRetention(RetentionProperties retention, Instant now);

}
