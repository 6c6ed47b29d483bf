package uk.yourarea.coverage;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import uk.yourarea.postcode.Postcode;
import uk.yourarea.postcode.PostcodeTable;
import uk.yourarea.web.ForceProperties;
import uk.yourarea.web.Phrase;

/**
 * Imports postcode files into the postcode table: OS Code-Point Open (with latitude and
 * longitude columns) and the ONS Postcode Directory. Lines stream through PostgreSQL's
 * COPY into a staging table and are then merged in the same transaction, so a re-import
 * updates what is there and a file never has to fit in memory. Lines that cannot be used
 * are reported by line number and skipped.
 */
@Service
public class PostcodeImporter {

	public enum Format {

		CODE_POINT_OPEN("OS Code-Point Open"), ONS_POSTCODE_DIRECTORY("ONS Postcode Directory");

		private final String label;

		Format(String label) {
			this.label = label;
		}

		/** Its name in English, for the log and the command line. */
		public String label() {
			return this.label;
		}

		/** The key of its name in staff.properties, for the staff pages. */
		public String labelKey() {
			return switch (this) {
				case CODE_POINT_OPEN -> "coverage.format.code-point-open";
				case ONS_POSTCODE_DIRECTORY -> "coverage.format.ons-postcode-directory";
			};
		}

	}

	/**
	 * A line that cannot be used, and why: a key of staff.properties
	 * ({@code coverage.rejected.*}) with what it found on the line.
	 */
	public record Rejection(long lineNumber, Phrase reason) {
	}

	/**
	 * What an import did. Only the first {@value #MAX_REPORTED_REJECTIONS} rejections are
	 * kept; {@code rejectedLines} counts them all. {@code wardNames} counts the wards the
	 * file named (Code-Point Open with an {@code admin_ward_name} column).
	 */
	public record Report(Format format, long linesRead, long imported, long rejectedLines, List<Rejection> rejections,
			int wardNames) {

		public String summary() {
			return "%s: %d lines read, %d postcodes imported, %d lines rejected, %d ward names".formatted(this.format,
					this.linesRead, this.imported, this.rejectedLines, this.wardNames);
		}

	}

	static final int MAX_REPORTED_REJECTIONS = 1000;

	/**
	 * The most ward names one file may give (the UK has about 9,000 wards).
	 */
	static final int MAX_WARD_NAMES = 50_000;

	/** ONSPD writes 99.999999 for a postcode with no grid reference. */
	private static final String ONSPD_NO_LATITUDE = "99.999999";

	private static final Logger log = LoggerFactory.getLogger(PostcodeImporter.class);

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final ForceProperties force;

	private final FileLimits limits;

	private final WardNames wardNames;

	PostcodeImporter(DataSource dataSource, TransactionTemplate transaction, ForceProperties force, FileLimits limits,
			WardNames wardNames) {
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.force = force;
		this.limits = limits;
		this.wardNames = wardNames;
	}

	/**
	 * Imports a CSV file, gzip-compressed if its name ends in {@code .gz}, within the
	 * limits of {@link FileLimits}.
	 * @throws FileLimits.Exceeded when it unpacks to too much or too tightly, or has a
	 * line too long
	 */
	public Report importFile(Path file) {
		AtomicLong packed = new AtomicLong();
		try (InputStream in = new UploadedFiles.Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
				packed)) {
			boolean gzip = file.toString().endsWith(".gz");
			return importFrom(gzip ? this.limits.budget(packed::get).count(new GZIPInputStream(in, 1 << 16))
					: this.limits.budget(null).count(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file.getFileName(), ex);
		}
	}

	/**
	 * The format of a file from its first line.
	 * @throws IllegalArgumentException saying what was expected, when it is not
	 * recognised
	 */
	static Format recognise(String firstLine) {
		return Columns.of(firstLine.replace("\uFEFF", "")).format();
	}

