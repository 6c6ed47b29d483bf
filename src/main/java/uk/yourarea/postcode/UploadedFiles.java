package uk.yourarea.postcode;

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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

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
	 */
	static String firstLine(Path file, Packing packing) {
		String[] line = new String[1];
		try {
			forEachCsv(file, packing, new AtomicLong(), (name, csv) -> {
				if (line[0] == null) {
					line[0] = readFirstLine(csv);
				}
			});
		}
		catch (IOException ex) {
			if (packing == Packing.GZIP) {
				throw new IllegalArgumentException("The file is not a gzip-compressed file that can be opened", ex);
			}
			if (packing == Packing.ZIP) {
				throw new IllegalArgumentException("The file is not a zip file that can be opened", ex);
			}
			throw new UncheckedIOException(ex);
		}
		if (line[0] == null) {
			throw new IllegalArgumentException("The zip file has no CSV file in it");
		}
		return line[0];
	}

	private static String readFirstLine(InputStream csv) throws IOException {
		byte[] start = csv.readNBytes(FIRST_LINE_LIMIT);
		String text = new String(start, StandardCharsets.UTF_8);
		int end = text.indexOf('\n');
		return ((end < 0) ? text : text.substring(0, end)).replace("\r", "");
	}

	/**
	 * Reads each CSV of a file in turn.
	 * @param bytesRead how much of the file (as stored, compressed or not) has been read
	 */
	static void forEachCsv(Path file, Packing packing, AtomicLong bytesRead, CsvReader reader) throws IOException {
		String fileName = file.getFileName().toString();
		try (InputStream raw = new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16), bytesRead)) {
			switch (packing) {
				case CSV -> reader.read(fileName, raw);
				case GZIP -> reader.read(fileName, new GZIPInputStream(raw, 1 << 16));
				case ZIP -> {
					Set<String> wanted = dataCsvFiles(file);
					try (ZipInputStream zip = new ZipInputStream(raw)) {
						for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
							if (wanted.contains(entry.getName())) {
								reader.read(entry.getName(), new FilterInputStream(zip) {
									@Override
									public void close() {
										// the zip stays open for the next entry
									}
								});
							}
						}
					}
				}
			}
		}
	}

	/**
	 * The CSV files of a zip that hold postcodes: not documentation (Code-Point Open's
	 * {@code Doc/} and the ONSPD's {@code Documents/} hold CSV lookups too), and not the
	 * ONSPD's per-area copies ({@code multi_csv/}) when the whole file is there.
	 */
	static Set<String> dataCsvFiles(Path zipFile) throws IOException {
		List<String> csv = new ArrayList<>();
		try (ZipFile zip = new ZipFile(zipFile.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				String lower = name.toLowerCase(Locale.ROOT);
				if (!entry.isDirectory() && lower.endsWith(".csv") && !lower.matches("(.*/)?(doc|docs|documents)/.*")
						&& !lower.startsWith("__macosx/")) {
					csv.add(name);
				}
			}
		}
		List<String> whole = csv.stream()
			.filter((name) -> !name.toLowerCase(Locale.ROOT).contains("multi_csv/"))
			.toList();
		return new HashSet<>(whole.isEmpty() ? csv : whole);
	}

	/** Counts the bytes read through it. */
	private static final class Counting extends FilterInputStream {

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
