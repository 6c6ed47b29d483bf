package uk.yourarea.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import uk.yourarea.security.StaffBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Made-up neighbourhoods, postcodes and files for the coverage tests. The postcodes are
 * in the ZY area (well-formed, used by nobody) and lie in the English Channel, far from
 * every demo boundary, with ward codes no demo neighbourhood has; the neighbourhoods are
 * removed after each test so the demo's 66 stay 66 for the other tests sharing the
 * database.
 */
final class CoverageTestData {

	static final String CODE_POINT_HEADER = "postcode,positional_quality_indicator,eastings,northings,"
			+ "country_code,nhs_regional_ha_code,nhs_ha_code,admin_county_code,admin_district_code,admin_ward_code,"
			+ "postcode_normalised,latitude,longitude\n";

	/** Hands out ward codes and places no other test in this run has used. */
	private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

	private final JdbcTemplate jdbc;

	private final List<Long> created = new ArrayList<>();

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	CoverageTestData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A neighbourhood in Wigston's local policing area, with a code unique to this run.
	 */
	long neighbourhood(String code, String name) {
		Long area = this.jdbc.queryForObject("select local_policing_area_id from neighbourhood where code = 'NA54'",
				Long.class);
		String slug = (name + "-" + this.run).toLowerCase().replaceAll("[^a-z0-9]+", "-");
		Long id = this.jdbc.queryForObject(
				"""
						insert into neighbourhood (code, slug, name, local_policing_area_id) values (?, ?, ?, ?) returning id""",
				Long.class, code, slug, name, area);
		this.created.add(id);
		return id;
	}

	/** A code unique to this run, like "ZT3f2a1b". */
	String code(String prefix) {
		return prefix + this.run;
	}

	/** A ward code no neighbourhood has, like E05900001. */
	static String newWard() {
		return "E05" + (900000 + NEXT.incrementAndGet());
	}

	/**
	 * A place (latitude, longitude) in the sea off Europe's west coast, at least 20 km
	 * from any other test's.
	 */
	static double[] newPlace() {
		int n = NEXT.incrementAndGet();
		return new double[] { 44.0 + (n % 40) * 0.2, -20.0 + (n / 40) * 0.5 };
	}

	void wards(long neighbourhoodId, String... wardCodes) {
		for (String ward : wardCodes) {
			this.jdbc.update("insert into neighbourhood_ward (neighbourhood_id, ward_code) values (?, ?)",
					neighbourhoodId, ward);
		}
	}

	/**
	 * Removes the neighbourhoods made here (wards, boundaries and overrides go with
	 * them).
	 */
	void cleanUp() {
		for (long id : this.created) {
			this.jdbc.update("delete from neighbourhood where id = ?", id);
		}
		this.created.clear();
	}

	static String row(String postcode, String ward, double latitude, double longitude) {
		return postcode + ",10,0,0,E92000001,,,,E06000016," + ward + "," + postcode + "," + latitude + "," + longitude
				+ "\n";
	}

	/**
	 * A square boundary around a point, as a GeoJSON Feature with the given properties.
	 */
	static String squareFeature(String propertiesJson, double latitude, double longitude, double half) {
		double w = longitude - half;
		double e = longitude + half;
		double s = latitude - half;
		double n = latitude + half;
		return """
				{"type":"Feature","properties":%s,"geometry":{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}"""
			.formatted(propertiesJson, w, s, e, s, e, n, w, n, w, s);
	}

	Long neighbourhoodOf(String postcode) {
		List<Long> ids = this.jdbc.queryForList("select neighbourhood_id from postcode where postcode = ?", Long.class,
				postcode);
		return ids.isEmpty() ? null : ids.get(0);
	}

	boolean exists(String postcode) {
		return this.jdbc.queryForObject("select count(*) from postcode where postcode = ?", Integer.class,
				postcode) == 1;
	}

	/** Waits for an upload's background work to finish, and answers its status. */
	String waitFor(long importId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			String status = this.jdbc.queryForObject("select status from coverage_import where id = ?", String.class,
					importId);
			if (!status.equals("PREVIEWING") && !status.equals("APPLYING")) {
				return status;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("Upload " + importId + " did not finish");
	}

	/** The id of the upload a redirect after uploading leads to. */
	static long importId(HttpResponse<String> redirect) {
		assertThat(redirect.statusCode()).as("answer to the upload: %s", redirect.body()).isEqualTo(303);
		String path = StaffBrowser.redirectPath(redirect);
		assertThat(path).startsWith("/staff/coverage/imports/");
		return Long.parseLong(path.substring("/staff/coverage/imports/".length()));
	}

	/**
	 * Sends a form with a file as a browser does, with the browser's session and the CSRF
	 * token of the page the form is on.
	 */
	static HttpResponse<String> upload(int port, StaffBrowser browser, String path, String fileName, byte[] file,
			String... fields) {
		String token = StaffBrowser.csrfToken(browser.page(path), path);
		// With every cookie the browser holds: the session's and the CSRF token's.
		return browser.postMultipart(path, token, "file", fileName, "application/octet-stream", file, fields);
	}

	/**
	 * Starts a request that says it carries {@code contentLength} bytes, sends none, and
	 * reads the answer: what a browser sees when it tries to upload a file too large.
	 */
	static String announceUpload(int port, String path, long contentLength) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/html\r\n"
					+ "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + contentLength
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			// The server answers without reading the body, and may then wait for it: read
			// the answer, not to the end of the connection.
			java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				answer.write(buffer, 0, n);
				if (answer.toString(StandardCharsets.UTF_8).contains("</html>")) {
					break;
				}
			}
			return answer.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
