package uk.yourarea.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.security.ForWebEditors;
import uk.yourarea.security.StaffUser;
import uk.yourarea.web.Phrase;

/**
 * Uploads of postcode files and boundaries, as jobs that run in the background
 * ({@link CoverageJobRunner}, with their rows in {@link CoverageJobs}): first a preview
 * (what would be assigned, moved and left outside, and which lines cannot be used), then,
 * when someone applies it, the change itself in one transaction.
 * <p>
 * A postcode preview runs the real import and assignment in a transaction that is rolled
 * back; applying runs them again and commits. A preview may be applied only while the
 * force's coverage is as it was when the preview was made ({@code coverage_state}), and
 * only when no line of the file was rejected: a file is applied whole or not at all.
 */
@Service
class CoverageImports {

	/**
	 * The job can no longer be applied, or cannot be done now: why, as a key of
	 * staff.properties ({@code coverage.job.*}) and its arguments. A job's status among
	 * them is put into words by the page.
	 */
	static final class NotApplicable extends RuntimeException {

		private final String key;

		private final transient Object[] arguments;

		NotApplicable(String key, Object... arguments) {
			super(key, null, false, false);
			this.key = key;
			this.arguments = arguments;
		}

		String key() {
			return this.key;
		}

		Object[] arguments() {
			return this.arguments.clone();
		}

	}

	static final String CHANGED_SINCE_PREVIEW = "coverage.job.changed-since-preview";

	static final int MAX_REJECTIONS_KEPT = 1000;

