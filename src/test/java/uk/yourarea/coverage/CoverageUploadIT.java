package uk.yourarea.coverage;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.ActingAs;
import uk.yourarea.security.StaffBrowser;
import uk.yourarea.security.StaffRole;
import uk.yourarea.security.StaffUser;
import uk.yourarea.testing.DemoSiteTest;
import uk.yourarea.testing.Pages;
import uk.yourarea.testing.Site;
import uk.yourarea.testing.TestFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.yourarea.coverage.CoverageTestData.CODE_POINT_HEADER;
import static uk.yourarea.coverage.CoverageTestData.row;

/**
 * Uploading postcode files and boundaries over real HTTP as a web editor: the preview
 * (assigned, moved from and to, outside, rejected lines by number), applying all or
 * nothing, background jobs and their progress, and every way an upload is refused.
 */
@DemoSiteTest
class CoverageUploadIT {

	double lat;

	double lon;

	String wardNorth;

	String wardSouth;

	String wardNobody;

	@Autowired
	Environment environment;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Site site;

	@Autowired
	CoverageImports imports;

	@Autowired
	CoverageJobRunner runner;

	@LocalServerPort
	int port;

	CoverageTestData data;

	StaffBrowser editor;

	long north;

	long south;

	String northCode;

	String southCode;

	ActingAs acting;

	@BeforeEach
	void twoNeighbourhoodsWithWards() {
		this.data = new CoverageTestData(this.jdbc);
		this.northCode = this.data.code("ZN");
		this.southCode = this.data.code("ZS");
		this.north = this.data.neighbourhood(this.northCode, "Upload North " + this.northCode);
		this.south = this.data.neighbourhood(this.southCode, "Upload South " + this.southCode);
		double[] place = CoverageTestData.newPlace();
		this.lat = place[0];
		this.lon = place[1];
		this.wardNorth = CoverageTestData.newWard();
		this.wardSouth = CoverageTestData.newWard();
		this.wardNobody = CoverageTestData.newWard();
		this.data.wards(this.north, this.wardNorth);
		this.data.wards(this.south, this.wardSouth);
		this.editor = StaffBrowser.signedIn(this.environment, "webeditor@example.org", StaffBrowser.DEMO_PASSWORD);
		long editorId = this.jdbc.queryForObject("select id from staff_account where email = 'webeditor@example.org'",
				Long.class);
		this.acting = ActingAs.staff(new StaffUser(editorId, "Web Editor (test)", "webeditor@example.org",
				Set.of(StaffRole.WEB_EDITOR), Set.of(), Set.of()));
	}

	@AfterEach
	void removeThem() {
		this.acting.close();
		this.data.cleanUp();
	}

