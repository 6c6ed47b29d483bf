package uk.yourarea.postcode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.audit.ChangeLog;
import uk.yourarea.audit.Snapshot;
import uk.yourarea.audit.Subject;
import uk.yourarea.security.ForWebEditors;
import uk.yourarea.security.StaffUser;

/**
 * Uploads of postcode files and boundaries, as jobs that run in the background: first a
 * preview (what would be assigned, moved and left outside, and which lines cannot be
 * used), then, when someone applies it, the change itself in one transaction. A job lives
 * in a database row, so its page shows progress whoever looks and whether or not the
 * browser that started it is still open.
 * <p>
 * A postcode preview runs the real import and assignment in a transaction that is rolled
 * back; applying runs them again and commits. A preview may be applied only while the
 * force's coverage is as it was when the preview was made ({@code coverage_state}), and
 * only when no line of the file was rejected: a file is applied whole or not at all.
 * <p>
 * A working job moves its heartbeat every few seconds; one whose heartbeat stopped (the
 * application was stopped under it) is marked {@link Status#INTERRUPTED}, and its
 * transaction never committed, so nothing of it was applied.
 */
@Service
class CoverageImports {

	enum Kind {

		POSTCODES, BOUNDARIES

	}

	enum Status {

		PREVIEWING("Preparing preview", "govuk-tag--blue"), READY("Ready to apply", "govuk-tag--yellow"),
		APPLYING("Applying", "govuk-tag--blue"), APPLIED("Applied", "govuk-tag--green"),
		FAILED("Failed", "govuk-tag--red"), INTERRUPTED("Interrupted", "govuk-tag--red"),
		DISCARDED("Discarded", "govuk-tag--grey");

		private final String label;

		private final String tagClass;

		Status(String label, String tagClass) {
			this.label = label;
			this.tagClass = tagClass;
		}

		public String label() {
			return this.label;
		}

		public String tagClass() {
			return this.tagClass;
		}

		public boolean working() {
			return this == PREVIEWING || this == APPLYING;
		}

	}

	/** One upload and where it has got to. */
	record Job(long id, Kind kind, String fileName, long fileSize, @Nullable String storedFile, Status status,
			@Nullable String phase, long bytesRead, @Nullable String format, @Nullable Long linesRead,
			@Nullable Long postcodesInFile, @Nullable Long rejectedLines, @Nullable Long assigned, @Nullable Long moved,
			@Nullable Long outside, @Nullable String error, @Nullable Long basedOnVersion, String createdByName,
			Instant createdAt, Instant heartbeatAt, @Nullable Instant finishedAt, @Nullable String appliedByName,
			@Nullable Instant appliedAt) {

		/** Reading the file, as a whole percentage, while a postcode job reads it. */
		public int percentRead() {
			return (this.fileSize <= 0) ? 0 : (int) Math.min(100, this.bytesRead * 100 / this.fileSize);
		}

		public boolean hasRejections() {
			return this.rejectedLines != null && this.rejectedLines > 0;
		}

		public boolean canBeApplied() {
			return this.status == Status.READY && !hasRejections();
		}

	}

	record RejectedLine(String fileName, long lineNumber, String reason) {
	}

	record MoveRow(@Nullable Long fromId, String fromName, @Nullable Long toId, String toName, long postcodes,
			String examples) {
	}

	record BoundaryRow(long neighbourhoodId, String neighbourhoodName, String feature) {
	}

	/** The job can no longer be applied: why, in words for the page. */
	static final class NotApplicable extends RuntimeException {

		NotApplicable(String message) {
			super(message, null, false, false);
		}

	}

	static final String CHANGED_SINCE_PREVIEW = "The postcode coverage has changed since this preview was made "
			+ "(another upload, or a change to wards or postcodes given by hand). Nothing was changed: "
			+ "preview the upload again to see what it would do now.";

	static final int MAX_REJECTIONS_KEPT = 1000;

