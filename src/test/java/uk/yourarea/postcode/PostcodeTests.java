package uk.yourarea.postcode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import uk.yourarea.testing.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;

/**
 * Tests for {@link Postcode}. Besides hand-written cases, these run against real
 * third-party data kept in the repository (see {@code src/test/resources/data}).
 */
class PostcodeTests {

	private static final JsonMapper JSON = new JsonMapper();

	/**
	 * For each file of the ideal-postcodes test data, what to work out from the result of
	 * {@link Postcode#parse(String)} to compare with the file's {@code expected} values.
	 * Where the file expects {@code null} the input must not parse, or for sub-districts
	 * the postcode must have none.
	 */
	private static final Map<String, Function<Optional<Postcode>, Object>> CHECK_BY_FILE = Map.ofEntries(
			Map.entry("validation.json", Optional::isPresent), Map.entry("normalisation.json", part(Postcode::value)),
			Map.entry("outcodes.json", part(Postcode::outwardCode)),
			Map.entry("incodes.json", part(Postcode::inwardCode)), Map.entry("areas.json", part(Postcode::area)),
			Map.entry("districts.json", part(Postcode::district)),
			Map.entry("sub-districts.json", (postcode) -> postcode.flatMap(Postcode::subDistrict).orElse(null)),
			Map.entry("sectors.json", part(Postcode::sector)), Map.entry("units.json", part(Postcode::unit)));

	// Format test cases from the npm postcode library

	@ParameterizedTest(name = "{0}: \"{1}\" gives {2}")
	@MethodSource("formatTestCases")
	void agreesWithThePostcodePackagesFormatTestData(String file, String input, Object expected) {
		Optional<Postcode> postcode = Postcode.parse(input);
		assertThat(CHECK_BY_FILE.get(file).apply(postcode)).isEqualTo(expected);
	}

	static Stream<Arguments> formatTestCases() throws IOException {
		Path folder = TestFiles.path("data/postcode-format");
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		assertThat(files).as("JSON files in %s", folder.toAbsolutePath().normalize()).isNotEmpty();
		List<Arguments> cases = new ArrayList<>();
		for (Path file : files) {
			String name = file.getFileName().toString();
			if (!CHECK_BY_FILE.containsKey(name)) {
				fail("%s is new: add a check for it to PostcodeTests.CHECK_BY_FILE", file);
			}
			FormatTestFile testFile = JSON.readValue(file, FormatTestFile.class);
			assertThat(testFile.tests()).as("test cases in %s", file).isNotEmpty();
			// None of these files mentions GIR 0AA. The npm library they come from
			// rejects it (its exhaustive test leaves it out), but BS 7666 allows it
			// and so does Postcode: see acceptsTheGirobankPostcode().
			for (FormatTestCase testCase : testFile.tests()) {
				cases.add(Arguments.of(name, testCase.base(), testCase.expected()));
			}
		}
		return cases.stream();
	}

	private static Function<Optional<Postcode>, Object> part(Function<Postcode, String> accessor) {
		return (postcode) -> postcode.map(accessor).orElse(null);
	}

	// Real postcodes