	@Test
	void previewsAPostcodeFileThenAppliesItWhole() {
		long first = upload("first.csv",
				CODE_POINT_HEADER + row("ZY1 1AA", this.wardNorth, this.lat, this.lon)
						+ row("ZY1 1AB", this.wardNorth, this.lat, this.lon)
						+ row("ZY1 1AD", this.wardSouth, this.lat, this.lon)
						+ row("ZY1 1AE", this.wardNobody, this.lat, this.lon));
		assertThat(this.data.waitFor(first)).isEqualTo("READY");
		assertThat(this.data.exists("ZY1 1AA")).as("nothing changes before applying").isFalse();
		applyAndWait(first);
		assertThat(this.data.neighbourhoodOf("ZY1 1AA")).isEqualTo(this.north);
		assertThat(this.data.neighbourhoodOf("ZY1 1AD")).isEqualTo(this.south);
		assertThat(this.data.neighbourhoodOf("ZY1 1AE")).as("a ward no neighbourhood has").isNull();

		// ZY1 1AA moves to the south's ward; ZY1 1AF is new in the north's.
		long second = upload("second.csv",
				CODE_POINT_HEADER + row("ZY1 1AA", this.wardSouth, this.lat, this.lon)
						+ row("ZY1 1AB", this.wardNorth, this.lat, this.lon)
						+ row("ZY1 1AF", this.wardNorth, this.lat, this.lon)
						+ row("ZY1 1AG", this.wardNobody, this.lat, this.lon));
		assertThat(this.data.waitFor(second)).isEqualTo("READY");
		Document preview = this.editor.page("/staff/coverage/imports/" + second);
		assertThat(preview.select("#postcodes-in-file").text()).isEqualTo("4");
		assertThat(preview.select("#rejected").text()).isEqualTo("0");
		assertThat(preview.select("#moved").text()).isEqualTo("2");
		assertThat(movesOn(preview)).containsExactlyInAnyOrder(
				List.of("Upload North " + this.northCode, "Upload South " + this.southCode, "1", "ZY1 1AA"),
				List.of("No neighbourhood", "Upload North " + this.northCode, "1", "ZY1 1AF"));
		long outsideBefore = outsideNow();
		assertThat(Long.parseLong(preview.select("#outside").text().replace(",", "")))
			.as("ZY1 1AG joins the postcodes outside every neighbourhood")
			.isEqualTo(outsideBefore + 1);
		assertThat(this.data.neighbourhoodOf("ZY1 1AA")).as("the preview changed nothing").isEqualTo(this.north);
		assertThat(this.data.exists("ZY1 1AF")).isFalse();
		Pages.assertAccessibleStructure(preview);

		applyAndWait(second);
		assertThat(this.data.neighbourhoodOf("ZY1 1AA")).isEqualTo(this.south);
		assertThat(this.data.neighbourhoodOf("ZY1 1AF")).isEqualTo(this.north);
		Document applied = this.editor.page("/staff/coverage/imports/" + second);
		assertThat(applied.select("#status").text()).isEqualTo("Applied");
		assertThat(applied.select("form[action$=/apply]")).isEmpty();
		assertThat(this.jdbc.queryForList("""
				select action || ' ' || array_to_string(action_args, '|') from change_record
				where subject_type = 'coverage' and subject_id = ? order by id desc""", String.class, this.north))
			.first()
			.isEqualTo("change.action.postcode-file-applied second.csv");
		assertThat(this.editor.page("/staff/changes/coverage/0").text()).contains("Postcode file applied: second.csv")
			.contains("Changes to Postcode coverage of the force");
		assertThat(this.editor.page("/staff/changes/coverage/" + this.north).select("#changes").text())
			.contains("Postcode file applied: second.csv: Coverage of Upload North")
			.contains("Postcodes that went to other neighbourhoods");
	}

	@Test
	void aFileWithBadLinesIsPreviewedWithTheirNumbersAndNeverApplied() {
		long id = upload("bad.csv",
				CODE_POINT_HEADER + row("ZY2 1AA", this.wardNorth, this.lat, this.lon)
						+ "NOT A POSTCODE,10,0,0,E92000001,,,,E06000016,E05999901,,49.5,-2.9\n"
						+ row("ZY2 1AB", this.wardSouth, this.lat, this.lon)
						+ "ZY2 1AD,10,0,0,E92000001,,,,E06000016,E05999901,ZY2 1AD,north,-2.9\n");

		assertThat(this.data.waitFor(id)).isEqualTo("READY");
		Document preview = this.editor.page("/staff/coverage/imports/" + id);
		assertThat(preview.select("#rejected").text()).isEqualTo("2");
		assertThat(preview.select("#rejections tbody tr")).hasSize(2);
		assertThat(preview.select("#rejections tbody tr").get(0).select("td").eachText()).containsExactly("bad.csv",
				"3", "\"NOT A POSTCODE\" is not a valid postcode");
		assertThat(preview.select("#rejections tbody tr").get(1).select("td").eachText()).element(1).isEqualTo("5");
		assertThat(this.jdbc.queryForMap("""
				select reason, array_to_string(reason_args, '|') as args from coverage_import_rejection
				where coverage_import_id = ? and line_number = 3""", id))
			.as("kept as a key of staff.properties and what the line had")
			.containsEntry("reason", "coverage.rejected.postcode")
			.containsEntry("args", "NOT A POSTCODE");
		assertThat(preview.select("#refused").text()).contains("cannot be applied");
		assertThat(preview.select("form[action$=/apply]")).as("no apply button").isEmpty();
		assertThat(movesOn(preview))
			.contains(List.of("No neighbourhood", "Upload North " + this.northCode, "1", "ZY2 1AA"));

		HttpResponse<String> apply = this.editor.post("/staff/coverage/imports/" + id + "/apply",
				StaffBrowser.csrfToken(preview, "/staff/coverage/imports/" + id + "/discard"));
		assertThat(apply.statusCode()).isEqualTo(409);
		assertThat(StaffBrowser.parse(apply).select(".govuk-error-summary").text()).contains("2 lines");
		assertThat(this.data.exists("ZY2 1AA")).as("nothing applied").isFalse();
		assertThat(this.data.exists("ZY2 1AB")).isFalse();
		assertThat(status(id)).isEqualTo("READY");
	}