	/** The subject id of records about the whole force's coverage. */
	static final long WHOLE_FORCE = 0;

	private static final Logger log = LoggerFactory.getLogger(CoverageImports.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final String JOB_COLUMNS = """
			id, kind, file_name, file_size, stored_file, status, phase, bytes_read, format, lines_read,
			postcodes_in_file, rejected_lines, assigned, moved, outside, error, based_on_version, created_by_name,
			created_at, heartbeat_at, finished_at, applied_by_name, applied_at""";

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final PostcodeImporter importer;

	private final CoverageAssigner assigner;

	private final UploadedFiles files;

	private final CoverageNeighbourhoods neighbourhoods;

	private final ChangeLog changes;

	private final Clock clock;

	private final CoverageProperties properties;

	private final FileLimits limits;

	private final ExecutorService workers;

	private final ScheduledExecutorService heartbeats;

	/** The jobs this instance is working on, with how far they have got. */
	private final Map<Long, Progress> active = new ConcurrentHashMap<>();

	CoverageImports(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transaction,
			PostcodeImporter importer, CoverageAssigner assigner, UploadedFiles files,
			CoverageNeighbourhoods neighbourhoods, ChangeLog changes, Clock clock, CoverageProperties properties,
			FileLimits limits) {
		this.limits = limits;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.importer = importer;
		this.assigner = assigner;
		this.files = files;
		this.neighbourhoods = neighbourhoods;
		this.changes = changes;
		this.clock = clock;
		this.properties = properties;
		AtomicInteger threads = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "coverage-import-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "coverage-import-heartbeat");
			thread.setDaemon(true);
			return thread;
		});
		long every = properties.heartbeat().toMillis();
		this.heartbeats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
	}

	// Starting jobs

	/** Records an uploaded postcode file and starts its preview. */
	@ForWebEditors
	long startPostcodes(StaffUser by, String fileName, long fileSize, String storedFile) {
		long id = insertJob(Kind.POSTCODES, by, fileName, fileSize, storedFile);
		startPreview(id);
		return id;
	}

	/** Records the checked boundaries of an upload and starts their preview. */
	@ForWebEditors
	long startBoundaries(StaffUser by, String fileName, long fileSize, Map<Long, BoundaryUpload> boundaries) {
		Long id = this.transaction.execute((status) -> {
			long job = insertJob(Kind.BOUNDARIES, by, fileName, fileSize, null);
			boundaries.forEach((neighbourhoodId, boundary) -> this.jdbc.update("""
					insert into coverage_import_boundary (coverage_import_id, neighbourhood_id, feature, geojson)
					values (?, ?, ?, ?)""", job, neighbourhoodId, truncate(boundary.features(), 300),
					Boundaries.toGeoJson(boundary.geometry())));
			return job;
		});
		startPreview(Objects.requireNonNull(id));
		return id;
	}

	/** The boundary one upload gives a neighbourhood, and the features it came from. */
	record BoundaryUpload(String features, Geometry geometry) {
	}

	/** Previews an interrupted, failed or out-of-date job again. */
	@ForWebEditors
	void previewAgain(long id) {
		Job job = find(id).orElseThrow();
		if (job.status().working() || job.status() == Status.APPLIED || job.status() == Status.DISCARDED) {
			throw new NotApplicable("This upload cannot be previewed again: it is "
					+ job.status().label().toLowerCase(Locale.UK) + ".");
		}
		if (job.kind() == Kind.POSTCODES && !this.files.exists(job.storedFile())) {
			throw new NotApplicable("The uploaded file is no longer kept: upload it again.");
		}
		int updated = this.jdbc.update("""
				update coverage_import set status = 'PREVIEWING', phase = null, bytes_read = 0, error = null,
				       heartbeat_at = ?, finished_at = null
				where id = ? and status in ('READY', 'FAILED', 'INTERRUPTED')""", ts(), id);
		if (updated == 1) {
			this.jdbc.update("delete from coverage_import_move where coverage_import_id = ?", id);
			this.jdbc.update("delete from coverage_import_rejection where coverage_import_id = ?", id);
			startPreview(id);
		}
	}

	/**
	 * Starts applying a job that is ready.
	 * @throws NotApplicable when it is not ready, has rejected lines, or the coverage has
	 * changed since its preview
	 */
	@ForWebEditors
	void apply(long id, StaffUser by) {
		this.transaction.executeWithoutResult((status) -> {
			Job job = this.jdbc
				.query("select " + JOB_COLUMNS + " from coverage_import where id = ? for update", JOB, id)
				.stream()
				.findFirst()
				.orElseThrow(() -> new NotApplicable("There is no such upload."));
			if (job.status() != Status.READY) {
				throw new NotApplicable(
						"This upload cannot be applied: it is " + job.status().label().toLowerCase(Locale.UK) + ".");
			}
			if (job.hasRejections()) {
				throw new NotApplicable("This file cannot be applied: " + lines(job.rejectedLines())
						+ " of it cannot be used. Correct the file and upload it again.");
			}
			if (!Objects.equals(coverageVersion(false), job.basedOnVersion())) {
				throw new NotApplicable(CHANGED_SINCE_PREVIEW);
			}
			this.jdbc.update("update coverage_import set status = 'APPLYING', phase = ?, heartbeat_at = ? where id = ?",
					"Waiting to start", ts(), id);
		});
		Progress progress = new Progress();
		this.active.put(id, progress);
		this.workers.execute(() -> runApply(id, by, progress));
	}

	/** Gives up a job that is ready or stopped: nothing of it will be applied. */
	@ForWebEditors
	void discard(long id) {
		Job job = find(id).orElseThrow();
		int updated = this.jdbc.update("""
				update coverage_import set status = 'DISCARDED', phase = null, finished_at = ?
				where id = ? and status in ('READY', 'FAILED', 'INTERRUPTED')""", ts(), id);
		if (updated != 1) {
			throw new NotApplicable(
					"This upload cannot be discarded: it is " + job.status().label().toLowerCase(Locale.UK) + ".");
		}
		this.jdbc.update("delete from coverage_import_boundary where coverage_import_id = ?", id);
		this.files.delete(job.storedFile());
	}

	// Reading jobs

	@ForWebEditors
	Optional<Job> find(long id) {
		return this.jdbc.query("select " + JOB_COLUMNS + " from coverage_import where id = ?", JOB, id)
			.stream()
			.findFirst()
			.map(this::asSeen);
	}

	@ForWebEditors
	List<Job> recent(int limit) {
		return this.jdbc
			.query("select " + JOB_COLUMNS + " from coverage_import order by created_at desc, id desc limit ?", JOB,
					limit)
			.stream()
			.map(this::asSeen)
			.toList();
	}

	@ForWebEditors
	List<MoveRow> moves(long id) {
		return this.jdbc.query("""
				select from_neighbourhood_id, from_name, to_neighbourhood_id, to_name, postcodes, examples
				from coverage_import_move where coverage_import_id = ? order by position""",
				(row, n) -> new MoveRow(row.getObject(1, Long.class), row.getString(2), row.getObject(3, Long.class),
						row.getString(4), row.getLong(5), row.getString(6)),
				id);
	}

	@ForWebEditors
	List<RejectedLine> rejections(long id) {
		return this.jdbc.query("""
				select file_name, line_number, reason from coverage_import_rejection
				where coverage_import_id = ? order by position""",
				(row, n) -> new RejectedLine(row.getString(1), row.getLong(2), row.getString(3)), id);
	}

	@ForWebEditors
	List<BoundaryRow> boundaries(long id) {
		return this.jdbc.query("""
				select b.neighbourhood_id, n.name, b.feature from coverage_import_boundary b
				join neighbourhood n on n.id = b.neighbourhood_id
				where b.coverage_import_id = ? order by n.name""",
				(row, n) -> new BoundaryRow(row.getLong(1), row.getString(2), row.getString(3)), id);
	}

	/**
	 * A job whose heartbeat has stopped is shown as interrupted at once, before the sweep
	 * marks it so.
	 */
	private Job asSeen(Job job) {
		if (job.status().working() && !this.active.containsKey(job.id())
				&& job.heartbeatAt().isBefore(now().minus(this.properties.interruptedAfter()))) {
			return new Job(job.id(), job.kind(), job.fileName(), job.fileSize(), job.storedFile(), Status.INTERRUPTED,
					null, job.bytesRead(), job.format(), job.linesRead(), job.postcodesInFile(), job.rejectedLines(),
					job.assigned(), job.moved(), job.outside(), interruptedMessage(job.status()), job.basedOnVersion(),
					job.createdByName(), job.createdAt(), job.heartbeatAt(), job.finishedAt(), job.appliedByName(),
					job.appliedAt());
		}
		return job;
	}

	// The coverage version

	/**
	 * Raises the coverage version: call in the transaction of every change to coverage.
	 */
	long changeCoverage() {
		return Objects.requireNonNull(this.jdbc.queryForObject(
				"update coverage_state set version = version + 1 where id = 1 returning version", Long.class));
	}

	private long coverageVersion(boolean lock) {
		return Objects.requireNonNull(this.jdbc.queryForObject(
				"select version from coverage_state where id = 1" + (lock ? " for update" : ""), Long.class));
	}

	// Background work

	private void startPreview(long id) {
		Progress progress = new Progress();
		this.active.put(id, progress);
		this.workers.execute(() -> runPreview(id, progress));
	}

	private void runPreview(long id, Progress progress) {
		try {
			Job job = find(id).orElseThrow();
			Outcome outcome = Objects.requireNonNull(this.transaction.execute((status) -> {
				long version = coverageVersion(false);
				Outcome result = inConnection((connection) -> work(job, connection, progress, false));
				status.setRollbackOnly();
				return result.basedOn(version);
			}));
			progress.phase("Saving the preview");
			this.transaction.executeWithoutResult((status) -> savePreview(id, outcome));
		}
		catch (RuntimeException ex) {
			log.warn("Coverage upload {} could not be previewed: {}", id, ex.getMessage());
			fail(id, "The preview could not be made: " + reason(ex));
		}
		finally {
			this.active.remove(id);
		}
	}

	private void runApply(long id, StaffUser by, Progress progress) {
		Job job = null;
		try {
			job = find(id).orElseThrow();
			Job applying = job;
			this.transaction.executeWithoutResult((status) -> {
				progress.phase("Waiting for other changes to coverage to finish");
				if (coverageVersion(true) != Objects.requireNonNull(applying.basedOnVersion())) {
					throw new NotApplicable(CHANGED_SINCE_PREVIEW);
				}
				Map<Long, Long> before = postcodesPerNeighbourhood();
				long[] forceBefore = forceCounts();
				Map<Long, String> sourcesBefore = boundarySources();
				Outcome outcome = inConnection((connection) -> work(applying, connection, progress, true));
				if (outcome.rejectedLines() > 0) {
					throw new NotApplicable("This file has " + lines(outcome.rejectedLines())
							+ " that cannot be used. Nothing was changed.");
				}
				progress.phase("Recording the change");
				changeCoverage();
				record(applying, by, before, forceBefore, sourcesBefore, outcome);
				this.jdbc.update(
						"""
								update coverage_import set status = 'APPLIED', phase = null, applied_by_name = ?, applied_at = ?,
								       finished_at = ?, assigned = ?, moved = ?, outside = ?, heartbeat_at = ?
								where id = ?""",
						by.name(), ts(), ts(), outcome.coverage().assigned(), outcome.coverage().changed(),
						outcome.coverage().unassigned(), ts(), id);
			});
			this.files.delete(job.storedFile());
			log.info("Coverage upload {} ({}) applied by {}", id, job.fileName(), by);
		}
		catch (RuntimeException ex) {
			log.warn("Coverage upload {} was not applied: {}", id, ex.getMessage());
			fail(id, (ex instanceof NotApplicable) ? ex.getMessage()
					: "Nothing was changed: applying it failed. " + reason(ex));
		}
		finally {
			this.active.remove(id);
		}
	}

	/**
	 * Imports (postcodes) or replaces (boundaries), then decides every postcode again.
	 */
	private Outcome work(Job job, Connection connection, Progress progress, boolean apply) throws SQLException {
		Outcome outcome = new Outcome();
		Map<Long, Geometry> replaced = new HashMap<>();
		if (job.kind() == Kind.POSTCODES) {
			importPostcodes(job, progress, outcome);
		}
		else {
			for (Map.Entry<Long, String> boundary : uploadedBoundaries(job.id()).entrySet()) {
				replaced.put(boundary.getKey(), Boundaries.parse(boundary.getValue()));
			}
			if (apply) {
				String source = truncate(
						"Uploaded as " + job.fileName() + " on " + DAY.format(now().atZone(this.clock.getZone())), 300);
				for (Map.Entry<Long, String> boundary : uploadedBoundaries(job.id()).entrySet()) {
					this.jdbc.update("""
							insert into neighbourhood_boundary (neighbourhood_id, geojson, source) values (?, ?, ?)
							on conflict (neighbourhood_id) do update set geojson = excluded.geojson,
							    source = excluded.source""", boundary.getKey(), boundary.getValue(), source);
				}
				replaced.clear();
			}
		}
		progress.phase("Working out which neighbourhood each postcode belongs to");
		CoverageAssigner.Result result = this.assigner.assign(connection, CoverageAssigner.Scope.ALL, replaced, apply);
		outcome.coverage = result.coverage();
		outcome.moves = result.moves();
		return outcome;
	}

	private void importPostcodes(Job job, Progress progress, Outcome outcome) {
		Path file = this.files.path(Objects.requireNonNull(job.storedFile()));
		UploadedFiles.Packing packing = Objects.requireNonNull(UploadedFiles.packingOf(job.fileName()));
		Set<String> formats = new LinkedHashSet<>();
		try {
			UploadedFiles.forEachCsv(file, packing, progress.bytes, this.limits, (name, csv) -> {
				String shown = (packing == UploadedFiles.Packing.ZIP) ? name : job.fileName();
				progress.phase("Reading " + shown);
				PostcodeImporter.Report report;
				try {
					report = this.importer.importFrom(csv);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(shown + ": " + ex.getMessage(), ex);
				}
				formats.add(report.format().label());
				outcome.linesRead += report.linesRead();
				outcome.postcodesInFile += report.imported();
				outcome.rejectedLines += report.rejectedLines();
				for (PostcodeImporter.Rejection rejection : report.rejections()) {
					if (outcome.rejections.size() < MAX_REJECTIONS_KEPT) {
						outcome.rejections
							.add(new RejectedLine(shown, rejection.lineNumber(), truncate(rejection.reason(), 1000)));
					}
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The file could not be read", ex);
		}
		outcome.format = String.join(", ", formats);
	}

	private Map<Long, String> uploadedBoundaries(long id) {
		Map<Long, String> boundaries = new LinkedHashMap<>();
		this.jdbc.query("select neighbourhood_id, geojson from coverage_import_boundary where coverage_import_id = ?",
				(row) -> {
					boundaries.put(row.getLong(1), row.getString(2));
				}, id);
		return boundaries;
	}

	private void savePreview(long id, Outcome outcome) {
		Map<Long, CoverageNeighbourhoods.Choice> names = this.neighbourhoods.byId();
		this.jdbc.update("""
				update coverage_import set status = 'READY', phase = null, format = ?, lines_read = ?,
				       postcodes_in_file = ?, rejected_lines = ?, assigned = ?, moved = ?, outside = ?,
				       based_on_version = ?, finished_at = ?, heartbeat_at = ?, bytes_read = file_size
				where id = ? and status = 'PREVIEWING'""", outcome.format, outcome.linesRead, outcome.postcodesInFile,
				outcome.rejectedLines, outcome.coverage().assigned(), outcome.coverage().changed(),
				outcome.coverage().unassigned(), outcome.basedOnVersion, ts(), ts(), id);
		List<Object[]> moves = new ArrayList<>();
		for (CoverageAssigner.Move move : outcome.moves) {
			moves.add(new Object[] { id, moves.size() + 1, move.fromId(), nameOf(move.fromId(), names), move.toId(),
					nameOf(move.toId(), names), move.postcodes(), String.join(", ", move.examples()) });
		}
		this.jdbc.batchUpdate("""
				insert into coverage_import_move (coverage_import_id, position, from_neighbourhood_id, from_name,
				                                  to_neighbourhood_id, to_name, postcodes, examples)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", moves);
		List<Object[]> rejections = new ArrayList<>();
		for (RejectedLine line : outcome.rejections) {
			rejections.add(new Object[] { id, rejections.size() + 1, truncate(line.fileName(), 300), line.lineNumber(),
					line.reason() });
		}
		this.jdbc.batchUpdate("""
				insert into coverage_import_rejection (coverage_import_id, position, file_name, line_number, reason)
				values (?, ?, ?, ?, ?)""", rejections);
	}

	private void record(Job job, StaffUser by, Map<Long, Long> before, long[] forceBefore,
			Map<Long, String> sourcesBefore, Outcome outcome) {
		String action = truncate(
				((job.kind() == Kind.POSTCODES) ? "Postcode file applied: " : "Boundaries applied: ") + job.fileName(),
				100);
		Map<Long, Long> after = postcodesPerNeighbourhood();
		Map<Long, String> sourcesAfter = boundarySources();
		Set<Long> touched = new LinkedHashSet<>();
		for (CoverageAssigner.Move move : outcome.moves) {
			if (move.fromId() != null) {
				touched.add(move.fromId());
			}
			if (move.toId() != null) {
				touched.add(move.toId());
			}
		}
		if (job.kind() == Kind.BOUNDARIES) {
			touched.addAll(uploadedBoundaries(job.id()).keySet());
		}
		Map<Long, CoverageNeighbourhoods.Choice> names = this.neighbourhoods.byId();
		this.changes.record(by, new Subject("coverage", WHOLE_FORCE, "Postcode coverage of the force", null), action,
				Snapshot.of()
					.with("Upload", "")
					.with("Live postcodes in the force area", forceBefore[0])
					.with("Postcodes in a neighbourhood", forceBefore[1])
					.with("Postcodes outside every neighbourhood", forceBefore[0] - forceBefore[1])
					.with("Postcodes that changed neighbourhood", "")
					.build(),
				Snapshot.of()
					.with("Upload", job.fileName())
					.with("Live postcodes in the force area", outcome.coverage().postcodesInForceArea())
					.with("Postcodes in a neighbourhood", outcome.coverage().assigned())
					.with("Postcodes outside every neighbourhood", outcome.coverage().unassigned())
					.with("Postcodes that changed neighbourhood", outcome.coverage().changed())
					.build());
		for (long neighbourhoodId : touched) {
			CoverageNeighbourhoods.Choice neighbourhood = names.get(neighbourhoodId);
			if (neighbourhood == null) {
				continue;
			}
			List<String> movedIn = new ArrayList<>();
			List<String> movedOut = new ArrayList<>();
			for (CoverageAssigner.Move move : outcome.moves) {
				if (Objects.equals(move.toId(), neighbourhoodId)) {
					movedIn.add(describe(move, "from " + nameOf(move.fromId(), names)));
				}
				if (Objects.equals(move.fromId(), neighbourhoodId)) {
					movedOut.add(describe(move, "to " + nameOf(move.toId(), names)));
				}
			}
			this.changes.record(by,
					new Subject("coverage", neighbourhoodId, "Coverage of " + neighbourhood.name(), neighbourhoodId),
					action,
					Snapshot.of()
						.with("Postcodes", before.getOrDefault(neighbourhoodId, 0L))
						.with("Boundary", sourcesBefore.getOrDefault(neighbourhoodId, "None"))
						.with("Postcodes that came in", "")
						.with("Postcodes that went out", "")
						.build(),
					Snapshot.of()
						.with("Postcodes", after.getOrDefault(neighbourhoodId, 0L))
						.with("Boundary", sourcesAfter.getOrDefault(neighbourhoodId, "None"))
						.with("Postcodes that came in", truncate(String.join("; ", movedIn), 2000))
						.with("Postcodes that went out", truncate(String.join("; ", movedOut), 2000))
						.build());
		}
	}

	Map<Long, Long> postcodesPerNeighbourhood() {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query("""
				select neighbourhood_id, count(*) from postcode
				where neighbourhood_id is not null and terminated_on is null group by neighbourhood_id""", (row) -> {
			counts.put(row.getLong(1), row.getLong(2));
		});
		return counts;
	}

	private long[] forceCounts() {
		return Objects.requireNonNull(this.jdbc.queryForObject("""
				select count(*), count(neighbourhood_id) from postcode where in_force_area and terminated_on is null""",
				(row, n) -> new long[] { row.getLong(1), row.getLong(2) }));
	}

	private Map<Long, String> boundarySources() {
		Map<Long, String> sources = new HashMap<>();
		this.jdbc.query("select neighbourhood_id, source from neighbourhood_boundary", (row) -> {
			sources.put(row.getLong(1), row.getString(2));
		});
		return sources;
	}

	private void fail(long id, String message) {
		try {
			this.jdbc.update("""
					update coverage_import set status = 'FAILED', phase = null, error = ?, finished_at = ?
					where id = ? and status in ('PREVIEWING', 'APPLYING', 'INTERRUPTED')""", truncate(message, 2000),
					ts(), id);
		}
		catch (RuntimeException ex) {
			log.error("Could not record that coverage upload {} failed", id, ex);
		}
	}

	// Heartbeats and interrupted jobs

	private void beat() {
		try {
			Instant now = now();
			this.active.forEach((id, progress) -> this.jdbc.update("""
					update coverage_import set heartbeat_at = ?, bytes_read = ?, phase = coalesce(?, phase)
					where id = ? and status in ('PREVIEWING', 'APPLYING')""", Timestamp.from(now), progress.bytes.get(),
					progress.phase, id));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the progress of coverage uploads: {}", ex.getMessage());
		}
	}

	/**
	 * Marks as interrupted the jobs whose heartbeat stopped: the application stopped
	 * while they worked, and their transaction never committed.
	 */
	@Scheduled(initialDelay = 5_000, fixedDelay = 30_000)
	int sweepInterrupted() {
		Long[] mine = this.active.keySet().toArray(Long[]::new);
		List<Job> stale = this.jdbc.query(
				"select " + JOB_COLUMNS
						+ " from coverage_import where status in ('PREVIEWING', 'APPLYING') and heartbeat_at < ?",
				JOB, Timestamp.from(now().minus(this.properties.interruptedAfter())));
		int marked = 0;
		for (Job job : stale) {
			if (Arrays.asList(mine).contains(job.id())) {
				continue;
			}
			marked += this.jdbc.update("""
					update coverage_import set status = 'INTERRUPTED', phase = null, error = ?, finished_at = ?
					where id = ? and status = ? and heartbeat_at = ?""", interruptedMessage(job.status()), ts(),
					job.id(), job.status().name(), Timestamp.from(job.heartbeatAt()));
		}
		if (marked > 0) {
			log.warn("{} coverage uploads were interrupted by a restart", marked);
		}
		return marked;
	}

	private static String interruptedMessage(Status status) {
		return (status == Status.APPLYING)
				? "The application stopped while this upload was being applied. Nothing of it was applied."
				: "The application stopped while this preview was being made.";
	}

	@PreDestroy
	void stop() {
		this.heartbeats.shutdownNow();
		this.workers.shutdownNow();
		try {
			this.workers.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// Helpers

	private long insertJob(Kind kind, StaffUser by, String fileName, long fileSize, @Nullable String storedFile) {
		Instant now = now();
		return Objects.requireNonNull(this.jdbc.queryForObject("""
				insert into coverage_import (kind, file_name, file_size, stored_file, status, phase, created_by_id,
				                             created_by_name, created_at, heartbeat_at)
				values (?, ?, ?, ?, 'PREVIEWING', 'Waiting to start', ?, ?, ?, ?) returning id""", Long.class,
				kind.name(), truncate(fileName, 300), fileSize, storedFile, by.id(), by.name(), Timestamp.from(now),
				Timestamp.from(now)));
	}

	private <T> T inConnection(CoverageAssigner.SqlWork<T> work) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

	private Timestamp ts() {
		return Timestamp.from(now());
	}

	private static String nameOf(@Nullable Long id, Map<Long, CoverageNeighbourhoods.Choice> names) {
		if (id == null) {
			return "No neighbourhood";
		}
		CoverageNeighbourhoods.Choice choice = names.get(id);
		return (choice != null) ? choice.name() : "Neighbourhood " + id;
	}

	/** "3 from Riverside (LE1 1AA, LE1 1AB, LE1 1AD)" */
	private static String describe(CoverageAssigner.Move move, String fromOrTo) {
		return "%,d %s (%s%s)".formatted(move.postcodes(), fromOrTo, String.join(", ", move.examples()),
				(move.postcodes() > move.examples().size()) ? ", …" : "");
	}

	static String lines(@Nullable Long count) {
		long n = (count != null) ? count : 0;
		return (n == 1) ? "1 line" : "%,d lines".formatted(n);
	}

	private static String reason(RuntimeException ex) {
		String message = ex.getMessage();
		return (message == null || message.isBlank()) ? ex.getClass().getSimpleName() : message;
	}

	static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	private static final RowMapper<Job> JOB = (row, n) -> new Job(row.getLong("id"),
			Kind.valueOf(row.getString("kind")), row.getString("file_name"), row.getLong("file_size"),
			row.getString("stored_file"), Status.valueOf(row.getString("status")), row.getString("phase"),
			row.getLong("bytes_read"), row.getString("format"), row.getObject("lines_read", Long.class),
			row.getObject("postcodes_in_file", Long.class), row.getObject("rejected_lines", Long.class),
			row.getObject("assigned", Long.class), row.getObject("moved", Long.class),
			row.getObject("outside", Long.class), row.getString("error"), row.getObject("based_on_version", Long.class),
			row.getString("created_by_name"), row.getTimestamp("created_at").toInstant(),
			row.getTimestamp("heartbeat_at").toInstant(), instant(row.getTimestamp("finished_at")),
			row.getString("applied_by_name"), instant(row.getTimestamp("applied_at")));

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** How far a job has got, for its heartbeat. */
	static final class Progress {

		final AtomicLong bytes = new AtomicLong();

		volatile @Nullable String phase;

		void phase(String phase) {
			this.phase = phase;
		}

	}

	/** What an import or a preview found. */
	static final class Outcome {

		String format = "";

		long linesRead;

		long postcodesInFile;

		long rejectedLines;

		final List<RejectedLine> rejections = new ArrayList<>();

		CoverageAssigner.@Nullable Coverage coverage;

		List<CoverageAssigner.Move> moves = List.of();

		long basedOnVersion;

		CoverageAssigner.Coverage coverage() {
			return Objects.requireNonNull(this.coverage);
		}

		long rejectedLines() {
			return this.rejectedLines;
		}

		Outcome basedOn(long version) {
			this.basedOnVersion = version;
			return this;
		}

	}

}