	private static final Logger log = LoggerFactory.getLogger(CoverageImports.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final PostcodeImporter importer;

	private final CoverageAssigner assigner;

	private final UploadedFiles files;

	private final Clock clock;

	private final FileLimits limits;

	private final CoverageJobs jobs;

	private final CoverageJobRunner runner;

	private final CoverageChangeRecords records;

	private final MessageSource messages;

	CoverageImports(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transaction,
			PostcodeImporter importer, CoverageAssigner assigner, UploadedFiles files, Clock clock, FileLimits limits,
			CoverageJobs jobs, CoverageJobRunner runner, CoverageChangeRecords records, MessageSource messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.importer = importer;
		this.assigner = assigner;
		this.files = files;
		this.clock = clock;
		this.limits = limits;
		this.jobs = jobs;
		this.runner = runner;
		this.records = records;
	}

	// Starting jobs

	/** Records an uploaded postcode file and starts its preview. */
	@ForWebEditors
	long startPostcodes(StaffUser by, String fileName, long fileSize, String storedFile) {
		long id = this.jobs.insert(CoverageJob.Kind.POSTCODES, by, fileName, fileSize, storedFile);
		startPreview(id);
		return id;
	}

	/** Records the checked boundaries of an upload and starts their preview. */
	@ForWebEditors
	long startBoundaries(StaffUser by, String fileName, long fileSize, Map<Long, BoundaryUpload> boundaries) {
		Long id = this.transaction.execute((status) -> {
			long job = this.jobs.insert(CoverageJob.Kind.BOUNDARIES, by, fileName, fileSize, null);
			boundaries.forEach((neighbourhoodId, boundary) -> this.jobs.insertBoundary(job, neighbourhoodId,
					boundary.features(), Boundaries.toGeoJson(boundary.geometry())));
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
		CoverageJob job = find(id).orElseThrow();
		if (job.status().working() || job.status() == CoverageJob.Status.APPLIED
				|| job.status() == CoverageJob.Status.DISCARDED) {
			throw new NotApplicable("coverage.job.cannot-preview-again", job.status());
		}
		if (job.kind() == CoverageJob.Kind.POSTCODES && !this.files.exists(job.storedFile())) {
			throw new NotApplicable("coverage.job.file-gone");
		}
		if (this.jobs.restartPreview(id)) {
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
			CoverageJob job = this.jobs.findForUpdate(id)
				.orElseThrow(() -> new NotApplicable("coverage.job.no-such-upload"));
			if (job.status() != CoverageJob.Status.READY) {
				throw new NotApplicable("coverage.job.cannot-apply", job.status());
			}
			if (job.hasRejections()) {
				throw lines(job.rejectedLines(), "coverage.job.rejected-line", "coverage.job.rejected-lines");
			}
			if (!Objects.equals(coverageVersion(false), job.basedOnVersion())) {
				throw new NotApplicable(CHANGED_SINCE_PREVIEW);
			}
			this.jobs.markApplying(id);
		});
		this.runner.start(id, (progress) -> runApply(id, by, progress));
	}

	/** Gives up a job that is ready or stopped: nothing of it will be applied. */
	@ForWebEditors
	void discard(long id) {
		CoverageJob job = find(id).orElseThrow();
		if (!this.jobs.discard(id)) {
			throw new NotApplicable("coverage.job.cannot-discard", job.status());
		}
		this.files.delete(job.storedFile());
	}

	// Reading jobs

	@ForWebEditors
	Optional<CoverageJob> find(long id) {
		return this.jobs.find(id).map(this.runner::asSeen);
	}

	@ForWebEditors
	List<CoverageJob> recent(int limit) {
		return this.jobs.recent(limit).stream().map(this.runner::asSeen).toList();
	}

	@ForWebEditors
	List<CoverageJob.MoveRow> moves(long id) {
		return this.jobs.moves(id);
	}

	@ForWebEditors
	List<CoverageJob.RejectedLine> rejections(long id) {
		return this.jobs.rejections(id);
	}

	@ForWebEditors
	List<CoverageJob.BoundaryRow> boundaries(long id) {
		return this.jobs.boundaries(id);
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
		this.runner.start(id, (progress) -> runPreview(id, progress));
	}

	private void runPreview(long id, CoverageJobRunner.Progress progress) {
		try {
			CoverageJob job = find(id).orElseThrow();
			Outcome outcome = Objects.requireNonNull(this.transaction.execute((status) -> {
				long version = coverageVersion(false);
				Outcome result = inConnection((connection) -> work(job, connection, progress, false));
				status.setRollbackOnly();
				return result.basedOn(version);
			}));
			progress.phase("coverage.phase.saving-preview");
			this.transaction.executeWithoutResult((status) -> this.jobs.savePreview(id, outcome));
		}
		catch (RuntimeException ex) {
			log.warn("Coverage upload {} could not be previewed: {}", id, ex.getMessage());
			this.jobs.fail(id, Phrase.of("coverage.job.preview-failed", reason(ex)));
		}
	}

	private void runApply(long id, StaffUser by, CoverageJobRunner.Progress progress) {
		try {
			CoverageJob job = find(id).orElseThrow();
			CoverageJob applying = job;
			this.transaction.executeWithoutResult((status) -> {
				progress.phase("coverage.phase.waiting-for-other-changes");
				if (coverageVersion(true) != Objects.requireNonNull(applying.basedOnVersion())) {
					throw new NotApplicable(CHANGED_SINCE_PREVIEW);
				}
				CoverageChangeRecords.Before before = this.records.before();
				Outcome outcome = inConnection((connection) -> work(applying, connection, progress, true));
				if (outcome.rejectedLines() > 0) {
					throw lines(outcome.rejectedLines(), "coverage.job.rejected-line-now",
							"coverage.job.rejected-lines-now");
				}
				progress.phase("coverage.phase.recording");
				changeCoverage();
				this.records.recordApplied(applying, by, before, outcome.coverage(), outcome.moves,
						(applying.kind() == CoverageJob.Kind.BOUNDARIES)
								? this.jobs.uploadedBoundaries(applying.id()).keySet() : Set.of());
				this.jobs.markApplied(id, by, outcome.coverage());
			});
			this.files.delete(job.storedFile());
			log.info("Coverage upload {} ({}) applied by {}", id, job.fileName(), by);
		}
		catch (RuntimeException ex) {
			log.warn("Coverage upload {} was not applied: {}", id, ex.getMessage());
			this.jobs.fail(id,
					(ex instanceof NotApplicable notApplicable)
							? Phrase.of(notApplicable.key(), notApplicable.arguments())
							: Phrase.of("coverage.job.apply-failed", reason(ex)));
		}
	}

	/**
	 * Imports (postcodes) or replaces (boundaries), then decides every postcode again.
	 */
	private Outcome work(CoverageJob job, Connection connection, CoverageJobRunner.Progress progress, boolean apply)
			throws SQLException {
		Outcome outcome = new Outcome();
		Map<Long, Geometry> replaced = new HashMap<>();
		if (job.kind() == CoverageJob.Kind.POSTCODES) {
			importPostcodes(job, progress, outcome);
		}
		else {
			for (Map.Entry<Long, String> boundary : this.jobs.uploadedBoundaries(job.id()).entrySet()) {
				replaced.put(boundary.getKey(), Boundaries.parse(boundary.getValue()));
			}
			if (apply) {
				Phrase source = BoundarySources.uploaded(job.fileName(),
						DAY.format(now().atZone(this.clock.getZone())));
				for (Map.Entry<Long, String> boundary : this.jobs.uploadedBoundaries(job.id()).entrySet()) {
					this.jdbc.update("""
							insert into neighbourhood_boundary (neighbourhood_id, geojson, source, source_args)
							values (?, ?, ?, ?)
							on conflict (neighbourhood_id) do update set geojson = excluded.geojson,
							    source = excluded.source, source_args = excluded.source_args, derived = false""",
							boundary.getKey(), boundary.getValue(), source.text(), source.argsColumn());
				}
				replaced.clear();
			}
		}
		progress.phase("coverage.phase.assigning");
		CoverageAssigner.Result result = this.assigner.assign(connection, PostcodeTable.Selection.ALL, replaced, apply);
		outcome.coverage = result.coverage();
		outcome.moves = result.moves();
		return outcome;
	}

	private void importPostcodes(CoverageJob job, CoverageJobRunner.Progress progress, Outcome outcome) {
		Path file = this.files.path(Objects.requireNonNull(job.storedFile()));
		UploadedFiles.Packing packing = Objects.requireNonNull(UploadedFiles.packingOf(job.fileName()));
		Set<String> formats = new LinkedHashSet<>();
		try {
			UploadedFiles.forEachCsv(file, packing, progress.bytes, this.limits, (name, csv) -> {
				String shown = (packing == UploadedFiles.Packing.ZIP) ? name : job.fileName();
				progress.phase("coverage.phase.reading", shown);
				PostcodeImporter.Report report;
				try {
					report = this.importer.importFrom(csv);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(shown + ": " + reason(ex), ex);
				}
				formats.add(report.format().name());
				outcome.linesRead += report.linesRead();
				outcome.postcodesInFile += report.imported();
				outcome.rejectedLines += report.rejectedLines();
				for (PostcodeImporter.Rejection rejection : report.rejections()) {
					if (outcome.rejections.size() < MAX_REJECTIONS_KEPT) {
						outcome.rejections
							.add(new CoverageJob.RejectedLine(shown, rejection.lineNumber(), rejection.reason()));
					}
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The file could not be read", ex);
		}
		outcome.format = String.join(", ", formats);
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

	/**
	 * Lines that cannot be used: the message for one, or the message for several with
	 * their number (a stored argument is text, so it cannot choose its own plural).
	 */
	private static NotApplicable lines(@Nullable Long count, String one, String several) {
		long lines = (count != null) ? count : 0;
		return (lines == 1) ? new NotApplicable(one) : new NotApplicable(several, lines);
	}

	/**
	 * Why a job stopped, for the argument of its error: a file's problem in the bundle's
	 * English, as the limits' are ({@link FileLimits}), anything else as it says it.
	 */
	private String reason(RuntimeException ex) {
		if (ex instanceof MessageSourceResolvable problem) {
			return this.messages.getMessage(problem, Locale.UK);
		}
		String message = ex.getMessage();
		return (message == null || message.isBlank()) ? ex.getClass().getSimpleName() : message;
	}

	private static String truncate(String text, int length) {
		return CoverageJobs.truncate(text, length);
	}

	/** What an import or a preview found. */
	static final class Outcome {

		String format = "";

		long linesRead;

		long postcodesInFile;

		long rejectedLines;

		final List<CoverageJob.RejectedLine> rejections = new ArrayList<>();

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
