package uk.yourarea.coverage;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import uk.yourarea.web.Phrase;

/**
 * One upload of postcodes or boundaries and where it has got to, as its row in
 * {@code coverage_import} says ({@link CoverageJobs}). The phase and the error are keys
 * of staff.properties with their arguments (V40); older rows' English is shown as it is.
 * The format is the names of the formats read ({@link PostcodeImporter.Format}), with ",
 * " between them.
 */
record CoverageJob(long id, Kind kind, String fileName, long fileSize, @Nullable String storedFile, Status status,
		@Nullable Phrase phase, long bytesRead, @Nullable String format, @Nullable Long linesRead,
		@Nullable Long postcodesInFile, @Nullable Long rejectedLines, @Nullable Long assigned, @Nullable Long moved,
		@Nullable Long outside, @Nullable Phrase error, @Nullable Long basedOnVersion, String createdByName,
		Instant createdAt, Instant heartbeatAt, @Nullable Instant finishedAt, @Nullable String appliedByName,
		@Nullable Instant appliedAt) {

	enum Kind {

		POSTCODES, BOUNDARIES

	}

	enum Status {

		PREVIEWING("coverage.status.previewing", "govuk-tag--blue"),
		READY("coverage.status.ready", "govuk-tag--yellow"), APPLYING("coverage.status.applying", "govuk-tag--blue"),
		APPLIED("coverage.status.applied", "govuk-tag--green"), FAILED("coverage.status.failed", "govuk-tag--red"),
		INTERRUPTED("coverage.status.interrupted", "govuk-tag--red"),
		DISCARDED("coverage.status.discarded", "govuk-tag--grey");

		private final String labelKey;

		private final String tagClass;

		Status(String labelKey, String tagClass) {
			this.labelKey = labelKey;
			this.tagClass = tagClass;
		}

		/** The key of its name in staff.properties. */
		public String labelKey() {
			return this.labelKey;
		}

		/**
		 * The key of its name in the middle of a sentence ("it is ready to apply"), in
		 * staff.properties.
		 */
		public String inSentenceKey() {
			return this.labelKey + ".in-sentence";
		}

		public String tagClass() {
			return this.tagClass;
		}

		public boolean working() {
			return this == PREVIEWING || this == APPLYING;
		}

	}

	/** A line of a postcode file that cannot be used, and why. */
	record RejectedLine(String fileName, long lineNumber, Phrase reason) {
	}

	/**
	 * Postcodes a preview moves from one neighbourhood to another; a name is {@code null}
	 * for no neighbourhood.
	 */
	record MoveRow(@Nullable Long fromId, @Nullable String fromName, @Nullable Long toId, @Nullable String toName,
			long postcodes, String examples) {
	}

	/** The boundary an upload gives a neighbourhood, and the features it came from. */
	record BoundaryRow(long neighbourhoodId, String neighbourhoodName, String feature) {
	}

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

	/**
	 * Whether it may be previewed again: it stopped, or its preview may be out of date.
	 */
	boolean stoppedOrReady() {
		return this.status == Status.FAILED || this.status == Status.INTERRUPTED || this.status == Status.READY;
	}

	/** The same job as it is seen once its heartbeat has stopped. */
	CoverageJob interrupted(Phrase message) {
		return new CoverageJob(this.id, this.kind, this.fileName, this.fileSize, this.storedFile, Status.INTERRUPTED,
				null, this.bytesRead, this.format, this.linesRead, this.postcodesInFile, this.rejectedLines,
				this.assigned, this.moved, this.outside, message, this.basedOnVersion, this.createdByName,
				this.createdAt, this.heartbeatAt, this.finishedAt, this.appliedByName, this.appliedAt);
	}

}
