package uk.yourarea.postcode;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import uk.yourarea.security.ForWebEditors;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.NotFoundException;

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
			long postcodes, @Nullable String boundarySource, List<Override> overrides) {
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

	/** An override that cannot be made or cleared: why, for the form. */
	static final class OverrideRefused extends RuntimeException {

		OverrideRefused(String message) {
			super(message, null, false, false);
		}

	}

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final CoverageAssigner assigner;

	private final CoverageNeighbourhoods neighbourhoods;

	private final CoverageImports imports;

	private final ChangeLog changes;

	private final Clock clock;

	CoverageEditing(JdbcTemplate jdbc, DataSource dataSource, CoverageAssigner assigner,
			CoverageNeighbourhoods neighbourhoods, CoverageImports imports, ChangeLog changes, Clock clock) {
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
		return Objects.requireNonNull(this.jdbc.queryForObject("""
				select count(*), count(neighbourhood_id), (select count(*) from postcode_override)
				from postcode where in_force_area and terminated_on is null""",
				(row, n) -> new ForceSummary(row.getLong(1), row.getLong(2), row.getLong(1) - row.getLong(2),
						row.getLong(3))));
	}

	@Transactional(readOnly = true)
	List<NeighbourhoodSummary> neighbourhoodSummaries() {
		return this.jdbc.query("""
				select n.id, n.code, n.name, coalesce(p.postcodes, 0), coalesce(w.wards, 0),
				       exists (select 1 from neighbourhood_boundary b where b.neighbourhood_id = n.id),
				       coalesce(o.overrides, 0)
				from neighbourhood n
				left join (select neighbourhood_id, count(*) postcodes from postcode
				           where neighbourhood_id is not null and terminated_on is null
				           group by neighbourhood_id) p on p.neighbourhood_id = n.id
				left join (select neighbourhood_id, count(*) wards from neighbourhood_ward
				           group by neighbourhood_id) w on w.neighbourhood_id = n.id
				left join (select neighbourhood_id, count(*) overrides from postcode_override
				           group by neighbourhood_id) o on o.neighbourhood_id = n.id
				order by n.name, n.code""", (row, n) -> new NeighbourhoodSummary(row.getLong(1), row.getString(2),
				row.getString(3), row.getLong(4), row.getLong(5), row.getBoolean(6), row.getLong(7)));
	}

	@Transactional(readOnly = true)
	NeighbourhoodCoverage of(long neighbourhoodId) {
		CoverageNeighbourhoods.Choice neighbourhood = this.neighbourhoods.find(neighbourhoodId)
			.orElseThrow(() -> new NotFoundException("No neighbourhood " + neighbourhoodId));
		Long postcodes = this.jdbc.queryForObject(
				"select count(*) from postcode where neighbourhood_id = ? and terminated_on is null", Long.class,
				neighbourhoodId);
		String source = this.jdbc
			.queryForList("select source from neighbourhood_boundary where neighbourhood_id = ?", String.class,
					neighbourhoodId)
			.stream()
			.findFirst()
			.orElse(null);
		return new NeighbourhoodCoverage(neighbourhood, wardCodes(neighbourhoodId), wardsVersion(neighbourhoodId),
				(postcodes != null) ? postcodes : 0, source, overrides(neighbourhoodId));
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
				select w.ward_code, n.id, n.code, n.name from neighbourhood_ward w
				join neighbourhood n on n.id = w.neighbourhood_id
				where w.ward_code = any(?) and w.neighbourhood_id <> ? order by w.ward_code""", (row) -> {
			taken.put(row.getString(1),
					new CoverageNeighbourhoods.Choice(row.getLong(2), row.getString(3), row.getString(4)));
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
		long moved = changed.isEmpty() ? 0 : reassign(CoverageAssigner.Scope.wards(changed));
		this.imports.changeCoverage();
		this.changes.record(by, subject(neighbourhood), "Ward codes changed",
				Snapshot.of().with("Ward codes", String.join(", ", before)).with("Postcodes", postcodesBefore).build(),
				Snapshot.of()
					.with("Ward codes", String.join(", ", codes.stream().sorted().toList()))
					.with("Postcodes", postcodesOf(neighbourhoodId))
					.build());
		return moved;
	}

	/** The ward list as saved and as typed, for the someone-else-saved-first message. */
	static Snapshot wardsSnapshot(List<String> codes) {
		return Snapshot.of().with("Ward codes", String.join(", ", codes.stream().sorted().toList())).build();
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
		return this.jdbc.query("""
				select o.postcode, o.neighbourhood_id, n.name, o.set_by_name, o.set_at from postcode_override o
				join neighbourhood n on n.id = o.neighbourhood_id
				where\s""" + condition + " order by o.postcode limit 2000", (row, n) -> new Override(row.getString(1),
				row.getLong(2), row.getString(3), row.getString(4), row.getTimestamp(5).toInstant()), parameters);
	}

	/**
	 * Gives one postcode to a neighbourhood by hand: it stays there whatever boundaries,
	 * wards and re-imported postcode files say, until the override is cleared.
	 */
	@Transactional
	void setOverride(StaffUser by, Postcode postcode, long neighbourhoodId) {
		CoverageNeighbourhoods.Choice neighbourhood = this.neighbourhoods.find(neighbourhoodId)
			.orElseThrow(() -> new OverrideRefused("Select a neighbourhood from the list"));
		Map<String, Object> row = postcodeRow(postcode);
		if (!Boolean.TRUE.equals(row.get("in_force_area"))) {
			throw new OverrideRefused(postcode.value() + " is policed by another force, so it cannot be given to "
					+ "one of our neighbourhoods");
		}
		List<Override> existing = overridesWhere("o.postcode = ?", new Object[] { postcode.value() });
		if (!existing.isEmpty()) {
			Override current = existing.get(0);
			throw new OverrideRefused(postcode.value() + " is already given by hand to " + current.neighbourhoodName()
					+ ". Clear that first if it should go elsewhere");
		}
		Long fromId = (Long) row.get("neighbourhood_id");
		String fromName = nameOf(fromId);
		this.jdbc.update("""
				insert into postcode_override (postcode, neighbourhood_id, set_by_id, set_by_name, set_at)
				values (?, ?, ?, ?, ?)""", postcode.value(), neighbourhoodId, by.id(), by.name(),
				Timestamp.from(this.clock.instant()));
		reassign(CoverageAssigner.Scope.postcode(postcode.value()));
		this.imports.changeCoverage();
		String field = "Postcode " + postcode.value();
		Snapshot before = Snapshot.of().with(field, fromName).build();
		Snapshot after = Snapshot.of().with(field, neighbourhood.name() + " (given by hand)").build();
		this.changes.record(by, subject(neighbourhood), "Postcode given by hand", before, after);
		if (fromId != null && fromId != neighbourhoodId) {
			this.neighbourhoods.find(fromId)
				.ifPresent((from) -> this.changes.record(by, subject(from), "Postcode given by hand elsewhere", before,
						after));
		}
	}

	/** Clears an override: the postcode goes where boundaries and wards say. */
	@Transactional
	String clearOverride(StaffUser by, Postcode postcode) {
		List<Override> existing = overridesWhere("o.postcode = ?", new Object[] { postcode.value() });
		if (existing.isEmpty()) {
			throw new OverrideRefused(postcode.value() + " is not given by hand to any neighbourhood");
		}
		Override override = existing.get(0);
		this.jdbc.update("delete from postcode_override where postcode = ?", postcode.value());
		reassign(CoverageAssigner.Scope.postcode(postcode.value()));
		this.imports.changeCoverage();
		Long nowIn = (Long) postcodeRow(postcode).get("neighbourhood_id");
		String field = "Postcode " + postcode.value();
		Snapshot before = Snapshot.of().with(field, override.neighbourhoodName() + " (given by hand)").build();
		Snapshot after = Snapshot.of().with(field, nameOf(nowIn)).build();
		this.neighbourhoods.find(override.neighbourhoodId())
			.ifPresent((from) -> this.changes.record(by, subject(from), "Postcode no longer given by hand", before,
					after));
		if (nowIn != null && nowIn != override.neighbourhoodId()) {
			this.neighbourhoods.find(nowIn)
				.ifPresent((to) -> this.changes.record(by, subject(to), "Postcode no longer given by hand", before,
						after));
		}
		return nameOf(nowIn);
	}

	private Map<String, Object> postcodeRow(Postcode postcode) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"select in_force_area, neighbourhood_id, terminated_on from postcode where postcode = ?",
				postcode.value());
		if (rows.isEmpty()) {
			throw new OverrideRefused(postcode.value() + " is not in our postcode data. Check the postcode, or "
					+ "upload a postcode file that has it");
		}
		return rows.get(0);
	}

	private long reassign(CoverageAssigner.Scope scope) {
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
		Long count = this.jdbc.queryForObject(
				"select count(*) from postcode where neighbourhood_id = ? and terminated_on is null", Long.class,
				neighbourhoodId);
		return (count != null) ? count : 0;
	}

	private String nameOf(@Nullable Long neighbourhoodId) {
		if (neighbourhoodId == null) {
			return "No neighbourhood";
		}
		return this.neighbourhoods.find(neighbourhoodId)
			.map(CoverageNeighbourhoods.Choice::name)
			.orElse("No neighbourhood");
	}

	static Subject subject(CoverageNeighbourhoods.Choice neighbourhood) {
		return new Subject("coverage", neighbourhood.id(), "Coverage of " + neighbourhood.name(), neighbourhood.id());
	}

}
