package uk.yourarea.coverage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.yourarea.postcode.Postcode;
import uk.yourarea.postcode.PostcodeLookup;
import uk.yourarea.testing.TestFiles;
import uk.yourarea.web.Phrase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The importers on real PostgreSQL: both formats, bad lines, re-imports. The made-up rows
 * use ZE postcodes so that they never change the LE demo data that other tests in the
 * same database rely on.
 */
@SpringBootTest
class PostcodeImporterIT {

	private static final String ONSPD = "data/postcodes/onspd-seed-postcodesio.csv.gz";

	private static final String CODE_POINT_HEADER = "postcode,positional_quality_indicator,eastings,northings,"
			+ "country_code,nhs_regional_ha_code,nhs_ha_code,admin_county_code,admin_district_code,admin_ward_code,"
			+ "postcode_normalised,latitude,longitude,admin_county_name,admin_district_name,admin_ward_name,"
			+ "in_leicestershire_police_area\n";

	@Autowired
	private org.springframework.context.MessageSource messages;

	@Autowired
	PostcodeImporter importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PostcodeImportCommand command;

	@Autowired
	PostcodeLookup lookup;

	@Test
	void importsTheOnsPostcodeDirectoryWithTerminatedAndUnlocatedPostcodes() throws Exception {
		PostcodeImporter.Report report = this.importer.importFile(TestFiles.path(ONSPD));

		assertThat(report.format()).isEqualTo(PostcodeImporter.Format.ONS_POSTCODE_DIRECTORY);
		assertThat(report.linesRead()).isEqualTo(8048);
		assertThat(report.rejections()).isEmpty();
		assertThat(report.imported()).isEqualTo(8048);
		assertThat(report.wardNames()).as("the ONSPD has ward codes only").isZero();

		Map<String, Object> terminated = row("AB1 0AA");
		assertThat(terminated.get("terminated_on")).hasToString(LocalDate.of(1996, 6, 1).toString());
		assertThat(terminated.get("in_force_area")).isEqualTo(false);
		assertThat((Double) terminated.get("latitude")).isEqualTo(57.101474);

		Map<String, Object> jersey = row("JE2 4WD");
		assertThat(jersey.get("latitude")).as("99.999999 means no coordinates").isNull();
		assertThat(jersey.get("longitude")).isNull();
		assertThat(jersey.get("terminated_on")).isNull();

		assertThat(row("AB10 1AB").get("outward_code")).isEqualTo("AB10");
	}

	@Test
	void marksPostcodesOfOurForceFromTheOnsForceCode() {
		String header = firstLineOfOnspd();
		String ours = "ZE10AF,ZE1 0AF,ZE1 0AF,198001,,E10000018,E58000804,E07000135,E05005537,E43000139,0,"
				+ "460234,0299058,1,E18000004,E40000004,E92000001,E12000004,0,E14000766,E15000004,E41000004,"
				+ "E30000215,E16000137,E99999999,99ZZ00,E00069493,34UGHD,E99999999,E01013769,E02002869,5,"
				+ "6B4,E00069493,E01013769,E02002869,E33023017,E38000097,E34004696,C1,6B3,52.587987,-1.102419,"
				+ "E37000031,,E23000021,18750,E56000021,E54000015,E00069493,E01013769,E02002869";
		PostcodeImporter.Report report = this.importer.importFrom(csv(header + "\n" + ours + "\n"));

		assertThat(report.rejectedLines()).isZero();
		assertThat(row("ZE1 0AF").get("in_force_area")).isEqualTo(true);
	}