	/**
	 * Imports CSV from a stream; the format is recognised from the header line.
	 * @throws FileLimits.Exceeded at a line longer than
	 * {@code yourarea.coverage.max-line-length}
	 */
	public Report importFrom(InputStream file) {
		InputStream csv = this.limits.lines(file);
		Report report = this.transaction.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				return copyAndMerge(connection, new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8)));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("The postcode import failed: " + ex.getMessage(), ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, this.dataSource);
			}
		});
		log.info("Postcode import finished. {}", report.summary());
		return report;
	}

	private Report copyAndMerge(Connection connection, BufferedReader reader) throws SQLException, IOException {
		String firstLine = reader.readLine();
		if (firstLine == null) {
			throw new FileProblem("coverage.file.postcodes.empty");
		}
		firstLine = firstLine.replace("\uFEFF", "");
		Columns columns = Columns.of(firstLine);
		PostcodeTable.Load load = PostcodeTable.load(connection);
		long lineNumber = columns.firstLineIsData() ? 0 : 1;
		long rejected = 0;
		List<Rejection> rejections = new ArrayList<>();
		Map<String, String> wardNames = new HashMap<>();
		long imported;
		try {
			String line = columns.firstLineIsData() ? firstLine : reader.readLine();
			for (; line != null; line = reader.readLine()) {
				lineNumber++;
				if (line.isBlank()) {
					continue;
				}
				PostcodeTable.Row row;
				List<String> fields = CsvLine.split(line);
				try {
					row = columns.read(fields, this.force);
				}
				catch (RejectedLineException ex) {
					rejected++;
					if (rejections.size() < MAX_REPORTED_REJECTIONS) {
						rejections.add(new Rejection(lineNumber, ex.reason));
					}
					continue;
				}
				load.add(lineNumber, row);
				String wardName = Columns.optional(fields, columns.wardName());
				if (row.wardCode() != null && wardName != null
						&& (wardNames.size() < MAX_WARD_NAMES || wardNames.containsKey(row.wardCode()))) {
					wardNames.put(row.wardCode(), wardName);
				}
			}
			imported = load.merge();
		}
		finally {
			load.cancel();
		}
		int named = wardNames.isEmpty() ? 0 : this.wardNames.nameInEnglish(wardNames);
		long dataLines = columns.firstLineIsData() ? lineNumber : lineNumber - 1;
		return new Report(columns.format(), dataLines, imported, rejected, List.copyOf(rejections), named);
	}

	static final class RejectedLineException extends RuntimeException {

		private final Phrase reason;

		RejectedLineException(String key, Object... arguments) {
			super(key, null, false, false);
			this.reason = Phrase.of(key, arguments);
		}

	}

	/**
	 * A coordinate of a line: how large it may be, and the keys of what is wrong with it.
	 */
	private enum Coordinate {

		LATITUDE(90, "coverage.rejected.latitude.out-of-range", "coverage.rejected.latitude.not-a-number"),
		LONGITUDE(180, "coverage.rejected.longitude.out-of-range", "coverage.rejected.longitude.not-a-number"),
		EASTING(800_000, "coverage.rejected.easting.out-of-range", "coverage.rejected.easting.not-a-number"),
		NORTHING(1_300_000, "coverage.rejected.northing.out-of-range", "coverage.rejected.northing.not-a-number");

		private final double limit;

		private final String outOfRange;

		private final String notANumber;

		Coordinate(double limit, String outOfRange, String notANumber) {
			this.limit = limit;
			this.outOfRange = outOfRange;
			this.notANumber = notANumber;
		}

	}

	/** Where the fields we need are in a file, found from its header. */
	record Columns(Format format, int postcode, int latitude, int longitude, int easting, int northing, int terminated,
			int ward, int wardName, int district, int forceArea, int width, boolean firstLineIsData) {

		/**
		 * Code-Point Open as Ordnance Survey ships it: no header, ten columns, grid
		 * references.
		 */
		static final int CODE_POINT_WIDTH = 10;

		static Columns of(String firstLine) {
			List<String> names = CsvLine.split(firstLine)
				.stream()
				.map((name) -> name.trim().toLowerCase(Locale.ROOT))
				.toList();
			if (names.size() == CODE_POINT_WIDTH && Postcode.parse(names.get(0)).isPresent()) {
				return new Columns(Format.CODE_POINT_OPEN, 0, -1, -1, 2, 3, -1, 9, -1, 8, -1, CODE_POINT_WIDTH, true);
			}
			Map<String, Integer> index = new HashMap<>();
			for (int i = 0; i < names.size(); i++) {
				index.putIfAbsent(names.get(i), i);
			}
			if (index.keySet().containsAll(Set.of("pcds", "lat", "long", "pfa"))) {
				return new Columns(Format.ONS_POSTCODE_DIRECTORY, index.get("pcds"), index.get("lat"),
						index.get("long"), -1, -1, index.getOrDefault("doterm", -1), index.getOrDefault("osward", -1),
						-1, index.getOrDefault("oslaua", -1), index.get("pfa"), names.size(), false);
			}
			if (index.keySet().containsAll(Set.of("postcode", "admin_district_code"))
					&& (index.keySet().containsAll(Set.of("latitude", "longitude"))
							|| index.keySet().containsAll(Set.of("eastings", "northings")))) {
				return new Columns(Format.CODE_POINT_OPEN, index.get("postcode"), index.getOrDefault("latitude", -1),
						index.getOrDefault("longitude", -1), index.getOrDefault("eastings", -1),
						index.getOrDefault("northings", -1), -1, index.getOrDefault("admin_ward_code", -1),
						index.getOrDefault("admin_ward_name", -1), index.get("admin_district_code"), -1, names.size(),
						false);
			}
			throw new FileProblem("coverage.file.postcodes.first-line");
		}

		PostcodeTable.Row read(List<String> fields, ForceProperties force) {
			if (fields.size() < this.width) {
				throw new RejectedLineException("coverage.rejected.fields", Integer.toString(this.width),
						Integer.toString(fields.size()));
			}
			String typed = fields.get(this.postcode);
			Postcode postcode = Postcode.parse(typed)
				.orElseThrow(() -> new RejectedLineException("coverage.rejected.postcode", typed));
			Double latitude;
			Double longitude;
			if (this.latitude >= 0) {
				boolean unlocated = this.format == Format.ONS_POSTCODE_DIRECTORY
						&& ONSPD_NO_LATITUDE.equals(fields.get(this.latitude).trim());
				latitude = unlocated ? null : coordinate(fields.get(this.latitude), Coordinate.LATITUDE);
				longitude = unlocated ? null : coordinate(fields.get(this.longitude), Coordinate.LONGITUDE);
			}
			else {
				OsGridReference.LatLong converted = gridReference(fields.get(this.easting), fields.get(this.northing));
				latitude = (converted != null) ? converted.latitude() : null;
				longitude = (converted != null) ? converted.longitude() : null;
			}
			if ((latitude == null) != (longitude == null)) {
				throw new RejectedLineException("coverage.rejected.half-located");
			}
			String district = optional(fields, this.district);
			boolean inForceArea = (this.format == Format.ONS_POSTCODE_DIRECTORY)
					? fields.get(this.forceArea).trim().equals(force.policeForceAreaCode())
					: district != null && force.localAuthorityCodes().contains(district);
			return new PostcodeTable.Row(postcode, latitude, longitude, terminatedOn(optional(fields, this.terminated)),
					optional(fields, this.ward), district, inForceArea);
		}

		/** Code-Point Open gives 0, 0 for a postcode it cannot place. */
		private static OsGridReference.LatLong gridReference(String eastingText, String northingText) {
			Double easting = coordinate(eastingText, Coordinate.EASTING);
			Double northing = coordinate(northingText, Coordinate.NORTHING);
			if (easting == null || northing == null || (easting == 0 && northing == 0)) {
				return null;
			}
			if (easting < 0 || northing < 0) {
				throw new RejectedLineException("coverage.rejected.outside-great-britain", eastingText.trim(),
						northingText.trim());
			}
			return OsGridReference.toWgs84(easting, northing);
		}

		static @Nullable String optional(List<String> fields, int index) {
			if (index < 0 || index >= fields.size()) {
				return null;
			}
			String value = fields.get(index).trim();
			return value.isEmpty() ? null : value;
		}

		private static Double coordinate(String text, Coordinate coordinate) {
			String value = text.trim();
			if (value.isEmpty()) {
				return null;
			}
			try {
				double number = Double.parseDouble(value);
				if (Double.isNaN(number) || Math.abs(number) > coordinate.limit) {
					throw new RejectedLineException(coordinate.outOfRange, value);
				}
				return number;
			}
			catch (NumberFormatException ex) {
				throw new RejectedLineException(coordinate.notANumber, value);
			}
		}

		/** ONSPD dates are year and month, like 199606. */
		private static LocalDate terminatedOn(String yearMonth) {
			if (yearMonth == null) {
				return null;
			}
			int month = yearMonth.matches("\\d{6}") ? Integer.parseInt(yearMonth.substring(4, 6)) : 0;
			if (month < 1 || month > 12) {
				throw new RejectedLineException("coverage.rejected.termination-date", yearMonth);
			}
			return LocalDate.of(Integer.parseInt(yearMonth.substring(0, 4)), month, 1);
		}

	}

}