	@Test
	void aFailureWhileApplyingLeavesEverythingAsItWas() {
		long first = upload("before.csv", CODE_POINT_HEADER + row("ZY3 1AA", this.wardNorth, this.lat, this.lon));
		this.data.waitFor(first);
		applyAndWait(first);
		long second = upload("breaks.csv",
				CODE_POINT_HEADER + row("ZY3 1AA", this.wardSouth, this.lat + 0.001, this.lon)
						+ row("ZY3 9ZZ", this.wardNorth, this.lat, this.lon));
		assertThat(this.data.waitFor(second)).isEqualTo("READY");
		// The database refuses the last step: giving ZY3 9ZZ its neighbourhood.
		this.jdbc.execute("""
				create or replace function coverage_test_refuse() returns trigger language plpgsql as $$
				begin
				  if new.postcode = 'ZY3 9ZZ' and new.neighbourhood_id is not null then
				    raise exception 'refused for the test';
				  end if;
				  return new;
				end $$""");
		this.jdbc.execute("create trigger coverage_test_refuse before update on postcode for each row "
				+ "execute function coverage_test_refuse()");
		try {
			apply(second);
			assertThat(this.data.waitFor(second)).isEqualTo("FAILED");
		}
		finally {
			this.jdbc.execute("drop trigger coverage_test_refuse on postcode");
			this.jdbc.execute("drop function coverage_test_refuse()");
		}
		assertThat(this.data.exists("ZY3 9ZZ")).as("the import was undone").isFalse();
		assertThat(this.data.neighbourhoodOf("ZY3 1AA")).isEqualTo(this.north);
		assertThat(this.jdbc.queryForObject("select latitude from postcode where postcode = 'ZY3 1AA'", Double.class))
			.isEqualTo(this.lat);
		Document page = this.editor.page("/staff/coverage/imports/" + second);
		assertThat(page.select("#status").text()).isEqualTo("Failed");
		assertThat(page.select("#failure").text()).contains("Nothing was changed: applying it failed.")
			.contains("refused for the test");
		assertThat(this.jdbc.queryForObject("select error from coverage_import where id = ?", String.class, second))
			.isEqualTo("coverage.job.apply-failed");
		assertThat(page.select("form[action$=/preview-again]")).hasSize(1);
	}

