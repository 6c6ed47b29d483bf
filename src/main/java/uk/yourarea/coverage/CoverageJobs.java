package uk.yourarea.coverage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Phrase;

/**
 * The rows of coverage jobs: each upload ({@code coverage_import}), the boundaries it
 * brings, and what its preview found (the postcodes it moves and the lines it rejects). A
 * job lives in the database, so its page shows progress whoever looks and whether or not
 * the browser that started it is still open.
 */
@Component
class CoverageJobs {

	private static final Logger log = LoggerFactory.getLogger(CoverageJobs.class);

	private static final String JOB_COLUMNS = """
			id, kind, file_name, file_size, stored_file, status, phase, phase_args, bytes_read, format, lines_read,
			postcodes_in_file, rejected_lines, assigned, moved, outside, error, error_args, based_on_version,
			created_by_name, created_at, heartbeat_at, finished_at, applied_by_name, applied_at""";

	/** The phase of a job that has not started working yet. */
	static final Phrase WAITING_TO_START = Phrase.of("coverage.phase.waiting-to-start");

	private final JdbcTemplate jdbc;

	private final CoverageNeighbourhoods neighbourhoods;

	private final Clock clock;

	CoverageJobs(JdbcTemplate jdbc, CoverageNeighbourhoods neighbourhoods, Clock clock) {
		this.jdbc = jdbc;
		this.neighbourhoods = neighbourhoods;
		this.clock = clock;
	}

	// Writing

	long insert(CoverageJob.Kind kind, StaffUser by, String fileName, long fileSize, @Nullable String storedFile) {
		Instant now = this.clock.instant();
		return Objects.requireNonNull(this.jdbc.queryForObject("""
				insert into coverage_import (kind, file_name, file_size, stored_file, status, phase, phase_args,
				                             created_by_id, created_by_name, created_at, heartbeat_at)
				values (?, ?, ?, ?, 'PREVIEWING', ?, ?, ?, ?, ?, ?) returning id""", Long.class, kind.name(),
				truncate(fileName, 300), fileSize, storedFile, WAITING_TO_START.text(), WAITING_TO_START.argsColumn(),
				by.id(), by.name(), Timestamp.from(now), Timestamp.from(now)));
	}

	void insertBoundary(long id, long neighbourhoodId, String features, String geojson) {
		this.jdbc.update("""
				insert into coverage_import_boundary (coverage_import_id, neighbourhood_id, feature, geojson)
				values (?, ?, ?, ?)""", id, neighbourhoodId, truncate(features, 300), geojson);
	}

	/**
	 * Makes a stopped or ready job a preview again, forgetting what its last preview
	 * found.
	 * @return whether it was one
	 */
	boolean restartPreview(long id) {
		int updated = this.jdbc.update("""
				update coverage_import set status = 'PREVIEWING', phase = null, phase_args = null, bytes_read = 0,
				       error = null, error_args = null, heartbeat_at = ?, finished_at = null
				where id = ? and status in ('READY', 'FAILED', 'INTERRUPTED')""", now(), id);
		if (updated == 1) {
			this.jdbc.update("delete from coverage_import_move where coverage_import_id = ?", id);
			this.jdbc.update("delete from coverage_import_rejection where coverage_import_id = ?", id);
		}
		return updated == 1;
	}

	void markApplying(long id) {
		this.jdbc.update("""
				update coverage_import set status = 'APPLYING', phase = ?, phase_args = ?, heartbeat_at = ?
				where id = ?""", WAITING_TO_START.text(), WAITING_TO_START.argsColumn(), now(), id);
	}

	void markApplied(long id, StaffUser by, CoverageAssigner.Coverage coverage) {
		this.jdbc.update("""
				update coverage_import set status = 'APPLIED', phase = null, phase_args = null, applied_by_name = ?,
				       applied_at = ?,
				       finished_at = ?, assigned = ?, moved = ?, outside = ?, heartbeat_at = ?
				where id = ?""", by.name(), now(), now(), coverage.assigned(), coverage.changed(),
				coverage.unassigned(), now(), id);
	}

	/**
	 * Gives up a job that is ready or stopped, with the boundaries it brought.
	 * @return whether it was one
	 */
	boolean discard(long id) {
		int updated = this.jdbc.update("""
				update coverage_import set status = 'DISCARDED', phase = null, phase_args = null, finished_at = ?
				where id = ? and status in ('READY', 'FAILED', 'INTERRUPTED')""", now(), id);
		if (updated == 1) {
			this.jdbc.update("delete from coverage_import_boundary where coverage_import_id = ?", id);
		}
		return updated == 1;
	}

