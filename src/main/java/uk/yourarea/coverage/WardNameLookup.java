package uk.yourarea.coverage;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads ONS's "Ward names and codes" lookup, a CSV file whose header names the year of
 * its wards: {@code WD24CD,WD24NM,WD24NMW} (code, English name, Welsh name; the Welsh
 * column may be missing, and other columns are left alone). Every line is checked before
 * anything is used: a file with any problem is refused whole, with each problem by line.
 */
final class WardNameLookup {

	/** One ward of the file, its names as {@link WardNames#plain} keeps them. */
	record Ward(String code, String name, @Nullable String nameCy) {
	}

	/**
	 * A file read whole.
	 *
	 * @param withWelsh whether it has a Welsh name column (when not, the Welsh names
	 * already known are kept)
	 */
	record Lookup(List<Ward> wards, boolean withWelsh) {
	}

	/** Why a file cannot be used: a key of staff.properties and its arguments. */
	record Problem(String key, List<Object> arguments) {

		static Problem of(String key, Object... arguments) {
			return new Problem(key, List.of(arguments));
		}

	}

	/** A file refused, with every problem found in it. */
	static final class Refused extends RuntimeException {

		private final transient List<Problem> problems;

		Refused(List<Problem> problems) {
			super(problems.size() + " problems in a ward names file", null, false, false);
			this.problems = List.copyOf(problems);
		}

		List<Problem> problems() {
			return this.problems;
		}

	}

	private static final Pattern COLUMN = Pattern.compile("wd([0-9]{2})(cd|nm|nmw)");

	private WardNameLookup() {
	}

	/**
	 * Reads a whole file.
	 * @throws Refused when it is not a ward names lookup or any line cannot be used
	 */
	static Lookup read(byte[] content) {
		String text = utf8(content);
		List<String> lines = List.of(text.replace("\uFEFF", "").split("\r?\n|\r", -1));
		int headerIndex = 0;
		while (headerIndex < lines.size() && lines.get(headerIndex).isBlank()) {
			headerIndex++;
		}
		if (headerIndex == lines.size()) {
			throw new Refused(List.of(Problem.of("coverage.upload.wards.empty")));
		}
		Columns columns = Columns.of(lines.get(headerIndex));
		List<Problem> problems = new ArrayList<>();
		Map<String, Ward> wards = new LinkedHashMap<>();
		for (int i = headerIndex + 1; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue;
			}
			long lineNumber = i + 1L;
			List<String> fields = CsvLine.split(line);
			if (fields.size() < columns.needed()) {
				problems.add(Problem.of("coverage.upload.wards.fields", lineNumber, fields.size(), columns.needed()));
				continue;
			}
			String code = fields.get(columns.code()).strip();
			String name = WardNames.plain(fields.get(columns.name()));
			// A Welsh name in the last column may be left off with its comma.
			String nameCy = (columns.nameCy() >= 0 && columns.nameCy() < fields.size())
					? WardNames.plain(fields.get(columns.nameCy())) : null;
			if (!WardNames.CODE.matcher(code).matches()) {
				problems.add(Problem.of("coverage.upload.wards.code", lineNumber, shortened(code)));
			}
			else if (name == null) {
				problems.add(Problem.of("coverage.upload.wards.no-name", lineNumber, code));
			}
			else if (!WardNames.fits(name) || (nameCy != null && !WardNames.fits(nameCy))) {
				problems.add(Problem.of("coverage.upload.wards.name", lineNumber, code, WardNames.MAX_LENGTH));
			}
			else {
				Ward ward = new Ward(code, name, nameCy);
				Ward before = wards.putIfAbsent(code, ward);
				if (before != null && !before.equals(ward)) {
					problems.add(Problem.of("coverage.upload.wards.twice", lineNumber, code));
				}
			}
		}
		if (problems.isEmpty() && wards.isEmpty()) {
			problems.add(Problem.of("coverage.upload.wards.no-wards"));
		}
		if (!problems.isEmpty()) {
			throw new Refused(problems);
		}
		return new Lookup(List.copyOf(wards.values()), columns.nameCy() >= 0);
	}

	private static String utf8(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new Refused(List.of(Problem.of("coverage.upload.wards.not-utf8")));
		}
	}

	private static String shortened(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "…" : text;
	}

	/** Where the code and names are, from the header line. */
	private record Columns(int code, int name, int nameCy) {

		/** How many fields a line needs for the code and the English name. */
		int needed() {
			return Math.max(this.code, this.name) + 1;
		}

		static Columns of(String header) {
			Map<String, Map<String, Integer>> byYear = new LinkedHashMap<>();
			List<String> names = CsvLine.split(header);
			for (int i = 0; i < names.size(); i++) {
				Matcher column = COLUMN.matcher(names.get(i).strip().toLowerCase(Locale.ROOT));
				if (column.matches()) {
					byYear.computeIfAbsent(column.group(1), (year) -> new LinkedHashMap<>())
						.putIfAbsent(column.group(2), i);
				}
			}
			byYear.values().removeIf((columns) -> !columns.containsKey("cd") || !columns.containsKey("nm"));
			if (byYear.isEmpty()) {
				throw new Refused(List.of(Problem.of("coverage.upload.wards.not-recognised")));
			}
			if (byYear.size() > 1) {
				TreeSet<String> years = new TreeSet<>(byYear.keySet());
				throw new Refused(List.of(Problem.of("coverage.upload.wards.several-years",
						String.join(", ", years.stream().map((year) -> "WD" + year + "CD").toList()))));
			}
			Map<String, Integer> columns = byYear.values().iterator().next();
			return new Columns(Objects.requireNonNull(columns.get("cd")), Objects.requireNonNull(columns.get("nm")),
					columns.getOrDefault("nmw", -1));
		}

	}

}