	@Test
	void normalisesEveryLivePostcodeInTheLeicesterArea() throws IOException {
		List<String[]> rows = readColumns("demo/codepoint-open-2014-08-LE.csv.gz", "postcode", "postcode_normalised");
		assertThat(rows).hasSize(21_621);
		List<String> problems = new ArrayList<>();
		for (String[] row : rows) {
			checkNormalisesTo(row[0], row[1], problems);
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void normalisesEveryOnsPostcodeDirectoryFormatToTheDisplayFormat() throws IOException {
		List<String[]> rows = readColumns("data/postcodes/onspd-seed-postcodesio.csv.gz", "pcds", "pcd8", "pcd7");
		assertThat(rows).hasSize(8_048);
		List<String> problems = new ArrayList<>();
		for (String[] row : rows) {
			String pcds = row[0];
			checkNormalisesTo(pcds, pcds, problems);
			checkNormalisesTo(row[1], pcds, problems);
			checkNormalisesTo(row[2], pcds, problems);
		}
		assertThat(problems).isEmpty();
	}

	private static void checkNormalisesTo(String input, String expected, List<String> problems) {
		Optional<Postcode> postcode = Postcode.parse(input);
		if (postcode.isEmpty()) {
			problems.add("\"" + input + "\" did not parse");
		}
		else if (!postcode.get().value().equals(expected)) {
			problems.add("\"" + input + "\" gave \"" + postcode.get().value() + "\" instead of \"" + expected + "\"");
		}
	}

	// Parsing

	@Test
	void acceptsTheGirobankPostcode() {
		// BS 7666 allows GIR 0AA as an exception to its pattern. The npm library behind
		// the postcode package's format test data rejects it; Postcode deliberately
		// accepts it.
		Postcode postcode = Postcode.of("gir0aa");
		assertThat(postcode.value()).isEqualTo("GIR 0AA");
		assertThat(postcode.outwardCode()).isEqualTo("GIR");
		assertThat(postcode.inwardCode()).isEqualTo("0AA");
		assertThat(postcode.area()).isEqualTo("GIR");
		assertThat(postcode.district()).isEqualTo("GIR");
		assertThat(postcode.subDistrict()).isEmpty();
		assertThat(Postcode.parse("GIR 0AA")).contains(postcode);
	}

	@ParameterizedTest(name = "\"{0}\" gives {1}")
	@CsvSource(delimiter = '|',
			value = { "LE18 4QT | LE18 4QT", "le184qt | LE18 4QT", "' LE18  4QT ' | LE18 4QT", "Le18 4qT | LE18 4QT",
					"'LE18\t4QT' | LE18 4QT", "'\u00A0LE18\u202F4QT\u2007' | LE18 4QT", "LE125EQ | LE12 5EQ",
					"'AB1  0AA' | AB1 0AA", "ec1a1bb | EC1A 1BB", "M11AA | M1 1AA" })
	void normalisesCaseAndWhitespace(String input, String expected) {
		assertThat(Postcode.parse(input)).map(Postcode::value).contains(expected);
	}

	@Test
	void acceptsAWellFormedPostcodeInAnAreaThatDoesNotExist() {
		assertThat(Postcode.parse("MA1 1AA")).map(Postcode::value).contains("MA1 1AA");
	}

	@ParameterizedTest(name = "\"{0}\"")
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t\u00A0\n", "1A1 1AA", "EH1 JS", "EH1JS", "EH 1JS", "Definitely wrong", "12FSSD",
			"LE18 4QTX", "LE184QTX", "LE18 4Q", "LE18", "4QT", "LE1 84QT", "L E18 4QT", "LE18-4QT", "LE18 4QT.",
			"L\u041518 4QT", "GIR 1AA" })
	void rejectsMalformedInput(String input) {
		assertThat(Postcode.parse(input)).isEmpty();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("letterRules")
	void acceptsOnlyTheLettersBs7666AllowsInEachPosition(String position, String template, String allowedLetters) {
		List<String> wrong = new ArrayList<>();
		for (char letter = 'A'; letter <= 'Z'; letter++) {
			String input = template.replace('?', letter);
			boolean allowed = allowedLetters.indexOf(letter) >= 0;
			if (Postcode.parse(input).isPresent() != allowed) {
				wrong.add(input + (allowed ? " was rejected" : " was accepted"));
			}
		}
		assertThat(wrong).isEmpty();
	}

	static Stream<Arguments> letterRules() {
		return Stream.of(Arguments.of("first letter (not Q, V, X)", "?1 1AA", "ABCDEFGHIJKLMNOPRSTUWYZ"),
				Arguments.of("first of two letters (not Q, V, X)", "?A1 1AA", "ABCDEFGHIJKLMNOPRSTUWYZ"),
				Arguments.of("second letter (not I, J, Z)", "A?1 1AA", "ABCDEFGHKLMNOPQRSTUVWXY"),
				Arguments.of("letter ending an A9A outward code", "W1? 1AA", "ABCDEFGHJKPSTUW"),
				Arguments.of("letter ending an AA9A outward code", "EC1? 1AA", "ABEHMNPRVWXY"),
				Arguments.of("first inward letter (not C, I, K, M, O, V)", "LE18 4?A", "ABDEFGHJLNPQRSTUWXYZ"),
				Arguments.of("second inward letter (not C, I, K, M, O, V)", "LE18 4A?", "ABDEFGHJLNPQRSTUWXYZ"));
	}

	@Test
	void ofReturnsTheParsedPostcode() {
		assertThat(Postcode.of(" le18 4qt ")).isEqualTo(Postcode.parse("LE18 4QT").get());
	}

	@Test
	void ofRejectsAnInvalidPostcodeWithAMessageNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> Postcode.of("EH1 JS"))
			.withMessage("Not a valid UK postcode: \"EH1 JS\"");
		assertThatIllegalArgumentException().isThrownBy(() -> Postcode.of(null))
			.withMessage("Not a valid UK postcode: null");
	}

	// Parts of a postcode

	@Test
	void splitsAPostcodeIntoItsParts() {
		Postcode postcode = Postcode.of("LE18 4QT");
		assertThat(postcode.value()).isEqualTo("LE18 4QT");
		assertThat(postcode.outwardCode()).isEqualTo("LE18");
		assertThat(postcode.inwardCode()).isEqualTo("4QT");
		assertThat(postcode.area()).isEqualTo("LE");
		assertThat(postcode.district()).isEqualTo("LE18");
		assertThat(postcode.subDistrict()).isEmpty();
		assertThat(postcode.sector()).isEqualTo("LE18 4");
		assertThat(postcode.unit()).isEqualTo("QT");
	}

	@Test
	void splitsAPostcodeWithASubDistrictIntoItsParts() {
		Postcode postcode = Postcode.of("EC1A 1BB");
		assertThat(postcode.outwardCode()).isEqualTo("EC1A");
		assertThat(postcode.inwardCode()).isEqualTo("1BB");
		assertThat(postcode.area()).isEqualTo("EC");
		assertThat(postcode.district()).isEqualTo("EC1");
		assertThat(postcode.subDistrict()).contains("EC1A");
		assertThat(postcode.sector()).isEqualTo("EC1A 1");
		assertThat(postcode.unit()).isEqualTo("BB");
	}

	// Value semantics

	@Test
	void isEqualToTheSamePostcodeHoweverItWasTyped() {
		Postcode postcode = Postcode.of("le184qt");
		Postcode same = Postcode.of(" LE18  4QT ");
		assertThat(postcode).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(Postcode.of("LE18 4QU"));
		assertThat(postcode).hasToString("LE18 4QT");
	}

	@Test
	void sortsByAreaThenDistrictNumber() {
		List<Postcode> postcodes = Stream
			.of("LE10 1AA", "LE2 1AA", "LE1 9ZZ", "EC1A 1BB", "LE1 1AA", "AB1 0AA", "EC1 1AA")
			.map(Postcode::of)
			.sorted()
			.toList();
		assertThat(postcodes).map(Postcode::value)
			.containsExactly("AB1 0AA", "EC1 1AA", "EC1A 1BB", "LE1 1AA", "LE1 9ZZ", "LE2 1AA", "LE10 1AA");
	}

	// Outward codes on their own

	@ParameterizedTest(name = "\"{0}\" gives {1}")
	@CsvSource(delimiter = '|', value = { "le18 | LE18", "' LE1 ' | LE1", "EC1A | EC1A", "w1a | W1A",
			"'\u00A0le18\t' | LE18", "M1 | M1", "gir | GIR" })
	void parsesAnOutwardCodeTypedOnItsOwn(String input, String expected) {
		assertThat(Postcode.parseOutwardCode(input)).contains(expected);
	}

	@ParameterizedTest(name = "\"{0}\"")
	@NullAndEmptySource
	@ValueSource(strings = { " ", "LE18 4QT", "LE184QT", "LE", "1E18", "QE18", "LE1 8", "LE18X", "LE123" })
	void rejectsAnythingButAnOutwardCodeWhenParsingAnOutwardCode(String input) {
		assertThat(Postcode.parseOutwardCode(input)).isEmpty();
	}

	// Test data

	/**
	 * Reads the named columns of a simple CSV file (no quoted fields) with a header row.
	 * @return one array per data row, holding the columns in the order asked for
	 */
	private static List<String[]> readColumns(String file, String... columns) {
		List<String> lines = TestFiles.lines(file);
		List<String> header = Arrays.asList(lines.get(0).split(",", -1));
		int[] indexes = new int[columns.length];
		for (int i = 0; i < columns.length; i++) {
			indexes[i] = header.indexOf(columns[i]);
			assertThat(indexes[i]).as("index of column %s in %s", columns[i], file).isNotNegative();
		}
		List<String[]> rows = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			if (line.isEmpty()) {
				continue;
			}
			String[] fields = line.split(",", -1);
			String[] row = new String[columns.length];
			for (int i = 0; i < columns.length; i++) {
				row[i] = fields[indexes[i]];
			}
			rows.add(row);
		}
		return rows;
	}

	record FormatTestFile(List<FormatTestCase> tests) {
	}

	record FormatTestCase(String base, Object expected) {
	}

}