	/** Records what a preview found: the job is then ready to apply. */
	void savePreview(long id, CoverageImports.Outcome outcome) {
		Map<Long, CoverageNeighbourhoods.Choice> names = this.neighbourhoods.byIdIncludingRetired();
		this.jdbc.update(
				"""
						update coverage_import set status = 'READY', phase = null, phase_args = null, format = ?, lines_read = ?,
						       postcodes_in_file = ?, rejected_lines = ?, assigned = ?, moved = ?, outside = ?,
						       based_on_version = ?, finished_at = ?, heartbeat_at = ?, bytes_read = file_size
						where id = ? and status = 'PREVIEWING'""",
				outcome.format, outcome.linesRead, outcome.postcodesInFile, outcome.rejectedLines,
				outcome.coverage().assigned(), outcome.coverage().changed(), outcome.coverage().unassigned(),
				outcome.basedOnVersion, now(), now(), id);
		List<Object[]> moves = new ArrayList<>();
		for (CoverageAssigner.Move move : outcome.moves) {
			moves.add(new Object[] { id, moves.size() + 1, move.fromId(),
					CoverageNeighbourhoods.nameOf(move.fromId(), names), move.toId(),
					CoverageNeighbourhoods.nameOf(move.toId(), names), move.postcodes(),
					String.join(", ", move.examples()) });
		}
		this.jdbc.batchUpdate("""
				insert into coverage_import_move (coverage_import_id, position, from_neighbourhood_id, from_name,
				                                  to_neighbourhood_id, to_name, postcodes, examples)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", moves);
		List<Object[]> rejections = new ArrayList<>();
		for (CoverageJob.RejectedLine line : outcome.rejections) {
			rejections.add(new Object[] { id, rejections.size() + 1, truncate(line.fileName(), 300), line.lineNumber(),
					line.reason().text(), line.reason().argsColumn() });
		}
		this.jdbc.batchUpdate("""
				insert into coverage_import_rejection (coverage_import_id, position, file_name, line_number, reason,
				                                       reason_args)
				values (?, ?, ?, ?, ?, ?)""", rejections);
	}

	void fail(long id, Phrase message) {
		try {
			this.jdbc.update("""
					update coverage_import set status = 'FAILED', phase = null, phase_args = null, error = ?,
					       error_args = ?, finished_at = ?
					where id = ? and status in ('PREVIEWING', 'APPLYING', 'INTERRUPTED')""", message.text(),
					truncatedArgs(message), now(), id);
		}
		catch (RuntimeException ex) {
			log.error("Could not record that coverage upload {} failed", id, ex);
		}
	}

	/** Records that a working job is alive, and how far it has got. */
	void beat(long id, Instant now, long bytesRead, @Nullable Phrase phase) {
		if (phase == null) {
			this.jdbc.update("""
					update coverage_import set heartbeat_at = ?, bytes_read = ?
					where id = ? and status in ('PREVIEWING', 'APPLYING')""", Timestamp.from(now), bytesRead, id);
			return;
		}
		this.jdbc.update("""
				update coverage_import set heartbeat_at = ?, bytes_read = ?, phase = ?, phase_args = ?
				where id = ? and status in ('PREVIEWING', 'APPLYING')""", Timestamp.from(now), bytesRead, phase.text(),
				truncatedArgs(phase), id);
	}

	/**
	 * Marks a working job interrupted, unless its heartbeat moved since it was read.
	 * @return 1 if it was marked, else 0
	 */
	int markInterrupted(CoverageJob job, Phrase message) {
		return this.jdbc.update("""
				update coverage_import set status = 'INTERRUPTED', phase = null, phase_args = null, error = ?,
				       error_args = ?, finished_at = ?
				where id = ? and status = ? and heartbeat_at = ?""", message.text(), message.argsColumn(), now(),
				job.id(), job.status().name(), Timestamp.from(job.heartbeatAt()));
	}

	// Reading

	/**
	 * The job as its row says (see {@link CoverageJobRunner#asSeen} for how to show it).
	 */
	Optional<CoverageJob> find(long id) {
		return this.jdbc.query("select " + JOB_COLUMNS + " from coverage_import where id = ?", JOB, id)
			.stream()
			.findFirst();
	}

	/** The job, locked until the end of the transaction. */
	Optional<CoverageJob> findForUpdate(long id) {
		return this.jdbc.query("select " + JOB_COLUMNS + " from coverage_import where id = ? for update", JOB, id)
			.stream()
			.findFirst();
	}

	List<CoverageJob> recent(int limit) {
		return this.jdbc.query(
				"select " + JOB_COLUMNS + " from coverage_import order by created_at desc, id desc limit ?", JOB,
				limit);
	}

	List<CoverageJob> workingWithHeartbeatBefore(Instant before) {
		return this.jdbc.query(
				"select " + JOB_COLUMNS
						+ " from coverage_import where status in ('PREVIEWING', 'APPLYING') and heartbeat_at < ?",
				JOB, Timestamp.from(before));
	}

	List<CoverageJob.MoveRow> moves(long id) {
		return this.jdbc.query("""
				select from_neighbourhood_id, from_name, to_neighbourhood_id, to_name, postcodes, examples
				from coverage_import_move where coverage_import_id = ? order by position""",
				(row, n) -> new CoverageJob.MoveRow(row.getObject(1, Long.class), row.getString(2),
						row.getObject(3, Long.class), row.getString(4), row.getLong(5), row.getString(6)),
				id);
	}

	List<CoverageJob.RejectedLine> rejections(long id) {
		return this.jdbc.query("""
				select file_name, line_number, reason, reason_args from coverage_import_rejection
				where coverage_import_id = ? order by position""",
				(row, n) -> new CoverageJob.RejectedLine(row.getString(1), row.getLong(2),
						Objects.requireNonNull(Phrase.read(row, "reason"))),
				id);
	}

	/** The boundaries a job brings, by the name of their neighbourhood. */
	List<CoverageJob.BoundaryRow> boundaries(long id) {
		Map<Long, String> names = new HashMap<>();
		for (CoverageNeighbourhoods.Choice neighbourhood : this.neighbourhoods.allIncludingRetired()) {
			names.put(neighbourhood.id(), neighbourhood.name());
		}
		return this.jdbc
			.query("select neighbourhood_id, feature from coverage_import_boundary where coverage_import_id = ?",
					(row, n) -> new CoverageJob.BoundaryRow(row.getLong(1),
							Objects.requireNonNull(names.get(row.getLong(1))), row.getString(2)),
					id)
			.stream()
			.sorted(Comparator.comparing(CoverageJob.BoundaryRow::neighbourhoodName))
			.toList();
	}

	/** The boundaries a job brings, as GeoJSON, by neighbourhood id. */
	Map<Long, String> uploadedBoundaries(long id) {
		Map<Long, String> boundaries = new LinkedHashMap<>();
		this.jdbc.query("select neighbourhood_id, geojson from coverage_import_boundary where coverage_import_id = ?",
				(row) -> {
					boundaries.put(row.getLong(1), row.getString(2));
				}, id);
		return boundaries;
	}

	static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	/**
	 * The arguments of a phrase for its column, each cut to what a page can show: an
	 * argument may be an exception's message.
	 */
	private static String @Nullable [] truncatedArgs(Phrase phrase) {
		String[] args = phrase.argsColumn();
		if (args != null) {
			for (int i = 0; i < args.length; i++) {
				args[i] = truncate(args[i], 1000);
			}
		}
		return args;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static final RowMapper<CoverageJob> JOB = (row, n) -> new CoverageJob(row.getLong("id"),
			CoverageJob.Kind.valueOf(row.getString("kind")), row.getString("file_name"), row.getLong("file_size"),
			row.getString("stored_file"), CoverageJob.Status.valueOf(row.getString("status")),
			Phrase.read(row, "phase"), row.getLong("bytes_read"), row.getString("format"),
			row.getObject("lines_read", Long.class), row.getObject("postcodes_in_file", Long.class),
			row.getObject("rejected_lines", Long.class), row.getObject("assigned", Long.class),
			row.getObject("moved", Long.class), row.getObject("outside", Long.class), Phrase.read(row, "error"),
			row.getObject("based_on_version", Long.class), row.getString("created_by_name"),
			row.getTimestamp("created_at").toInstant(), row.getTimestamp("heartbeat_at").toInstant(),
			instant(row.getTimestamp("finished_at")), row.getString("applied_by_name"),
			instant(row.getTimestamp("applied_at")));

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