	@Test
	void reportsBadLinesByLineNumberAndImportsTheRest() {
		String file = CODE_POINT_HEADER
				+ "ZE1 0AA,10,459327,304196,E92000001,E19000001,E18000004,,E06000016,E05001789,ZE1 0AA,52.632276,-1.124859,,City,Castle Ward,Y\n"
				+ "NOT A POSTCODE,10,0,0,E92000001,,,,E06000016,E05001789,,52.6,-1.1,,,,Y\n"
				+ "ZE1 0AB,10,459039,304558,E92000001,E19000001,E18000004,,E06000016,E05001789,ZE1 0AB,north,-1.129049,,City,Castle Ward,Y\n"
				+ "ZE1 0AD,10,459039,304558,E92000001\n"
				+ "ZE1 0AE,10,459039,304558,E92000001,E19000001,E18000004,,E06000016,E05001789,ZE1 0AE,95.0,-1.129049,,City,Castle Ward,Y\n"
				+ "\n"
				+ "ZE29AA,10,442885,287680,E92000001,E19000001,E18000005,E10000031,E07000220,E05008988,ZE2 9AA,52.485353,-1.369906,Warwickshire County,Rugby District (B),Wolvey and Shilton Ward,N\n";

		PostcodeImporter.Report report = this.importer.importFrom(csv(file));

		assertThat(report.format()).isEqualTo(PostcodeImporter.Format.CODE_POINT_OPEN);
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.rejections()).extracting(PostcodeImporter.Rejection::lineNumber)
			.containsExactly(3L, 4L, 5L, 6L);
		assertThat(report.rejections()).extracting(PostcodeImporter.Rejection::reason)
			.as("keys of staff.properties and what the line has")
			.containsExactly(Phrase.of("coverage.rejected.postcode", "NOT A POSTCODE"),
					Phrase.of("coverage.rejected.latitude.not-a-number", "north"),
					Phrase.of("coverage.rejected.fields", "17", "5"),
					Phrase.of("coverage.rejected.latitude.out-of-range", "95.0"));
		assertThat(words(report.rejections().get(0).reason())).isEqualTo("\"NOT A POSTCODE\" is not a valid postcode");
		assertThat(words(report.rejections().get(1).reason())).isEqualTo("The latitude \"north\" is not a number");
		assertThat(words(report.rejections().get(2).reason())).isEqualTo("Expected 17 fields but found 5");
		assertThat(row("ZE1 0AA").get("in_force_area")).isEqualTo(true);
		assertThat(row("ZE1 0AA").get("ward_code")).isEqualTo("E05001789");
		assertThat(row("ZE2 9AA").get("in_force_area")).as("Rugby is Warwickshire's").isEqualTo(false);
		assertThat(count("ZE1 0AB")).isZero();
	}

	@Test
	void importsCodePointOpenAsOrdnanceSurveyShipsItWithoutHeaderOrCoordinates() {
		String file = """
				"ZE1 0AG",10,459327,304196,"E92000001","E19000001","E18000004","","E06000016","E05001789"
				ZE25EQ,10,459839,318856,E92000001,E19000001,E18000004,E10000018,E07000130,E05005444
				"ZE1 0AH",90,0,0,"E92000001","","","","E06000016","E05001789"
				ZE1 0AJ,10,-5,304196,E92000001,,,,E06000016,E05001789
				""";

		PostcodeImporter.Report report = this.importer.importFrom(csv(file));

		assertThat(report.format()).isEqualTo(PostcodeImporter.Format.CODE_POINT_OPEN);
		assertThat(report.linesRead()).isEqualTo(4);
		assertThat(report.rejections()).singleElement().satisfies((rejection) -> {
			assertThat(rejection.lineNumber()).isEqualTo(4);
			assertThat(words(rejection.reason())).isEqualTo("The grid reference -5, 304196 is outside Great Britain");
		});
		assertThat(report.imported()).isEqualTo(3);
		Map<String, Object> grid = row("ZE1 0AG");
		assertThat((Double) grid.get("latitude")).isCloseTo(52.632276, org.assertj.core.data.Offset.offset(0.00003));
		assertThat((Double) grid.get("longitude")).isCloseTo(-1.124859, org.assertj.core.data.Offset.offset(0.00003));
		assertThat(grid.get("in_force_area")).isEqualTo(true);
		assertThat(row("ZE2 5EQ").get("ward_code")).isEqualTo("E05005444");
		assertThat(row("ZE1 0AH").get("latitude")).as("no grid reference").isNull();
	}

	@Test
	void codePointOpenWithWardNamesNamesTheWardsOfItsPostcodesAndKeepsTheirWelshNames() {
		String harbour = CoverageTestData.newWard();
		String hillTop = CoverageTestData.newWard();
		String unnamed = CoverageTestData.newWard();
		String rejected = CoverageTestData.newWard();
		this.jdbc.update("insert into ward_name (ward_code, name, name_cy) values (?, 'Old Harbour', 'Harbwr')",
				harbour);
		try {
			String file = CODE_POINT_HEADER
					+ "ZE4 1AA,10,0,0,E92000001,,,,E06000016,%s,ZE4 1AA,52.61,-1.13,,,Harbour Ward,Y\n"
						.formatted(harbour)
					+ "ZE4 1AB,10,0,0,E92000001,,,,E06000016,%s,ZE4 1AB,52.61,-1.13,,,\"Hill  Top WARD\",Y\n"
						.formatted(hillTop)
					+ "ZE4 1AD,10,0,0,E92000001,,,,E06000016,%s,ZE4 1AD,52.61,-1.13,,,,Y\n".formatted(unnamed)
					+ "NOT A POSTCODE,10,0,0,E92000001,,,,E06000016,%s,,52.6,-1.1,,,Rejected Ward,Y\n"
						.formatted(rejected);

			PostcodeImporter.Report report = this.importer.importFrom(csv(file));

			assertThat(report.imported()).isEqualTo(3);
			assertThat(report.wardNames()).isEqualTo(2);
			assertThat(this.jdbc.queryForList("""
					select ward_code || ' ' || name || ' / ' || coalesce(name_cy, '-') from ward_name
					where ward_code in (?, ?, ?, ?) order by ward_code""", String.class, harbour, hillTop, unnamed,
					rejected))
				.containsExactly(harbour + " Harbour / Harbwr", hillTop + " Hill Top / -");
		}
		finally {
			this.jdbc.update("delete from ward_name where ward_code in (?, ?)", harbour, hillTop);
		}
	}

	@Test
	void reImportingUpdatesInsteadOfDuplicating() {
		String before = CODE_POINT_HEADER
				+ "ZE3 9AA,10,0,0,E92000001,,,,E06000016,E05001795,ZE3 9AA,52.61,-1.13,,,,Y\n";
		String after = CODE_POINT_HEADER + "ZE3 9AA,10,0,0,E92000001,,,,E06000016,E05001795,ZE3 9AA,52.62,-1.14,,,,Y\n"
				+ "ZE3 9AA,10,0,0,E92000001,,,,E06000016,E05001795,ZE3 9AA,52.63,-1.15,,,,Y\n";

		this.importer.importFrom(csv(before));
		PostcodeImporter.Report second = this.importer.importFrom(csv(after));

		assertThat(second.rejectedLines()).isZero();
		assertThat(count("ZE3 9AA")).isEqualTo(1);
		assertThat((Double) row("ZE3 9AA").get("latitude")).as("the file's last line wins").isEqualTo(52.63);
	}

	@Test
	void refusesAFileItDoesNotRecognise() {
		assertThatExceptionOfType(FileProblem.class)
			.isThrownBy(() -> this.importer.importFrom(csv("name,address\nx,y\n")))
			.satisfies((ex) -> assertThat(this.messages.getMessage(ex, java.util.Locale.UK))
				.startsWith("The first line was not recognised. Expected an ONS Postcode Directory header"));
		assertThatExceptionOfType(FileProblem.class).isThrownBy(() -> this.importer.importFrom(csv("")))
			.satisfies((ex) -> assertThat(this.messages.getMessage(ex, java.util.Locale.UK))
				.isEqualTo("The file is empty"));
	}

	private Map<String, Object> row(String postcode) {
		return this.jdbc.queryForMap("select * from postcode where postcode = ?", postcode);
	}

	private int count(String postcode) {
		return this.jdbc.queryForObject("select count(*) from postcode where postcode = ?", Integer.class, postcode);
	}

	private static String firstLineOfOnspd() {
		return TestFiles.lines(ONSPD).get(0);
	}

	private static InputStream csv(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theCommandLineRefusesAGzipBombAndALineTooLongWithoutHoldingThem(@TempDir Path folder) throws Exception {
		Path bomb = Files.write(folder.resolve("bomb.csv.gz"), Bombs.gzip(Bombs.ONE_GB));
		assertThatExceptionOfType(FileLimits.Exceeded.class).isThrownBy(() -> this.importer.importFile(bomb))
			.withMessageStartingWith("The file unpacks to more than 100 times its own size");

		Path longLine = Files.write(folder.resolve("long.csv"), Bombs.longLine(10 * 1024 * 1024));
		assertThatExceptionOfType(FileLimits.Exceeded.class).isThrownBy(() -> this.importer.importFile(longLine))
			.withMessageStartingWith("Line 2 is longer than 10,000 characters");

		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream before = System.err;
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			assertThat(this.command.importAll(List.of(bomb.toString()))).as("every file read").isFalse();
		}
		finally {
			System.setErr(before);
		}
		assertThat(err.toString(StandardCharsets.UTF_8))
			.contains("bomb.csv.gz was not imported: The file unpacks to more than 100 times its own size");
	}

	@Test
	void theCommandLineImportTellsTheLookupToForgetWhatItKept(@TempDir Path folder) throws Exception {
		Postcode postcode = Postcode.parse("ZE4 9AA").orElseThrow();
		// Rugby's district is another force's, Leicester's is ours.
		Path another = Files.writeString(folder.resolve("another.csv"),
				CODE_POINT_HEADER + "ZE4 9AA,10,0,0,E92000001,,,,E07000220,,ZE4 9AA,51.0,-13.0,,,,N\n");
		Path ours = Files.writeString(folder.resolve("ours.csv"),
				CODE_POINT_HEADER + "ZE4 9AA,10,0,0,E92000001,,,,E06000016,,ZE4 9AA,51.0,-13.0,,,,Y\n");

		try {
			assertThat(this.command.importAll(List.of(another.toString()))).isTrue();
			assertThat(this.lookup.find(postcode)).isInstanceOf(PostcodeLookup.Result.NotOurs.class);

			assertThat(this.command.importAll(List.of(ours.toString()))).isTrue();
			assertThat(this.lookup.find(postcode)).as("the answer kept from the first import is forgotten")
				.isInstanceOf(PostcodeLookup.Result.OutsideEveryNeighbourhood.class);
		}
		finally {
			this.jdbc.update("delete from postcode where postcode = ?", postcode.value());
		}
	}

	private String words(Phrase reason) {
		return reason.in(this.messages, java.util.Locale.UK);
	}

}
