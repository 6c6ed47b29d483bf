import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Generates a national-size dataset for bench/scale.sh: 43 forces' worth of local policing
 * areas (5 each), 5,000 neighbourhoods whose boundaries tile Great Britain's latitudes and
 * longitudes as a 100 x 50 grid of 32-sided polygons with wavy shared edges, and 2.6
 * million valid, distinct postcodes scattered over them, in the ONS Postcode Directory's
 * CSV layout. Deterministic: the same seed gives the same files.
 *
 * Run with the JDK's single-file launcher: java bench/scale/GenerateNationalData.java DIR
 *
 * Writes DIR/local-policing-areas.csv, DIR/neighbourhoods.csv (for psql's \copy),
 * DIR/boundaries.geojson (a FeatureCollection, "code" and "name" on each feature),
 * DIR/postcodes.csv (ONSPD columns pcds, doterm, oslaua, osward, pfa, lat, long) and
 * DIR/lookups.txt (10,000 of the postcodes, in random order, for wrk).
 */
public class GenerateNationalData {

	static final int FORCES = 43;

	static final int AREAS_PER_FORCE = 5;

	static final int COLUMNS = 100;

	static final int ROWS = 50;

	static final int POSTCODES = 2_600_000;

	static final double WEST = -5.0, EAST = 1.7, SOUTH = 50.6, NORTH = 55.6;

	static final int SEGMENTS_PER_EDGE = 8;

	/** Real postcode areas, so every generated postcode has a valid outward code. */
	static final String[] AREAS = ("AB AL BA BB BD BH BL BN BR BS CA CB CF CH CM CO CR CT CV CW DA DD DE DH DL DN DT DY "
			+ "EH EN EX FK FY GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY LA LD LE LL LN LS LU ME MK ML NE NG "
			+ "NN NP NR OL OX PA PE PH PL PO PR RG RH RM SA SG SK SL SM SN SO SP SR SS ST SY TA TD TF TN TQ TR TS TW "
			+ "UB WA WD WF WN WR WS WV YO")
		.split(" ");

	/** The letters allowed in the last two places of a postcode. */
	static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args.length > 0 ? args[0] : "bench/results/national");
		Files.createDirectories(dir);
		int neighbourhoods = COLUMNS * ROWS;
		int areas = FORCES * AREAS_PER_FORCE;
		try (BufferedWriter out = writer(dir.resolve("local-policing-areas.csv"))) {
			for (int area = 0; area < areas; area++) {
				out.write(areaCode(area) + ",Force " + (area / AREAS_PER_FORCE + 1) + " area " + (area % AREAS_PER_FORCE + 1)
						+ "\n");
			}
		}
		try (BufferedWriter out = writer(dir.resolve("neighbourhoods.csv"))) {
			for (int n = 0; n < neighbourhoods; n++) {
				int area = (int) ((long) n * areas / neighbourhoods);
				out.write(code(n) + "," + slug(n) + "," + name(n) + "," + areaCode(area) + "\n");
			}
		}
		try (BufferedWriter out = writer(dir.resolve("boundaries.geojson"))) {
			out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
			for (int n = 0; n < neighbourhoods; n++) {
				out.write((n == 0 ? "" : ",\n") + feature(n));
			}
			out.write("\n]}\n");
		}
		List<String> sample = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(20261123L);
		try (BufferedWriter out = writer(dir.resolve("postcodes.csv"))) {
			out.write("pcds,doterm,oslaua,osward,pfa,lat,long\n");
			int perNeighbourhood = POSTCODES / neighbourhoods;
			int written = 0;
			for (int n = 0; n < neighbourhoods; n++) {
				int column = n % COLUMNS;
				int row = n / COLUMNS;
				for (int i = 0; i < perNeighbourhood; i++) {
					String postcode = postcode(written);
					// Well inside the cell, so the wavy edges never move a point to a neighbour.
					double lon = WEST + (column + 0.2 + 0.6 * random.nextDouble()) * width();
					double lat = SOUTH + (row + 0.2 + 0.6 * random.nextDouble()) * height();
					out.write(postcode + ",,E07000" + String.format(Locale.ROOT, "%03d", n % 1000) + ",,E23000021,"
							+ String.format(Locale.ROOT, "%.6f,%.6f", lat, lon) + "\n");
					if (random.nextInt(POSTCODES / 10_000) == 0) {
						sample.add(postcode);
					}
					written++;
				}
			}
		}
		for (int i = sample.size() - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			String swap = sample.get(i);
			sample.set(i, sample.get(j));
			sample.set(j, swap);
		}
		Files.write(dir.resolve("lookups.txt"), sample, StandardCharsets.UTF_8);
		System.out.println("Wrote " + areas + " local policing areas, " + neighbourhoods + " neighbourhoods with "
				+ "boundaries, " + POSTCODES + " postcodes and " + sample.size() + " lookups to " + dir);
	}

	static String areaCode(int area) {
		return String.format(Locale.ROOT, "F%02dA%d", area / AREAS_PER_FORCE + 1, area % AREAS_PER_FORCE + 1);
	}

	static String code(int n) {
		return String.format(Locale.ROOT, "NX%05d", n + 1);
	}

	static String name(int n) {
		return String.format(Locale.ROOT, "Scale neighbourhood %05d", n + 1);
	}

	static String slug(int n) {
		return String.format(Locale.ROOT, "scale-neighbourhood-%05d", n + 1);
	}

	/**
	 * The i-th postcode: 100 areas x 10 districts x 10 sectors x 400 units gives 4 million
	 * distinct ones, of which the first 2.6 million are used.
	 */
	static String postcode(int i) {
		int unit = i % 400;
		int sector = (i / 400) % 10;
		int district = (i / 4000) % 10 + 1;
		String area = AREAS[i / 40_000];
		return area + district + " " + sector + UNIT_LETTERS.charAt(unit / 20) + UNIT_LETTERS.charAt(unit % 20);
	}

	static double width() {
		return (EAST - WEST) / COLUMNS;
	}

	static double height() {
		return (NORTH - SOUTH) / ROWS;
	}

	/** A cell's boundary: its four edges, each cut into segments whose inner points wobble. */
	static String feature(int n) {
		int column = n % COLUMNS;
		int row = n / COLUMNS;
		StringBuilder ring = new StringBuilder();
		// Corners in order: south-west, south-east, north-east, north-west (anticlockwise).
		int[][] corners = { { column, row }, { column + 1, row }, { column + 1, row + 1 }, { column, row + 1 } };
		for (int edge = 0; edge < 4; edge++) {
			int[] from = corners[edge];
			int[] to = corners[(edge + 1) % 4];
			for (int s = 0; s < SEGMENTS_PER_EDGE; s++) {
				double t = (double) s / SEGMENTS_PER_EDGE;
				double x = from[0] + (to[0] - from[0]) * t;
				double y = from[1] + (to[1] - from[1]) * t;
				if (s > 0) {
					// The same wobble for both cells that share this edge: it depends only on the point.
					double wobble = 0.12 * (hash(x, y) - 0.5);
					boolean horizontal = from[1] == to[1];
					if (horizontal && row + (edge == 0 ? 0 : 1) > 0 && row + (edge == 0 ? 0 : 1) < ROWS) {
						y += wobble;
					}
					else if (!horizontal && column + (edge == 1 ? 1 : 0) > 0 && column + (edge == 1 ? 1 : 0) < COLUMNS) {
						x += wobble;
					}
				}
				ring.append(ring.length() == 0 ? "" : ",").append(point(x, y));
			}
		}
		ring.append(",").append(point(column, row));
		return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code(n) + "\",\"name\":\"" + name(n)
				+ "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}";
	}

	static String point(double column, double row) {
		return String.format(Locale.ROOT, "[%.6f,%.6f]", WEST + column * width(), SOUTH + row * height());
	}

	static double hash(double x, double y) {
		long bits = Double.doubleToLongBits(x * 1000.003) * 31 + Double.doubleToLongBits(y * 999.7);
		bits ^= (bits >>> 33);
		bits *= 0xff51afd7ed558ccdL;
		bits ^= (bits >>> 33);
		return (bits >>> 11) * 0x1.0p-53;
	}

	static BufferedWriter writer(Path file) throws IOException {
		return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
	}

}
