package uk.yourarea.coverage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The limits on what a postcode or boundary file may unpack to, how long its lines may be
 * and how much a boundary file may hold: each file made to overwhelm the reader is
 * refused with its own message, and ordinary files are not.
 */
class FileLimitsTests {

	private final FileLimits limits = FileLimits.defaults();

	@TempDir
	Path folder;

	@Test
	void theDefaultsAllowTheNationalPostcodeDirectory() {
		CoverageProperties defaults = CoverageProperties.defaults();
		assertThat(defaults.maxUnpackedSize()).isEqualTo(DataSize.ofGigabytes(3));
		assertThat(defaults.maxCompressionRatio()).isEqualTo(100);
		assertThat(defaults.maxZipEntries()).isEqualTo(1000);
		assertThat(defaults.maxLineLength()).isEqualTo(10_000);
	}

	@Test
	void aGzipBombIsRefusedAtUploadBeforeItIsUnpacked() throws IOException {
		byte[] bomb = Bombs.gzip(Bombs.ONE_GB);
		assertThat(bomb.length).as("a megabyte or two").isBetween(100_000, 4_000_000);
		Path file = write("bomb.csv.gz", bomb);

		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> UploadedFiles.check(file, UploadedFiles.Packing.GZIP, this.limits))
			.withMessageStartingWith("The file unpacks to more than 100 times its own size");
	}

	@Test
	void aGzipBombThatLiesAboutItsSizeIsRefusedAsItIsUnpacked() throws IOException {
		byte[] bomb = Bombs.gzip(Bombs.ONE_GB / 4);
		// The trailer says it unpacks to 1,000 bytes.
		bomb[bomb.length - 4] = (byte) 0xe8;
		bomb[bomb.length - 3] = 3;
		bomb[bomb.length - 2] = 0;
		bomb[bomb.length - 1] = 0;
		Path file = write("liar.csv.gz", bomb);

		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> UploadedFiles.check(file, UploadedFiles.Packing.GZIP, this.limits))
			.withMessageStartingWith("The file unpacks to more than 100 times its own size");
		AtomicLong packedRead = new AtomicLong();
		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> UploadedFiles.forEachCsv(file, UploadedFiles.Packing.GZIP, packedRead, this.limits,
					(name, csv) -> csv.transferTo(OutputStream.nullOutputStream())))
			.withMessageStartingWith("The file unpacks to more than 100 times its own size");
		assertThat(packedRead.get()).as("refused after a small part of the file").isLessThan(bomb.length / 2);
	}

	@Test
	void aZipBombIsRefused() throws IOException {
		Path file = write("bomb.zip", Bombs.zip(Bombs.ONE_GB / 4));

		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> UploadedFiles.check(file, UploadedFiles.Packing.ZIP, this.limits))
			.withMessageStartingWith("The file unpacks to more than 100 times its own size");
		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> UploadedFiles.forEachCsv(file, UploadedFiles.Packing.ZIP, new AtomicLong(), this.limits,
					(name, csv) -> csv.transferTo(OutputStream.nullOutputStream())))
			.withMessageStartingWith("The file unpacks to more than 100 times its own size");
	}

	@Test
	void aFileThatUnpacksToMoreThanTheLimitIsRefusedWhateverItsRatio() throws IOException {
		FileLimits small = new FileLimits(1000, DataSize.ofMegabytes(10), 100, 10_000, 250_000,
				FileLimits.defaults().messageSource());
		// Packed about five times: not a bomb, just too big.
		StringBuilder text = new StringBuilder(CoverageTestData.CODE_POINT_HEADER);
		java.util.Random random = new java.util.Random(13);
		while (text.length() < 12 * 1024 * 1024) {
			text.append("ZY")
				.append(random.nextInt(10))
				.append(' ')
				.append(random.nextInt(10_000))
				.append(",")
				.append(random.nextDouble())
				.append('\n');
		}
		java.io.ByteArrayOutputStream packed = new java.io.ByteArrayOutputStream();
		try (OutputStream out = new java.util.zip.GZIPOutputStream(packed)) {
			out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
		}
		Path file = write("big.csv.gz", packed.toByteArray());

		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> UploadedFiles.check(file, UploadedFiles.Packing.GZIP, small))
			.withMessage("The file unpacks to more than 10 MB. It can be at most 10 MB once unpacked: upload a "
					+ "smaller file, or split it");
		assertThat(UploadedFiles.firstLine(file, UploadedFiles.Packing.GZIP, this.limits))
			.as("within the default limits")
			.startsWith("postcode,");
	}

	@Test
	void aZipOfAHundredThousandFilesIsRefusedBeforeAnyIsRead() throws IOException {
		Path file = write("many.zip", Bombs.manyEntries(100_000));

		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> UploadedFiles.check(file, UploadedFiles.Packing.ZIP, this.limits))
			.withMessage("The zip file has 100,000 files in it. A zip file can have at most 1,000: put only the "
					+ "files to upload in it");
		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> UploadedFiles.firstLine(file, UploadedFiles.Packing.ZIP, this.limits));
	}

	@Test
	void aLineOfTenMegabytesIsRefusedAtUploadAndByTheImporter() throws IOException {
		byte[] csv = Bombs.longLine(10 * 1024 * 1024);
		Path file = write("long.csv", csv);

		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> UploadedFiles.check(file, UploadedFiles.Packing.CSV, this.limits))
			.withMessage("Line 2 is longer than 10,000 characters, so this is not a postcode file. Check that it "
					+ "is the CSV file itself");
		InputStream lines = this.limits.lines(new ByteArrayInputStream(csv));
		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> lines.transferTo(OutputStream.nullOutputStream()))
			.withMessageStartingWith("Line 2 is longer than 10,000 characters");
	}

	@Test
	void ordinaryFilesPassEveryCheck() throws IOException {
		String csv = CoverageTestData.CODE_POINT_HEADER + CoverageTestData.row("ZY1 1AA", "E05900001", 49.5, -2.9)
				+ "\r\n";
		Path plain = write("postcodes.csv", csv.getBytes(StandardCharsets.US_ASCII));
		java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
		try (OutputStream out = new java.util.zip.GZIPOutputStream(gzipped)) {
			out.write(csv.getBytes(StandardCharsets.US_ASCII));
		}
		Path gzip = write("postcodes.csv.gz", gzipped.toByteArray());
		java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zipped)) {
			out.putNextEntry(new java.util.zip.ZipEntry("Doc/readme.csv"));
			out.write("column,meaning\n".getBytes(StandardCharsets.US_ASCII));
			out.putNextEntry(new java.util.zip.ZipEntry("Data/CSV/zy.csv"));
			out.write(csv.getBytes(StandardCharsets.US_ASCII));
		}
		Path zip = write("postcodes.zip", zipped.toByteArray());

		for (Path file : List.of(plain, gzip, zip)) {
			UploadedFiles.Packing packing = UploadedFiles.packingOf(file.getFileName().toString());
			UploadedFiles.check(file, packing, this.limits);
			assertThat(UploadedFiles.firstLine(file, packing, this.limits)).startsWith("postcode,");
			List<String> read = new ArrayList<>();
			AtomicLong bytesRead = new AtomicLong();
			UploadedFiles.forEachCsv(file, packing, bytesRead, this.limits,
					(name, in) -> read.add(name + " " + in.readAllBytes().length));
			assertThat(read).as(file.getFileName().toString()).hasSize(1);
			assertThat(bytesRead.get()).as("all of it read").isEqualTo(Files.size(file));
		}
	}

	// Boundaries

	@Test
	void deeplyNestedJsonIsRefusedBeforeItIsRead() {
		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> BoundaryFiles.read("nested.geojson", Bombs.nestedJson(100_000)))
			.withMessage("nested.geojson is not GeoJSON: its brackets are nested more than 20 deep");
	}

	@Test
	void jsonWithMorePointsThanAllowedIsRefusedBeforeItIsRead() {
		assertThat(BoundaryFiles.read("NX01.geojson", Bombs.polygonOf(1000))).hasSize(1);

		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> BoundaryFiles.read("huge.geojson", Bombs.polygonOf(300_000)))
			.withMessage("huge.geojson has more than 250,000 points in its boundaries. Upload the boundaries in "
					+ "several files, or simpler ones");
	}

	@Test
	void kmlWithMorePointsThanAllowedIsRefused() {
		FileLimits few = new FileLimits(1000, DataSize.ofMegabytes(50), 100, 10_000, 10,
				FileLimits.defaults().messageSource());
		String kml = """
				<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>NX01</name><Polygon><outerBoundaryIs>
				<LinearRing><coordinates>%s</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>"""
			.formatted("0,50 1,50 1,51 0,51 0.5,50.5 0.4,50.4 0.3,50.3 0.2,50.2 0.1,50.1 0.05,50.05 0,50");

		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> BoundaryFiles.read("many.kml", kml.getBytes(StandardCharsets.UTF_8), few))
			.withMessageStartingWith("many.kml has more than 10 points");
	}

	@Test
	void aZipOfBoundariesMayUnpackToNoMoreThanABoundaryFile() {
		FileLimits boundaries = this.limits.forBoundaries(DataSize.ofMegabytes(50));
		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> BoundaryFiles.read("bomb.zip", Bombs.zip(Bombs.ONE_GB / 4), boundaries))
			.withMessageStartingWith("The file unpacks to more than 100 times its own size");
		assertThatExceptionOfType(FileLimits.Exceeded.class)
			.isThrownBy(() -> BoundaryFiles.read("many.zip", Bombs.manyEntries(100_000), boundaries))
			.withMessageStartingWith("The zip file has more than 1,000 files in it");
	}

	private Path write(String name, byte[] content) throws IOException {
		return Files.write(this.folder.resolve(name), content);
	}

}
