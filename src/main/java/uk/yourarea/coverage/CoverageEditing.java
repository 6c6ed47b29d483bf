package uk.yourarea.coverage;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.ChangedElsewhereException;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.security.ForWebEditors;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.NotFoundException;
import uk.yourarea.web.Phrase;

/**
 * The hand-made parts of coverage: the ward codes a neighbourhood is made of, and single
 * postcodes given to a neighbourhood by hand (overrides). Each change decides again only
 * the postcodes it can move (those of the wards changed, or the one postcode), records
 * itself in the change log and raises the coverage version, in one transaction.
 */
@ForWebEditors
@Service
class CoverageEditing {

	/** A ward code as ONS writes it: E05 (England) or W05 (Wales) and six digits. */
	static final Pattern WARD_CODE = Pattern.compile("[EW]05[0-9]{6}");

	record Override(String postcode, long neighbourhoodId, String neighbourhoodName, String setByName, Instant setAt) {
	}

	/** One neighbourhood's coverage as its page shows it. */
	record NeighbourhoodCoverage(CoverageNeighbourhoods.Choice neighbourhood, List<String> wardCodes, long wardsVersion,
			long postcodes, @Nullable Phrase boundarySource, List<Override> overrides) {
	}

	/** Wards asked for that another neighbourhood already has: code to its owner. */
	static final class WardsTaken extends RuntimeException {

		private final Map<String, CoverageNeighbourhoods.Choice> owners;

		WardsTaken(Map<String, CoverageNeighbourhoods.Choice> owners) {
			super("Wards already in other neighbourhoods: " + owners.keySet(), null, false, false);
			this.owners = owners;
		}

		Map<String, CoverageNeighbourhoods.Choice> owners() {
			return this.owners;
		}

	}

	/**
	 * An override that cannot be made or cleared: the field at fault and the bundle's key
	 * and arguments of why, for the form.
	 */
	static final class OverrideRefused extends RuntimeException {

		private final String field;

		private final transient Object[] arguments;

		OverrideRefused(String field, String key, Object... arguments) {
			super(key, null, false, false);
			this.field = field;
			this.arguments = arguments;
		}

		String field() {
			return this.field;
		}

		String key() {
			return Objects.requireNonNull(getMessage());
		}

		Object[] arguments() {
			return this.arguments.clone();
		}

	}

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final CoverageAssigner assigner;

	private final CoverageNeighbourhoods neighbourhoods;

	private final CoverageImports imports;

	private final ChangeLog changes;

	private final Clock clock;

	private final PostcodeTable postcodes;

	CoverageEditing(JdbcTemplate jdbc, DataSource dataSource, CoverageAssigner assigner,
			CoverageNeighbourhoods neighbourhoods, CoverageImports imports, ChangeLog changes, Clock clock,
			PostcodeTable postcodes) {
		this.postcodes = postcodes;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.assigner = assigner;
		this.neighbourhoods = neighbourhoods;
		this.imports = imports;
		this.changes = changes;
		this.clock = clock;
	}

	/** The force's coverage in numbers. */
	record ForceSummary(long livePostcodes, long assigned, long outside, long overrides) {
	}

	/** One line of the coverage overview. */
	record NeighbourhoodSummary(long id, String code, String name, long postcodes, long wards, boolean boundary,
			long overrides) {
	}

	@Transactional(readOnly = true)
	ForceSummary summary() {
		PostcodeTable.ForceCounts postcodes = this.postcodes.forceCounts();
		Long overrides = this.jdbc.queryForObject("select count(*) from postcode_override", Long.class);
		return new ForceSummary(postcodes.live(), postcodes.inNeighbourhood(), postcodes.outside(),
				(overrides != null) ? overrides : 0);
	}

