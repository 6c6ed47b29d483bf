package uk.yourarea.coverage;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded postcode files between preview and apply: kept under server-made names in the
 * upload folder, and read back as the CSV files they hold (plain, gzip-compressed, or
 * every data CSV of a zip such as Code-Point Open's or the ONS Postcode Directory's).
 */
@Component
class UploadedFiles {

	enum Packing {

		CSV, GZIP, ZIP

	}

	@FunctionalInterface
	interface CsvReader {

		void read(String name, InputStream csv) throws IOException;

	}

	private static final Pattern STORED_NAME = Pattern.compile("[a-z0-9-]{1,80}");

	/** The longest first line worth reading to recognise a file. */
	private static final int FIRST_LINE_LIMIT = 64 * 1024;

	private final Path directory;

	UploadedFiles(CoverageProperties properties) {
		this.directory = properties.uploadPath();
	}

	/** How a file is packed, from its name; {@code null} when it is not one we take. */
	static @Nullable Packing packingOf(String fileName) {
		String name = fileName.strip().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv")) {
			return Packing.CSV;
		}
		if (name.endsWith(".csv.gz") || name.endsWith(".gz")) {
			return Packing.GZIP;
		}
		if (name.endsWith(".zip")) {
			return Packing.ZIP;
		}
		return null;
	}

	/** Keeps an upload and answers the name it is kept under. */
	String store(MultipartFile upload) {
		String name = UUID.randomUUID().toString();
		try {
			Files.createDirectories(this.directory);
			upload.transferTo(this.directory.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not keep the uploaded file", ex);
		}
		return name;
	}

	Path path(String storedName) {
		if (!STORED_NAME.matcher(storedName).matches()) {
			throw new IllegalArgumentException("Not a stored upload: " + storedName);
		}
		return this.directory.resolve(storedName);
	}

	boolean exists(@Nullable String storedName) {
		return storedName != null && Files.isRegularFile(path(storedName));
	}

	void delete(@Nullable String storedName) {
		if (storedName == null) {
			return;
		}
		try {
			Files.deleteIfExists(path(storedName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete an uploaded file", ex);
		}
	}

	/**
	 * The first line of the first CSV in a file, to recognise its format before keeping
	 * it.
	 * @throws IllegalArgumentException when the file is not what its name says
	 * @throws FileLimits.Exceeded when it passes a limit before its first line
	 */
	static String firstLine(Path file, Packing packing, FileLimits limits) {
		String[] line = new String[1];
		try {
			read(file, packing, new AtomicLong(), limits, (name, csv) -> line[0] = readFirstLine(csv), true);
		}
		catch (IOException ex) {
			throw unreadable(packing, ex);
		}
		if (line[0] == null) {
			throw new FileProblem("coverage.file.postcodes.no-csv");
		}
		return line[0];
	}

	/**
	 * Checks a kept file against the limits before a job is made for it: a zip's number
	 * of files and the sizes its directory declares, then the first
	 * {@value #CHECKED_AT_UPLOAD} bytes it unpacks to (how tightly it is packed, and the
	 * length of its lines). The rest is checked as the preview reads it.
	 * @throws FileLimits.Exceeded naming the limit passed
	 * @throws IllegalArgumentException when the file cannot be unpacked
	 */
	static void check(Path file, Packing packing, FileLimits limits) {
		long[] left = { CHECKED_AT_UPLOAD };
		try {
			if (packing == Packing.GZIP) {
				limits.checkDeclared(gzipDeclaredSize(file), Files.size(file));
			}
			read(file, packing, new AtomicLong(), limits, (name, csv) -> {
				InputStream lines = limits.lines(csv);
				byte[] buffer = new byte[1 << 16];
				try {
					for (int n = lines.read(buffer); n >= 0; n = lines.read(buffer)) {
						left[0] -= n;
						if (left[0] <= 0) {
							throw new CheckedEnough();
						}
					}
				}
				catch (FileLimits.Exceeded ex) {
					throw (packing == Packing.ZIP) ? new FileLimits.Exceeded(name + ": " + ex.getMessage()) : ex;
				}
			}, false);
		}
		catch (CheckedEnough ex) {
			// The rest is checked while the preview reads it.
		}
		catch (IOException ex) {
			throw unreadable(packing, ex);
		}
	}

	/** How much of a file is checked when it is uploaded. */
	static final long CHECKED_AT_UPLOAD = 64L * 1024 * 1024;

	private static RuntimeException unreadable(Packing packing, IOException ex) {
		if (packing == Packing.GZIP) {
			return new FileProblem(ex, "coverage.file.postcodes.not-gzip");
		}
		if (packing == Packing.ZIP) {
			return new FileProblem(ex, "coverage.file.postcodes.not-zip");
		}
		return new UncheckedIOException(ex);
	}

	/** The size a gzip file's trailer says it unpacks to (modulo 4 GB). */
	private static long gzipDeclaredSize(Path file) throws IOException {
		try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
			if (channel.size() < 18) {
				return 0;
			}
			java.nio.ByteBuffer trailer = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
			channel.position(channel.size() - 4);
			while (trailer.hasRemaining() && channel.read(trailer) >= 0) {
				// read the four bytes
			}
			return Integer.toUnsignedLong(trailer.getInt(0));
		}
	}

	/** Stops the check at upload once enough has been read. */
	private static final class CheckedEnough extends RuntimeException {

		CheckedEnough() {
			super(null, null, false, false);
		}

	}

	private static String readFirstLine(InputStream csv) throws IOException {
		byte[] start = csv.readNBytes(FIRST_LINE_LIMIT);
		String text = new String(start, StandardCharsets.UTF_8);
		int end = text.indexOf('\n');
		return ((end < 0) ? text : text.substring(0, end)).replace("\r", "");
	}

	/**
	 * Reads each CSV of a file in turn, within the limits: every byte it unpacks to
	 * counts, and the file is refused ({@link FileLimits.Exceeded}) as soon as it passes
	 * one.
	 * @param bytesRead how much of the file (as stored, compressed or not) has been read;
	 * for a zip, an estimate from the sizes in its directory
	 */
	static void forEachCsv(Path file, Packing packing, AtomicLong bytesRead, FileLimits limits, CsvReader reader)
			throws IOException {
		read(file, packing, bytesRead, limits, reader, false);
	}

	private static void read(Path file, Packing packing, AtomicLong bytesRead, FileLimits limits, CsvReader reader,
			boolean firstOnly) throws IOException {
		String fileName = file.getFileName().toString();
		if (packing == Packing.ZIP) {
			readZip(file, bytesRead, limits, reader, firstOnly);
			return;
		}
		AtomicLong packed = new AtomicLong();
		try (InputStream raw = new Counting(
				new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16), packed), bytesRead)) {
			if (packing == Packing.CSV) {
				reader.read(fileName, limits.budget(null).count(raw));
			}
			else {
				reader.read(fileName, limits.budget(packed::get).count(new GZIPInputStream(raw, 1 << 16)));
			}
		}
	}

	/**
	 * Reads the data CSV files of a zip straight from its directory, so the files left
	 * out (documentation, the ONSPD's per-area copies) are never unpacked. What each
	 * entry unpacks to is weighed against what its directory says it takes packed (never
	 * more than the whole file).
	 */
	private static void readZip(Path file, AtomicLong bytesRead, FileLimits limits, CsvReader reader, boolean firstOnly)
			throws IOException {
		long fileSize = Files.size(file);
		try (ZipFile zip = new ZipFile(file.toFile())) {
			limits.checkZipEntries(zip.size());
			List<ZipEntry> wanted = dataCsvEntries(zip);
			long declared = 0;
			long skipped = fileSize;
			for (ZipEntry entry : wanted) {
				declared += Math.max(entry.getSize(), 0);
				skipped -= Math.max(entry.getCompressedSize(), 0);
			}
			limits.checkDeclared(declared, fileSize);
			long done = Math.max(skipped, 0);
			bytesRead.set(done);
			AtomicLong packed = new AtomicLong();
			FileLimits.Budget budget = limits.budget(() -> Math.min(packed.get(), fileSize));
			for (ZipEntry entry : wanted) {
				long compressed = Math.max(entry.getCompressedSize(), 0);
				long size = entry.getSize();
				packed.addAndGet(compressed);
				long before = budget.unpacked();
				long start = done;
				try (InputStream in = zip.getInputStream(entry)) {
					InputStream counted = budget.count(new FilterInputStream(in) {

						@Override
						public int read(byte[] buffer, int offset, int length) throws IOException {
							int n = super.read(buffer, offset, length);
							if (size > 0) {
								long unpacked = budget.unpacked() + Math.max(n, 0) - before;
								bytesRead.set(start + Math.min(compressed, compressed * unpacked / size));
							}
							return n;
						}

					});
					reader.read(entry.getName(), counted);
				}
				done += compressed;
				bytesRead.set(done);
				if (firstOnly) {
					return;
				}
			}
		}
	}

	/**
	 * The CSV files of a zip that hold postcodes: not documentation (Code-Point Open's
	 * {@code Doc/} and the ONSPD's {@code Documents/} hold CSV lookups too), and not the
	 * ONSPD's per-area copies ({@code multi_csv/}) when the whole file is there.
	 */
	static List<ZipEntry> dataCsvEntries(ZipFile zip) {
		List<ZipEntry> csv = new ArrayList<>();
		Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			ZipEntry entry = entries.nextElement();
			String lower = entry.getName().toLowerCase(Locale.ROOT);
			if (!entry.isDirectory() && lower.endsWith(".csv") && !lower.matches("(.*/)?(doc|docs|documents)/.*")
					&& !lower.startsWith("__macosx/")) {
				csv.add(entry);
			}
		}
		List<ZipEntry> whole = csv.stream()
			.filter((entry) -> !entry.getName().toLowerCase(Locale.ROOT).contains("multi_csv/"))
			.toList();
		return whole.isEmpty() ? csv : whole;
	}

	/** Counts the bytes read through it. */
	static final class Counting extends FilterInputStream {

		private final AtomicLong count;

		Counting(InputStream in, AtomicLong count) {
			super(in);
			this.count = count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count.incrementAndGet();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count.addAndGet(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.count.addAndGet(skipped);
			return skipped;
		}

	}

}