	@Test
	void acceptsGzipAndZipFilesAndCodePointOpenWithoutAHeader() throws Exception {
		ByteArrayOutputStream gzip = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
			out.write((CODE_POINT_HEADER + row("ZY4 1AA", this.wardNorth, this.lat, this.lon))
				.getBytes(StandardCharsets.UTF_8));
		}
		long gz = upload("postcodes.csv.gz", gzip.toByteArray());
		assertThat(this.data.waitFor(gz)).isEqualTo("READY");
		assertThat(this.imports.find(gz).orElseThrow().postcodesInFile()).isEqualTo(1);

		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("Doc/Code-Point_Open_Column_Headers.csv"));
			out.write("PC,PQ,EA,NO,CY,RH,LH,CC,DC,WC\n".getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("Data/CSV/zy.csv"));
			out.write(("\"ZY4 1AB\",10,459327,304196,\"E92000001\",\"\",\"\",\"\",\"E06000016\",\"E05999901\"\n"
					+ "ZY4 1AD,10,459327,304196,E92000001,,,,E06000016,E05999902\n" + "bad line\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		long zipped = upload("codepo_gb.zip", zip.toByteArray());
		assertThat(this.data.waitFor(zipped)).isEqualTo("READY");
		CoverageJob job = this.imports.find(zipped).orElseThrow();
		assertThat(job.postcodesInFile()).isEqualTo(2);
		assertThat(job.format()).as("the format's name").isEqualTo("CODE_POINT_OPEN");
		assertThat(this.editor.page("/staff/coverage/imports/" + zipped).select("#preview").text())
			.contains("Format OS Code-Point Open");
		assertThat(this.imports.rejections(zipped)).singleElement()
			.satisfies((line) -> assertThat(line.fileName() + " " + line.lineNumber()).isEqualTo("Data/CSV/zy.csv 3"));
	}

	@Test
	void refusesFilesThatAreNotPostcodeFiles() {
		assertRefused("/staff/coverage/postcodes", "notes.txt", "postcode,lat\n", "must be a CSV file");
		assertRefused("/staff/coverage/postcodes", "people.csv", "name,address\nSam,1 High Street\n",
				"not an OS Code-Point Open or ONS Postcode Directory file");
		assertRefused("/staff/coverage/postcodes", "broken.csv.gz", "this is not gzip", "not a gzip-compressed file");
		assertRefused("/staff/coverage/postcodes", "broken.zip", "this is not a zip", "not a zip file");
		assertRefused("/staff/coverage/postcodes", "empty.csv", "", "Select a postcode file");
	}

	@Test
	void refusesBombsLongLinesAndZipsOfManyFilesOnTheUploadPage() {
		byte[] gzipBomb = Bombs.gzip(Bombs.ONE_GB);
		assertThat(gzipBomb.length).as("a megabyte or two that unpacks to a gigabyte").isLessThan(4_000_000);
		String bomb = "The file unpacks to more than 100 times its own size";
		assertRefused("/staff/coverage/postcodes", "bomb.csv.gz", gzipBomb, bomb);
		assertRefused("/staff/coverage/postcodes", "bomb.zip", Bombs.zip(Bombs.ONE_GB), bomb);
		assertRefused("/staff/coverage/postcodes", "long.csv", Bombs.longLine(10 * 1024 * 1024),
				"Line 2 is longer than 10,000 characters, so this is not a postcode file");
		assertRefused("/staff/coverage/postcodes", "many.zip", Bombs.manyEntries(100_000),
				"The zip file has 100,000 files in it. A zip file can have at most 1,000");
		assertRefused("/staff/coverage/boundaries", "nested.geojson", Bombs.nestedJson(100_000),
				"nested.geojson is not GeoJSON: its brackets are nested more than 20 deep");
		assertRefused("/staff/coverage/boundaries", "huge.geojson", Bombs.polygonOf(300_000),
				"huge.geojson has more than 250,000 points in its boundaries");
		assertRefused("/staff/coverage/boundaries", "bomb.zip", Bombs.zip(Bombs.ONE_GB), bomb);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from coverage_import where file_name in ('bomb.csv.gz', 'bomb.zip', 'long.csv', "
						+ "'many.zip', 'nested.geojson', 'huge.geojson')",
				Integer.class))
			.isZero();

		long ordinary = upload("ordinary.csv.gz",
				gzip(CODE_POINT_HEADER + row("ZY7 1AA", this.wardNorth, this.lat, this.lon)));
		assertThat(this.data.waitFor(ordinary)).as("an ordinary file still goes through").isEqualTo("READY");
	}

	@Test
	void refusesAnUploadTooLargeBeforeReadingIt() {
		String answer = CoverageTestData.announceUpload(this.port, "/staff/coverage/postcodes", 250L * 1024 * 1024);
		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("The file must be").contains("200 MB").contains("or smaller");

		String elsewhere = CoverageTestData.announceUpload(this.port, "/staff/stations/new", 20L * 1024 * 1024);
		assertThat(elsewhere).as("other staff routes keep their 8 MB limit").startsWith("HTTP/1.1 413");
		assertThat(elsewhere).doesNotContain("200 MB");
	}

	@Test
	void aRealBoundaryUploadReplacesADerivedOneWhichNeverDecidedWherePostcodesWent() {
		String derivedSquare = Boundaries.toGeoJson(Boundaries.geoJson(tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(CoverageTestData.squareFeature("{}", this.lat, this.lon, 0.01))));
		this.jdbc.update("insert into neighbourhood_boundary (neighbourhood_id, geojson, source, source_args, derived) "
				+ "values (?, ?, ?, '{}', true)", this.south, derivedSquare, BoundarySources.DERIVED.text());
		long seed = upload("seed.csv", CODE_POINT_HEADER + row("ZY6 1AA", this.wardNorth, this.lat, this.lon));
		this.data.waitFor(seed);
		applyAndWait(seed);
		assertThat(this.data.neighbourhoodOf("ZY6 1AA")).as("inside only a derived boundary: by ward")
			.isEqualTo(this.north);

		String file = "{\"type\":\"FeatureCollection\",\"features\":["
				+ CoverageTestData.squareFeature("{\"code\":\"" + this.southCode + "\"}", this.lat, this.lon, 0.005)
				+ "]}";
		long id = CoverageTestData.importId(CoverageTestData.upload(this.port, this.editor,
				"/staff/coverage/boundaries", "real.geojson", file.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.data.waitFor(id)).isEqualTo("READY");
		applyAndWait(id);
		Map<String, Object> boundary = this.jdbc
			.queryForMap("select geojson, source, source_args[1] as file, derived from neighbourhood_boundary "
					+ "where neighbourhood_id = ?", this.south);
		assertThat(boundary.get("derived")).isEqualTo(false);
		assertThat(boundary.get("source")).as("a key of staff.properties")
			.isEqualTo("coverage.boundary.source.uploaded");
		assertThat(boundary.get("file")).isEqualTo("real.geojson");
		assertThat(this.editor.page("/staff/neighbourhoods/" + this.south + "/coverage").select("#boundary").text())
			.as("in the words of the bundle")
			.startsWith("Uploaded as real.geojson on ");
		assertThat(Boundaries.parse((String) boundary.get("geojson")).getEnvelopeInternal().getWidth()).isCloseTo(0.01,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(this.data.neighbourhoodOf("ZY6 1AA")).as("inside the real boundary").isEqualTo(this.south);
	}

	@Test
	void boundariesMatchedByCodeAndNameTakeThePostcodesInsideThem() {
		long seed = upload("seed.csv",
				CODE_POINT_HEADER + row("ZY5 1AA", this.wardNorth, this.lat, this.lon)
						+ row("ZY5 1AB", this.wardNorth, this.lat + 0.05, this.lon)
						+ row("ZY5 1AD", this.wardNobody, this.lat, this.lon + 0.05));
		this.data.waitFor(seed);
		applyAndWait(seed);

		// The south's boundary takes ZY5 1AA from the north's ward; the north's takes ZY5
		// 1AD.
		String file = "{\"type\":\"FeatureCollection\",\"features\":["
				+ CoverageTestData.squareFeature("{\"code\":\"" + this.southCode + "\"}", this.lat, this.lon, 0.01)
				+ "," + CoverageTestData.squareFeature("{\"name\":\"Upload North " + this.northCode + "\"}", this.lat,
						this.lon + 0.05, 0.01)
				+ "]}";
		long id = CoverageTestData.importId(CoverageTestData.upload(this.port, this.editor,
				"/staff/coverage/boundaries", "boundaries.geojson", file.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.data.waitFor(id)).isEqualTo("READY");
		Document preview = this.editor.page("/staff/coverage/imports/" + id);
		assertThat(preview.select("#boundaries tbody tr")).hasSize(2);
		assertThat(movesOn(preview)).containsExactlyInAnyOrder(
				List.of("Upload North " + this.northCode, "Upload South " + this.southCode, "1", "ZY5 1AA"),
				List.of("No neighbourhood", "Upload North " + this.northCode, "1", "ZY5 1AD"));
		assertThat(this.jdbc.queryForObject("select count(*) from neighbourhood_boundary where neighbourhood_id = ?",
				Integer.class, this.south))
			.isZero();

		applyAndWait(id);
		assertThat(this.data.neighbourhoodOf("ZY5 1AA")).isEqualTo(this.south);
		assertThat(this.data.neighbourhoodOf("ZY5 1AB")).as("outside both boundaries: by ward").isEqualTo(this.north);
		assertThat(this.data.neighbourhoodOf("ZY5 1AD")).isEqualTo(this.north);
		assertThat(this.editor.page("/staff/neighbourhoods/" + this.south + "/coverage").select("#boundary").text())
			.startsWith("Uploaded as boundaries.geojson");
		HttpResponse<String> found = this.site.get(Site.findYourArea("zy5 1aa"));
		assertThat(found.statusCode()).isEqualTo(303);
		assertThat(StaffBrowser.location(found)).contains(
				this.jdbc.queryForObject("select slug from neighbourhood where id = ?", String.class, this.south));
	}

	@Test
	void readsKmlPlacemarksNamedForNeighbourhoods() {
		String kml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Boundaries</name>
				<Placemark><name>%s</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
				%s,%s,0 %s,%s,0 %s,%s,0 %s,%s,0 %s,%s,0
				</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
				</Document></kml>""".formatted(this.southCode, this.lon - 0.01, this.lat - 0.01, this.lon + 0.01,
				this.lat - 0.01, this.lon + 0.01, this.lat + 0.01, this.lon - 0.01, this.lat + 0.01, this.lon - 0.01,
				this.lat - 0.01);
		long id = CoverageTestData.importId(CoverageTestData.upload(this.port, this.editor,
				"/staff/coverage/boundaries", "south.kml", kml.getBytes(StandardCharsets.UTF_8)));
		assertThat(this.data.waitFor(id)).isEqualTo("READY");
		assertThat(this.imports.boundaries(id)).singleElement()
			.satisfies((boundary) -> assertThat(boundary.neighbourhoodId()).isEqualTo(this.south));
	}

	@Test
	void aFileForOneNeighbourhoodCanBeGivenToTheNeighbourhoodChosen() throws Exception {
		byte[] policeApi = TestFiles.bytes("data/police-api/NC04-boundary.json");
		long id = CoverageTestData
			.importId(CoverageTestData.upload(this.port, this.editor, "/staff/coverage/boundaries",
					"NC04-boundary.json", policeApi, "neighbourhoodId", Long.toString(this.north)));
		assertThat(this.data.waitFor(id)).isEqualTo("READY");
		assertThat(this.imports.boundaries(id)).singleElement()
			.satisfies((boundary) -> assertThat(boundary.neighbourhoodId()).isEqualTo(this.north));
		Document preview = this.editor.page("/staff/coverage/imports/" + id);
		assertThat(preview.select("#boundaries tbody tr td").eachText())
			.containsExactly("Upload North " + this.northCode, "NC04-boundary.json");
		HttpResponse<String> discard = this.editor.post("/staff/coverage/imports/" + id + "/discard",
				StaffBrowser.csrfToken(preview, "/staff/coverage/imports/" + id + "/discard"));
		assertThat(discard.statusCode()).isEqualTo(303);
		assertThat(status(id)).isEqualTo("DISCARDED");
	}

	@Test
	void refusesBoundariesThatCannotBeUsedAndSaysWhy() {
		String unknown = CoverageTestData.squareFeature("{\"code\":\"NOWHERE9\",\"name\":\"Atlantis\"}", this.lat,
				this.lon, 0.01);
		Document page = assertRefused("/staff/coverage/boundaries", "unknown.geojson", unknown,
				"names no known neighbourhood");
		assertThat(page.select("#file-error").text()).contains("\"NOWHERE9\"").contains("\"Atlantis\"");

		String bowTie = """
				{"type":"Feature","properties":{"code":"%s"},"geometry":{"type":"Polygon",
				 "coordinates":[[[-2.96,49.54],[-2.94,49.56],[-2.94,49.54],[-2.96,49.56],[-2.96,49.54]]]}}"""
			.formatted(this.southCode);
		assertRefused("/staff/coverage/boundaries", "bowtie.geojson", bowTie, "not a valid polygon");

		String line = """
				{"type":"Feature","properties":{"code":"%s"},"geometry":{"type":"LineString",
				 "coordinates":[[-2.96,49.54],[-2.94,49.56]]}}""".formatted(this.southCode);
		assertRefused("/staff/coverage/boundaries", "line.geojson", line, "Polygon");
		String eastings = CoverageTestData.squareFeature("{\"code\":\"" + this.southCode + "\"}", 304196, 459327, 100);
		assertRefused("/staff/coverage/boundaries", "grid.geojson", eastings, "out of range");
		assertRefused("/staff/coverage/boundaries", "notjson.geojson", "postcode,latitude\n", "not valid JSON");
		assertRefused("/staff/coverage/boundaries", "notkml.kml", "<html><body>hello</body></html>", "not KML");
		assertRefused("/staff/coverage/boundaries", "boundary.shp", "binary", "must be GeoJSON");
		assertRefused("/staff/coverage/boundaries", "nothing.geojson", "", "Select a boundary file");
		String unnamed = "{\"type\":\"Polygon\",\"coordinates\":[[[-2.96,49.54],[-2.94,49.54],[-2.94,49.56],[-2.96,49.54]]]}";
		assertRefused("/staff/coverage/boundaries", "shape.geojson", unnamed, "names no known neighbourhood");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from coverage_import where file_name in "
						+ "('unknown.geojson', 'bowtie.geojson', 'line.geojson', 'grid.geojson', 'shape.geojson')",
				Integer.class))
			.isZero();
	}

	@Test
	void showsProgressWhileAJobWorksAndMarksAJobInterruptedByARestart() {
		Instant now = Instant.now();
		long working = insertJob("PREVIEWING", now, 6 * 1024 * 1024);
		long before40 = this.jdbc.queryForObject("""
				insert into coverage_import (kind, file_name, file_size, status, phase, bytes_read, created_by_name,
				                             created_at, heartbeat_at)
				values ('POSTCODES', 'old.csv', 100, 'PREVIEWING', 'Reading the file in English', 0, 'Web Editor', ?, ?)
				returning id""", Long.class, Timestamp.from(now), Timestamp.from(now));
		assertThat(this.editor.page("/staff/coverage/imports/" + before40).select("#progress").text())
			.as("a phase kept in English before V40 is shown as it is")
			.contains("Reading the file in English");
		this.jdbc.update("update coverage_import set status = 'FAILED' where id = ?", before40);
		Document page = this.editor.page("/staff/coverage/imports/" + working);
		assertThat(page.select("#status").text()).isEqualTo("Preparing preview");
		assertThat(page.select("#progress").text()).contains("Reading big.csv").contains("Read 50% of the file");
		assertThat(page.select("a#refresh").attr("href")).isEqualTo("/staff/coverage/imports/" + working);
		assertThat(page.select("meta[http-equiv]")).as("no automatic refresh").isEmpty();
		Pages.assertAccessibleStructure(page);

		long stuckPreview = insertJob("PREVIEWING", now.minus(10, ChronoUnit.MINUTES), 0);
		long stuckApply = insertJob("APPLYING", now.minus(10, ChronoUnit.MINUTES), 0);
		assertThat(this.editor.page("/staff/coverage/imports/" + stuckApply).select("#status").text())
			.as("shown as interrupted at once")
			.isEqualTo("Interrupted");

		assertThat(this.runner.sweepInterrupted()).isGreaterThanOrEqualTo(2);
		assertThat(status(stuckPreview)).isEqualTo("INTERRUPTED");
		assertThat(status(stuckApply)).isEqualTo("INTERRUPTED");
		assertThat(status(working)).as("still beating").isEqualTo("PREVIEWING");
		assertThat(this.editor.page("/staff/coverage/imports/" + stuckApply).select("#failure").text())
			.contains("Nothing of it was applied");
		assertThat(this.jdbc.queryForObject("select error from coverage_import where id = ?", String.class, stuckApply))
			.isEqualTo("coverage.job.interrupted.applying");
		this.jdbc.update("update coverage_import set status = 'FAILED' where id = ?", working);
	}

	@Test
	void officersAndSupervisorsCannotUploadOrSeeUploads() {
		long id = upload("roles.csv", CODE_POINT_HEADER + row("ZY6 1AA", this.wardNorth, this.lat, this.lon));
		this.data.waitFor(id);
		for (String email : List.of("officer.wigston@example.org", "sergeant@example.org")) {
			StaffBrowser other = StaffBrowser.signedIn(this.environment, email, StaffBrowser.DEMO_PASSWORD);
			for (String path : List.of("/staff/coverage", "/staff/coverage/postcodes", "/staff/coverage/boundaries",
					"/staff/coverage/overrides", "/staff/coverage/imports/" + id)) {
				assertThat(other.get(path).statusCode()).as(email + " GET " + path).isEqualTo(403);
			}
			String token = StaffBrowser.csrfToken(other.page("/staff"), "/staff/sign-out");
			assertThat(other.post("/staff/coverage/imports/" + id + "/apply", token).statusCode())
				.as(email + " applying")
				.isEqualTo(403);
		}
		assertThat(status(id)).isEqualTo("READY");
		assertThat(this.data.exists("ZY6 1AA")).isFalse();
	}

	// Helpers

	private long upload(String fileName, String content) {
		return upload(fileName, content.getBytes(StandardCharsets.UTF_8));
	}

	private long upload(String fileName, byte[] content) {
		return CoverageTestData
			.importId(CoverageTestData.upload(this.port, this.editor, "/staff/coverage/postcodes", fileName, content));
	}

	private void apply(long id) {
		String path = "/staff/coverage/imports/" + id;
		HttpResponse<String> response = this.editor.submit(path, path + "/apply");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
	}

	private void applyAndWait(long id) {
		apply(id);
		assertThat(this.data.waitFor(id))
			.as("status of upload %d: %s", id,
					this.jdbc.queryForObject("select error from coverage_import where id = ?", String.class, id))
			.isEqualTo("APPLIED");
	}

	private Document assertRefused(String path, String fileName, String content, String message) {
		return assertRefused(path, fileName, content.getBytes(StandardCharsets.UTF_8), message);
	}

	private static byte[] gzip(String text) {
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return packed.toByteArray();
	}

	private Document assertRefused(String path, String fileName, byte[] content, String message) {
		HttpResponse<String> response = CoverageTestData.upload(this.port, this.editor, path, fileName, content);
		assertThat(response.statusCode()).as("%s: %s", fileName, response.body()).isEqualTo(422);
		Document page = StaffBrowser.parse(response);
		assertThat(page.title()).startsWith("Error: ");
		assertThat(page.select(".govuk-error-summary a[href=#file]").text()).as(fileName).contains(message);
		assertThat(page.select("#file-error").text()).as(fileName).contains(message);
		Pages.assertAccessibleStructure(page);
		return page;
	}

	private static List<List<String>> movesOn(Document page) {
		return page.select("#moves tbody tr").stream().map((row) -> row.select("td").eachText()).toList();
	}

	private String status(long id) {
		return this.jdbc.queryForObject("select status from coverage_import where id = ?", String.class, id);
	}

	private long outsideNow() {
		return this.jdbc.queryForObject(
				"""
						select count(*) from postcode where in_force_area and terminated_on is null and neighbourhood_id is null""",
				Long.class);
	}

	private long insertJob(String status, Instant heartbeat, long bytesRead) {
		return this.jdbc.queryForObject("""
				insert into coverage_import (kind, file_name, file_size, status, phase, phase_args, bytes_read,
				                             created_by_name, created_at, heartbeat_at)
				values ('POSTCODES', 'big.csv', ?, ?, 'coverage.phase.reading', '{big.csv}', ?, 'Web Editor', ?, ?)
				returning id""", Long.class, 12 * 1024 * 1024, status, bytesRead, Timestamp.from(heartbeat),
				Timestamp.from(heartbeat));
	}

}