	@Transactional(readOnly = true)
	List<NeighbourhoodSummary> neighbourhoodSummaries() {
		Map<Long, Long> postcodes = this.postcodes.livePostcodesPerNeighbourhood();
		Map<Long, Long> wards = countsPerNeighbourhood(
				"select neighbourhood_id, count(*) from neighbourhood_ward " + "group by neighbourhood_id");
		Map<Long, Long> overrides = countsPerNeighbourhood(
				"select neighbourhood_id, count(*) from postcode_override " + "group by neighbourhood_id");
		Set<Long> withBoundary = new HashSet<>(this.jdbc
			.queryForList("select neighbourhood_id from neighbourhood_boundary where not derived", Long.class));
		return this.neighbourhoods.allIncludingRetired()
			.stream()
			.map((neighbourhood) -> new NeighbourhoodSummary(neighbourhood.id(), neighbourhood.code(),
					neighbourhood.name(), postcodes.getOrDefault(neighbourhood.id(), 0L),
					wards.getOrDefault(neighbourhood.id(), 0L), withBoundary.contains(neighbourhood.id()),
					overrides.getOrDefault(neighbourhood.id(), 0L)))
			.toList();
	}

	private Map<Long, Long> countsPerNeighbourhood(String query) {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query(query, (row) -> {
			counts.put(row.getLong(1), row.getLong(2));
		});
		return counts;
	}

