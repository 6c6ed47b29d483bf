package uk.yourarea.coverage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files made to overwhelm whoever unpacks or reads them, for the tests of
 * {@link FileLimits}: each made in memory as it would arrive, small, from content that is
 * generated and never held.
 */
final class Bombs {

	static final long ONE_GB = 1024L * 1024 * 1024;

	private Bombs() {
	}

	/**
	 * A gzip-compressed CSV: a Code-Point Open header, then {@code size} bytes of one
	 * line repeated.
	 */
	static byte[] gzip(long size) {
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(packed, 1 << 16)) {
			fill(out, size);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return packed.toByteArray();
	}

	/** A zip of one CSV like {@link #gzip}. */
	static byte[] zip(long size) {
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(packed)) {
			out.putNextEntry(new ZipEntry("Data/postcodes.csv"));
			fill(out, size);
			out.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return packed.toByteArray();
	}

	/** A zip of {@code entries} tiny CSV files. */
	static byte[] manyEntries(int entries) {
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(packed)) {
			out.setLevel(0);
			for (int i = 0; i < entries; i++) {
				out.putNextEntry(new ZipEntry(Integer.toString(i, 36) + ".csv"));
				out.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return packed.toByteArray();
	}

	/** A CSV with a header and then a line of {@code length} characters. */
	static byte[] longLine(int length) {
		byte[] header = CoverageTestData.CODE_POINT_HEADER.getBytes(StandardCharsets.US_ASCII);
		byte[] file = Arrays.copyOf(header, header.length + length + 1);
		Arrays.fill(file, header.length, header.length + length, (byte) 'x');
		file[file.length - 1] = '\n';
		return file;
	}

	/** JSON of arrays inside arrays, {@code depth} deep. */
	static byte[] nestedJson(int depth) {
		return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.US_ASCII);
	}

	/** A GeoJSON Feature with one ring of {@code points} points. */
	static byte[] polygonOf(int points) {
		StringBuilder json = new StringBuilder("{\"type\":\"Feature\",\"properties\":{\"code\":\"NX01\"},")
			.append("\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
		for (int i = 0; i < points; i++) {
			double angle = 2 * Math.PI * i / points;
			json.append('[')
				.append(-1 + Math.cos(angle) / 100)
				.append(',')
				.append(52 + Math.sin(angle) / 100)
				.append("],");
		}
		json.append("[-0.99,52.0]]]}}");
		return json.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static void fill(OutputStream out, long size) throws IOException {
		byte[] header = CoverageTestData.CODE_POINT_HEADER.getBytes(StandardCharsets.US_ASCII);
		out.write(header);
		byte[] lines = "ZY9 9ZZ,10,0,0,E92000001,,,,E06000016,E05999901,ZY9 9ZZ,49.5,-2.9\n".repeat(1000)
			.getBytes(StandardCharsets.US_ASCII);
		for (long written = header.length; written < size; written += lines.length) {
			out.write(lines);
		}
	}

}
