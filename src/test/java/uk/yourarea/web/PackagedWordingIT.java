package uk.yourarea.web;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A force's own wording over the packaged jar, exactly as docs/operations.md ("Welsh")
 * says to run it: the jar built by the build, started by its own launcher with a folder
 * holding the force's bundle first on the classpath and the bundle named first in
 * {@code spring.messages.basename}. The keys the bundle has change, in English and in
 * Welsh; every other key keeps the site's own wording. Needs the jar, so it runs in the
 * build's integration tests (after {@code package}) and is skipped without it.
 */
class PackagedWordingIT {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void aForcesBundleInAFolderBesideThePackagedJarChangesTheWordsItNames(@TempDir Path folder) throws Exception {
		Path jar = packagedJar();
		Path wording = Files.createDirectory(folder.resolve("wording"));
		Files.writeString(wording.resolve("force-wording.properties"),
				"page.navigation.find=Find your neighbourhood team\n", StandardCharsets.UTF_8);
		Files.writeString(wording.resolve("force-wording_cy.properties"),
				"page.navigation.find=Dod o hyd i dîm eich cymdogaeth\n", StandardCharsets.UTF_8);
		String database = "yourarea_wording_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		onTheRunsDatabase("create database " + database);
		int port = freePort();
		Path log = folder.resolve("site.log");
		ProcessBuilder command = new ProcessBuilder(java(), "-cp", wording + File.pathSeparator + jar,
				"org.springframework.boot.loader.launch.JarLauncher", "--server.port=" + port,
				"--management.server.port=" + freePort(), "--spring.datasource.url=" + databaseUrl(database),
				"--spring.datasource.username=" + System.getProperty("spring.datasource.username"),
				"--spring.datasource.password=" + System.getProperty("spring.datasource.password", ""),
				"--yourarea.mail.relay-enabled=false", "--yourarea.alerts.sending-enabled=false")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		command.environment().put("SPRING_MESSAGES_BASENAME", "force-wording,messages,staff");
		command.environment().put("YOURAREA_SITE_LANGUAGES", "en,cy");
		Process site = command.start();
		try {
			Document english = pageOnceStarted(site, port, "/", log);
			Document welsh = pageOnceStarted(site, port, "/cy", log);

			assertThat(english.select("a").eachText()).contains("Find your neighbourhood team", "All neighbourhoods")
				.doesNotContain("Find your area");
			assertThat(welsh.select("a").eachText()).contains("Dod o hyd i dîm eich cymdogaeth", "Pob cymdogaeth")
				.doesNotContain("Dod o hyd i'ch ardal");
		}
		finally {
			site.destroy();
			if (!site.waitFor(30, TimeUnit.SECONDS)) {
				site.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			onTheRunsDatabase("drop database if exists " + database + " with (force)");
		}
	}

	/** The page, waiting up to three minutes for the site to start. */
	private static Document pageOnceStarted(Process site, int port, String path, Path log) throws Exception {
		Instant until = Instant.now().plus(Duration.ofMinutes(3));
		while (true) {
			assertThat(site.isAlive()).as(() -> "the site stopped:\n" + tail(log)).isTrue();
			try {
				HttpResponse<String> response = CLIENT
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
						.timeout(Duration.ofSeconds(10))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as(path).isEqualTo(200);
				return Jsoup.parse(response.body());
			}
			catch (IOException notYet) {
				assertThat(Instant.now()).as(() -> "the site did not start:\n" + tail(log)).isBefore(until);
				Thread.sleep(500);
			}
		}
	}

	/** The jar the build made, or the test is skipped (run from an IDE, say). */
	private static Path packagedJar() throws IOException {
		Path target = Path.of("target");
		assumeTrue(Files.isDirectory(target), "no target folder");
		try (Stream<Path> files = Files.list(target)) {
			List<Path> jars = files.filter((file) -> file.getFileName().toString().matches("your-area-.+\\.jar"))
				.filter((file) -> !file.getFileName().toString().matches(".+-(plain|sources|javadoc)\\.jar"))
				.toList();
			assumeTrue(jars.size() == 1, "one packaged jar in target/, found " + jars);
			return jars.get(0).toAbsolutePath();
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String databaseUrl(String database) {
		String runs = System.getProperty("spring.datasource.url");
		String withoutParameters = runs.split("\\?")[0];
		return withoutParameters.substring(0, withoutParameters.lastIndexOf('/') + 1) + database
				+ runs.substring(withoutParameters.length());
	}

	private static void onTheRunsDatabase(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