	@Transactional(readOnly = true)
	NeighbourhoodCoverage of(long neighbourhoodId) {
		CoverageNeighbourhoods.Choice neighbourhood = this.neighbourhoods.find(neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + neighbourhoodId));
		long postcodes = this.postcodes.livePostcodesIn(neighbourhoodId);
		Phrase source = this.jdbc
			.query("select source, source_args from neighbourhood_boundary where neighbourhood_id = ?",
					(row, n) -> BoundarySources.read(row), neighbourhoodId)
			.stream()
			.findFirst()
			.orElse(null);
		return new NeighbourhoodCoverage(neighbourhood, wardCodes(neighbourhoodId), wardsVersion(neighbourhoodId),
				postcodes, source, overrides(neighbourhoodId));
	}

	List<String> wardCodes(long neighbourhoodId) {
		return this.jdbc.queryForList(
				"select ward_code from neighbourhood_ward where neighbourhood_id = ? order by ward_code", String.class,
				neighbourhoodId);
	}

	long wardsVersion(long neighbourhoodId) {
		return this.jdbc
			.queryForList("select version from neighbourhood_ward_list where neighbourhood_id = ?", Long.class,
					neighbourhoodId)
			.stream()
			.findFirst()
			.orElse(0L);
	}

	/**
	 * Makes a neighbourhood of exactly these wards.
	 * @param openedVersion the version of the ward list the form showed
	 * @return the number of postcodes whose neighbourhood changed
	 * @throws ChangedElsewhereException when someone saved the list since
	 * @throws WardsTaken when another neighbourhood has some of the wards
	 */
	@Transactional
	long saveWards(StaffUser by, long neighbourhoodId, List<String> codes, long openedVersion) {
		CoverageNeighbourhoods.Choice neighbourhood = this.neighbourhoods.find(neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + neighbourhoodId));
		this.jdbc.update("""
				insert into neighbourhood_ward_list (neighbourhood_id, version) values (?, 0)
				on conflict (neighbourhood_id) do nothing""", neighbourhoodId);
		long saved = Objects.requireNonNull(this.jdbc.queryForObject(
				"select version from neighbourhood_ward_list where neighbourhood_id = ? for update", Long.class,
				neighbourhoodId));
		ChangedElsewhereException.requireVersion(saved, openedVersion, "The ward codes of " + neighbourhood.name());
		Map<String, CoverageNeighbourhoods.Choice> taken = new LinkedHashMap<>();
		this.jdbc.query("""
				select ward_code, neighbourhood_id from neighbourhood_ward
				where ward_code = any(?) and neighbourhood_id <> ? order by ward_code""", (row) -> {
			String wardCode = row.getString(1);
			this.neighbourhoods.find(row.getLong(2)).ifPresent((owner) -> taken.put(wardCode, owner));
		}, codes.toArray(String[]::new), neighbourhoodId);
		if (!taken.isEmpty()) {
			throw new WardsTaken(taken);
		}
		List<String> before = wardCodes(neighbourhoodId);
		Set<String> changed = new LinkedHashSet<>();
		for (String code : before) {
			if (!codes.contains(code)) {
				changed.add(code);
			}
		}
		for (String code : codes) {
			if (!before.contains(code)) {
				changed.add(code);
			}
		}
		long postcodesBefore = postcodesOf(neighbourhoodId);
		this.jdbc.update("delete from neighbourhood_ward where neighbourhood_id = ? and not (ward_code = any(?))",
				neighbourhoodId, codes.toArray(String[]::new));
		List<Object[]> added = new ArrayList<>();
		for (String code : codes) {
			if (!before.contains(code)) {
				added.add(new Object[] { neighbourhoodId, code });
			}
		}
		this.jdbc.batchUpdate("insert into neighbourhood_ward (neighbourhood_id, ward_code) values (?, ?)", added);
		this.jdbc.update("update neighbourhood_ward_list set version = version + 1 where neighbourhood_id = ?",
				neighbourhoodId);
		long moved = changed.isEmpty() ? 0 : reassign(PostcodeTable.Selection.wards(changed));
		this.imports.changeCoverage();
		this.changes.record(by, subject(neighbourhood), "change.action.ward-codes-changed",
				Snapshot.of()
					.with("change.field.ward-codes", String.join(", ", before))
					.with("change.field.postcodes", postcodesBefore)
					.build(),
				Snapshot.of()
					.with("change.field.ward-codes", String.join(", ", codes.stream().sorted().toList()))
					.with("change.field.postcodes", postcodesOf(neighbourhoodId))
					.build());
		return moved;
	}

	/** The ward list as saved and as typed, for the someone-else-saved-first message. */
	static Snapshot wardsSnapshot(List<String> codes) {
		return Snapshot.of()
			.with("change.field.ward-codes", String.join(", ", codes.stream().sorted().toList()))
			.build();
	}

	@Transactional(readOnly = true)
	List<Override> overrides() {
		return overridesWhere("true", new Object[0]);
	}

	@Transactional(readOnly = true)
	List<Override> overrides(long neighbourhoodId) {
		return overridesWhere("o.neighbourhood_id = ?", new Object[] { neighbourhoodId });
	}

	private List<Override> overridesWhere(String condition, Object[] parameters) {
		Map<Long, String> names = new HashMap<>();
		for (CoverageNeighbourhoods.Choice neighbourhood : this.neighbourhoods.allIncludingRetired()) {
			names.put(neighbourhood.id(), neighbourhood.name());
		}
		return this.jdbc.query("""
				select o.postcode, o.neighbourhood_id, o.set_by_name, o.set_at from postcode_override o
				where\s""" + condition + " order by o.postcode limit 2000",
				(row, n) -> new Override(row.getString(1), row.getLong(2),
						Objects.requireNonNull(names.get(row.getLong(2))), row.getString(3),
						row.getTimestamp(4).toInstant()),
				parameters);
	}

	/**
	 * Gives one postcode to a neighbourhood by hand: it stays there whatever boundaries,
	 * wards and re-imported postcode files say, until the override is cleared.
	 */
	@Transactional
	void setOverride(StaffUser by, Postcode postcode, long neighbourhoodId) {
		CoverageNeighbourhoods.Choice neighbourhood = this.neighbourhoods.find(neighbourhoodId)
			.orElseThrow(() -> new OverrideRefused("neighbourhoodId", "coverage.override.neighbourhood.not-listed"));
		PostcodeTable.Placed placed = placed(postcode);
		if (!placed.inForceArea()) {
			throw new OverrideRefused("postcode", "coverage.override.other-force", postcode.value());
		}
		List<Override> existing = overridesWhere("o.postcode = ?", new Object[] { postcode.value() });
		if (!existing.isEmpty()) {
			Override current = existing.get(0);
			throw new OverrideRefused("postcode", "coverage.override.given-already", postcode.value(),
					current.neighbourhoodName());
		}
		Long fromId = placed.neighbourhoodId();
		Phrase fromName = placeOf(fromId);
		this.jdbc.update("""
				insert into postcode_override (postcode, neighbourhood_id, set_by_id, set_by_name, set_at)
				values (?, ?, ?, ?, ?)""", postcode.value(), neighbourhoodId, by.id(), by.name(),
				Timestamp.from(this.clock.instant()));
		reassign(PostcodeTable.Selection.postcode(postcode.value()));
		this.imports.changeCoverage();
		Phrase field = Phrase.of("change.field.postcode-of", postcode.value());
		Snapshot before = Snapshot.of().with(field, fromName).build();
		Snapshot after = Snapshot.of()
			.with(field, Phrase.of("change.value.given-by-hand", neighbourhood.name()))
			.build();
		this.changes.record(by, subject(neighbourhood), "change.action.postcode-given", before, after);
		if (fromId != null && fromId != neighbourhoodId) {
			this.neighbourhoods.find(fromId)
				.ifPresent((from) -> this.changes.record(by, subject(from), "change.action.postcode-given-elsewhere",
						before, after));
		}
	}

	/**
	 * Clears an override: the postcode goes where boundaries and wards say.
	 * @return the name of the neighbourhood it is in now, or {@code null} for none
	 */
	@Transactional
	@Nullable String clearOverride(StaffUser by, Postcode postcode) {
		List<Override> existing = overridesWhere("o.postcode = ?", new Object[] { postcode.value() });
		if (existing.isEmpty()) {
			throw new OverrideRefused("postcode", "coverage.override.not-given", postcode.value());
		}
		Override override = existing.get(0);
		this.jdbc.update("delete from postcode_override where postcode = ?", postcode.value());
		reassign(PostcodeTable.Selection.postcode(postcode.value()));
		this.imports.changeCoverage();
		Long nowIn = placed(postcode).neighbourhoodId();
		Phrase field = Phrase.of("change.field.postcode-of", postcode.value());
		Snapshot before = Snapshot.of()
			.with(field, Phrase.of("change.value.given-by-hand", override.neighbourhoodName()))
			.build();
		Snapshot after = Snapshot.of().with(field, placeOf(nowIn)).build();
		this.neighbourhoods.find(override.neighbourhoodId())
			.ifPresent((from) -> this.changes.record(by, subject(from), "change.action.postcode-no-longer-given",
					before, after));
		if (nowIn != null && nowIn != override.neighbourhoodId()) {
			this.neighbourhoods.find(nowIn)
				.ifPresent((to) -> this.changes.record(by, subject(to), "change.action.postcode-no-longer-given",
						before, after));
		}
		return (nowIn != null) ? this.neighbourhoods.find(nowIn).map(CoverageNeighbourhoods.Choice::name).orElse(null)
				: null;
	}

	private PostcodeTable.Placed placed(Postcode postcode) {
		return this.postcodes.find(postcode)
			.orElseThrow(() -> new OverrideRefused("postcode", "coverage.override.unknown", postcode.value()));
	}

	private long reassign(PostcodeTable.Selection scope) {
		var connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return this.assigner.assign(connection, scope, Map.of(), true).coverage().changed();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Assigning postcodes failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private long postcodesOf(long neighbourhoodId) {
		return this.postcodes.livePostcodesIn(neighbourhoodId);
	}

	/** The neighbourhood a postcode is in, as the change records show it. */
	private Phrase placeOf(@Nullable Long neighbourhoodId) {
		return Optional.ofNullable(neighbourhoodId)
			.flatMap(this.neighbourhoods::find)
			.map((neighbourhood) -> Phrase.asIs(neighbourhood.name()))
			.orElseGet(() -> Phrase.of("change.value.no-neighbourhood"));
	}

	static Subject subject(CoverageNeighbourhoods.Choice neighbourhood) {
		return new Subject(CoverageChangeRecords.SUBJECT_TYPE, neighbourhood.id(),
				Phrase.of("change.subject.coverage-of", neighbourhood.name()), neighbourhood.id());
	}

}
