package uk.yourarea.dataprotection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.personaldata.Erasure;
import uk.yourarea.personaldata.HeldRecord;
import uk.yourarea.personaldata.LegalHolds;
import uk.yourarea.personaldata.PersonSearch;
import uk.yourarea.personaldata.PersonalDataHolder;
import uk.yourarea.security.ForDataProtection;
import uk.yourarea.security.StaffAccounts;
import uk.yourarea.security.StaffUser;

/**
 * What the data protection officer does: find everything held about a person, export it,
 * erase it on request, and hold a message from erasure. Every one of these is recorded
 * (who, when, what, and why) in the desk's own log, which keeps what was searched for
 * only as a hash ({@link SearchHashes}).
 */
@Service
@ForDataProtection
public class DataProtectionDesk {

	/** What the desk did, as its log shows it. */
	public record Action(Instant at, @Nullable String staffName, String action, @Nullable String searchedBy,
			List<String> references, int records, @Nullable String reason) {
	}

	private static final Logger log = LoggerFactory.getLogger(DataProtectionDesk.class);

	private final List<PersonalDataHolder> holders;

	private final LegalHolds holds;

	private final StaffAccounts staff;

	private final SearchHashes searchHashes;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DataProtectionDesk(List<PersonalDataHolder> holders, LegalHolds holds, StaffAccounts staff,
			SearchHashes searchHashes, JdbcTemplate jdbc, Clock clock) {
		this.holders = holders;
		this.staff = staff;
		this.holds = holds;
		this.searchHashes = searchHashes;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Everything held about the person, oldest first; the search is recorded. */
	@Transactional
	public List<HeldRecord> find(StaffUser user, PersonSearch search) {
		List<HeldRecord> found = everythingAbout(search);
		record(user, "SEARCH", search, references(found), null);
		return found;
	}

	/**
	 * Everything held about the person, for a subject access export; the export is
	 * recorded.
	 */
	@Transactional
	public List<HeldRecord> export(StaffUser user, PersonSearch search) {
		List<HeldRecord> found = everythingAbout(search);
		record(user, "EXPORT", search, references(found), null);
		return found;
	}

	/**
	 * Erases the person's data everywhere it is held, apart from records on legal hold.
	 */
	@Transactional
	public Erasure erase(StaffUser user, PersonSearch search, String reason) {
		Instant now = this.clock.instant();
		List<String> erased = new ArrayList<>();
		List<String> kept = new ArrayList<>();
		for (PersonalDataHolder holder : this.holders) {
			Erasure done = holder.erase(search, now);
			erased.addAll(done.erased());
			kept.addAll(done.keptOnHold());
		}
		record(user, "ERASE", search, erased, reason);
		log.info("Data protection: staff {} erased {} records on request ({} kept on legal hold)", user.id(),
				erased.size(), kept.size());
		return new Erasure(erased, kept);
	}

	/**
	 * @return false when there is no such message, or it is erased already
	 */
	@Transactional
	public boolean hold(StaffUser user, String reference, String reason, LocalDate reviewOn) {
		boolean placed = this.holds.place(reference, reason, reviewOn, user.id(), this.clock.instant());
		if (placed) {
			record(user, "HOLD", null, List.of(reference), reason);
		}
		return placed;
	}

	/**
	 * @return false when there was no hold on it
	 */
	@Transactional
	public boolean lift(StaffUser user, String reference, String reason) {
		boolean lifted = this.holds.lift(reference);
		if (lifted) {
			record(user, "LIFT_HOLD", null, List.of(reference), reason);
		}
		return lifted;
	}

	/** Every record on legal hold, soonest review first. */
	@Transactional(readOnly = true)
	public List<LegalHolds.Held> holds() {
		return this.holds.all();
	}

	/** The desk's log, newest first. */
	@Transactional(readOnly = true)
	public List<Action> recentActions(int limit) {
		return actions("order by at desc, id desc limit ?", limit);
	}

	/**
	 * What the desk did before about the person searched for in just this way (the same
	 * email address, say), newest first: matched by the hash its log keeps, under the
	 * current key or an earlier one. Not itself recorded: it is shown with a search,
	 * which is.
	 */
	@Transactional(readOnly = true)
	public List<Action> actionsAbout(PersonSearch search, int limit) {
		return actions("where search_hash = any(?) order by at desc, id desc limit ?",
				this.searchHashes.candidates(search).toArray(String[]::new), limit);
	}

	private List<Action> actions(String whereAndOrder, Object... arguments) {
		record Row(Instant at, @Nullable Long staffId, String action, @Nullable String searchedBy,
				List<String> references, int records, @Nullable String reason) {
		}
		List<Row> rows = this.jdbc.query("""
				select at, staff_account_id, action, searched_by, record_references, records, reason
				from data_protection_action\s""" + whereAndOrder,
				(row, n) -> new Row(row.getTimestamp("at").toInstant(), row.getObject("staff_account_id", Long.class),
						row.getString("action"), row.getString("searched_by"),
						List.of((String[]) row.getArray("record_references").getArray()), row.getInt("records"),
						row.getString("reason")),
				arguments);
		Map<Long, String> names = this.staff
			.namesOf(rows.stream().map(Row::staffId).filter(Objects::nonNull).collect(Collectors.toSet()));
		return rows.stream()
			.map((row) -> new Action(row.at(), (row.staffId() != null) ? names.get(row.staffId()) : null, row.action(),
					row.searchedBy(), row.references(), row.records(), row.reason()))
			.toList();
	}

	private List<HeldRecord> everythingAbout(PersonSearch search) {
		List<HeldRecord> found = new ArrayList<>();
		for (PersonalDataHolder holder : this.holders) {
			found.addAll(holder.find(search));
		}
		found.sort(Comparator.comparing(HeldRecord::createdAt).thenComparing(HeldRecord::reference));
		return found;
	}

	private static List<String> references(List<HeldRecord> records) {
		return records.stream().map(HeldRecord::reference).toList();
	}

	private void record(StaffUser user, String action, @Nullable PersonSearch search, List<String> references,
			@Nullable String reason) {
		this.jdbc.update("""
				insert into data_protection_action
				    (staff_account_id, action, searched_by, search_hash, record_references, records, reason, at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", user.id(), action, (search != null) ? search.by().name() : null,
				(search != null) ? this.searchHashes.hash(search) : null, references.toArray(String[]::new),
				references.size(), reason, Timestamp.from(this.clock.instant()));
	}

}
