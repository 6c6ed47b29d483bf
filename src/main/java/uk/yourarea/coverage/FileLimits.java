package uk.yourarea.coverage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How far a postcode or boundary file may unpack, so that a small file cannot make the
 * site read, write or hold gigabytes (a "zip bomb"), and how long a line of a postcode
 * file may be, so that a file of one endless line is never held in memory.
 * <p>
 * A packed file (zip or gzip) is read through a {@link Budget}: every byte it unpacks to
 * is counted, including zip entries that are skipped, and it is refused as soon as it
 * passes a limit, whatever the sizes written in the file claim. A zip's entry count and
 * the sizes it declares are also checked before anything is unpacked
 * ({@link #checkZipEntries}, {@link #checkDeclared}). What a person reads when a file is
 * refused comes from messages.properties ({@code coverage.limit.*}), carried by
 * {@link Exceeded} wherever the file is being read.
 * <p>
 * Boundary files have their own limits ({@link #forBoundaries}): they are read whole into
 * memory, so they may unpack to no more than a boundary file may be
 * ({@code yourarea.coverage.max-boundary-file-size}) and hold at most
 * {@code yourarea.coverage.max-boundary-points} points.
 */
@Component
class FileLimits {

	/**
	 * How much a packed file may unpack before the compression ratio is looked at: a
	 * small file may compress very well without being a bomb.
	 */
	static final long RATIO_ALLOWANCE = 256 * 1024;

	/** Refusal of a file that passes a limit, in words for the person who sent it. */
	static final class Exceeded extends IllegalArgumentException {

		Exceeded(String message) {
			super(message, null);
		}

	}

	private final int maxZipEntries;

	private final DataSize maxUnpackedSize;

	private final int maxCompressionRatio;

	private final int maxLineLength;

	private final int maxBoundaryPoints;

	private final MessageSource messages;

	FileLimits(int maxZipEntries, DataSize maxUnpackedSize, int maxCompressionRatio, int maxLineLength,
			int maxBoundaryPoints, MessageSource messages) {
		this.maxZipEntries = maxZipEntries;
		this.maxUnpackedSize = maxUnpackedSize;
		this.maxCompressionRatio = maxCompressionRatio;
		this.maxLineLength = maxLineLength;
		this.maxBoundaryPoints = maxBoundaryPoints;
		this.messages = messages;
	}

	/** The limits for postcode files, from the settings. */
	@Autowired
	FileLimits(CoverageProperties properties, MessageSource messages) {
		this(properties.maxZipEntries(), properties.maxUnpackedSize(), properties.maxCompressionRatio(),
				properties.maxLineLength(), properties.maxBoundaryPoints(), messages);
	}

	/**
	 * The default limits with the site's own wording, for code that runs without the
	 * application (tests of file reading).
	 */
	static FileLimits defaults() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages", "staff");
		messages.setDefaultEncoding("UTF-8");
		return new FileLimits(CoverageProperties.defaults(), messages);
	}

	/**
	 * The same limits for boundary files: a zip of them may unpack to at most
	 * {@code maxBoundaryFileSize}.
	 */
	FileLimits forBoundaries(DataSize maxBoundaryFileSize) {
		return new FileLimits(this.maxZipEntries, maxBoundaryFileSize, this.maxCompressionRatio, this.maxLineLength,
				this.maxBoundaryPoints, this.messages);
	}

	int maxBoundaryPoints() {
		return this.maxBoundaryPoints;
	}

	MessageSource messageSource() {
		return this.messages;
	}

	int maxLineLength() {
		return this.maxLineLength;
	}

	/** A budget for reading one file. */
	Budget budget(@Nullable LongSupplier packedBytesRead) {
		return new Budget(packedBytesRead);
	}

	/** Refuses a zip with more entries than allowed. */
	void checkZipEntries(long entries) {
		if (entries > this.maxZipEntries) {
			throw exceeded("coverage.limit.zip-entries", entries, this.maxZipEntries);
		}
	}

	/**
	 * Refuses a file whose packed contents say, before any is unpacked, that they are too
	 * large or packed too tightly (the sizes in a zip's directory, or a gzip trailer).
	 */
	void checkDeclared(long declaredUnpacked, long packedSize) {
		if (declaredUnpacked > this.maxUnpackedSize.toBytes()) {
			throw exceeded("coverage.limit.unpacked-size", size(this.maxUnpackedSize));
		}
		if (declaredUnpacked > RATIO_ALLOWANCE && declaredUnpacked > this.maxCompressionRatio * packedSize) {
			throw exceeded("coverage.limit.ratio", this.maxCompressionRatio);
		}
	}

	/**
	 * A stream over one CSV that refuses a line longer than the limit: the file is not a
	 * postcode file, and a reader of lines would have to hold all of it.
	 */
	InputStream lines(InputStream csv) {
		return new Lines(csv);
	}

	Exceeded exceeded(String key, Object... arguments) {
		return new Exceeded(this.messages.getMessage(key, arguments, Locale.UK));
	}

	/** A size as people read it: "3 GB", "200 MB", "512 KB". */
	static String size(DataSize size) {
		long bytes = size.toBytes();
		if (bytes >= DataSize.ofGigabytes(1).toBytes() && bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
			return size.toGigabytes() + " GB";
		}
		if (bytes >= DataSize.ofMegabytes(1).toBytes()) {
			return size.toMegabytes() + " MB";
		}
		return size.toKilobytes() + " KB";
	}

	/**
	 * What one file has unpacked to so far, across all its entries. Refuses the file when
	 * it passes the total, or unpacks to more than the ratio times what has been read of
	 * the packed file (after the first {@value #RATIO_ALLOWANCE} bytes).
	 */
	final class Budget {

		private final @Nullable LongSupplier packedBytesRead;

		private long unpacked;

		private long entries;

		private Budget(@Nullable LongSupplier packedBytesRead) {
			this.packedBytesRead = packedBytesRead;
		}

		/** Counts one more entry of a zip read from start to end. */
		void entry() {
			if (++this.entries > FileLimits.this.maxZipEntries) {
				throw exceeded("coverage.limit.zip-entries-over", FileLimits.this.maxZipEntries);
			}
		}

		/** A stream whose every byte counts against this budget. */
		InputStream count(InputStream unpackedStream) {
			return new Counted(unpackedStream, this);
		}

		long unpacked() {
			return this.unpacked;
		}

		void add(long bytes) {
			this.unpacked += bytes;
			if (this.unpacked > FileLimits.this.maxUnpackedSize.toBytes()) {
				throw exceeded("coverage.limit.unpacked-size", size(FileLimits.this.maxUnpackedSize));
			}
			if (this.packedBytesRead != null && this.unpacked > RATIO_ALLOWANCE) {
				long packed = Math.max(this.packedBytesRead.getAsLong(), 1);
				if (this.unpacked > FileLimits.this.maxCompressionRatio * packed) {
					throw exceeded("coverage.limit.ratio", FileLimits.this.maxCompressionRatio);
				}
			}
		}

	}

	private static final class Counted extends FilterInputStream {

		private final Budget budget;

		Counted(InputStream in, Budget budget) {
			super(in);
			this.budget = budget;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.budget.add(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.budget.add(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			// Skipping would unpack uncounted: read instead.
			byte[] discard = new byte[(int) Math.min(n, 8192)];
			int read = read(discard, 0, discard.length);
			return Math.max(read, 0);
		}

		@Override
		public void close() {
			// The packed file is closed by whoever opened it.
		}

	}

	private final class Lines extends FilterInputStream {

		private long line = 1;

		private long length;

		Lines(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				see((byte) b);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			for (int i = offset; i < offset + n; i++) {
				see(buffer[i]);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			byte[] discard = new byte[(int) Math.min(n, 8192)];
			int read = read(discard, 0, discard.length);
			return Math.max(read, 0);
		}

		private void see(byte b) {
			if (b == '\n') {
				this.line++;
				this.length = 0;
			}
			else if (b != '\r' && ++this.length > FileLimits.this.maxLineLength) {
				throw exceeded("coverage.limit.line-length", this.line, FileLimits.this.maxLineLength);
			}
		}

	}

}
