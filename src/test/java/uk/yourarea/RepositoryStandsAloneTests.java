package uk.yourarea;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clone of the repository with nothing beside it must build, run and test: no source,
 * test, script or build file may reach for the folder that sits beside the project on its
 * developers' machines.
 */
class RepositoryStandsAloneTests {

	/**
	 * The name of the folder beside the repository on its developers' machines, built
	 * from parts so that this file does not name it itself.
	 */
	private static final String BESIDE = "sha" + "red";

	/**
	 * That folder's parent-relative path with either separator, or split into path
	 * elements.
	 */
	private static final Pattern OUTSIDE_THE_REPOSITORY = Pattern
		.compile("\\.\\.[/\\\\]" + BESIDE + "|\"\\.\\.\"\\s*,\\s*\"" + BESIDE + "\"");

	@Test
	void nothingInTheBuildReadsTheFolderBesideTheRepository() throws IOException {
		List<String> offenders = new ArrayList<>();
		for (String root : List.of("src", "bench", ".ci", ".github", "pom.xml", "package.json", "mvnw",
				"docker-compose.yml")) {
			Path start = Path.of(root);
			if (!Files.exists(start)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(start)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					if (mentionsTheFolderBeside(file)) {
						offenders.add(file.toString());
					}
				}
			}
		}
		assertThat(offenders).as("files that read outside the repository").isEmpty();
	}

	@Test
	void thePatternFindsEachWayOfWritingThePath() {
		assertThat(OUTSIDE_THE_REPOSITORY.matcher("Path.of(\"../" + BESIDE + "/data\")").find()).isTrue();
		assertThat(OUTSIDE_THE_REPOSITORY.matcher("..\\" + BESIDE + "\\data").find()).isTrue();
		assertThat(OUTSIDE_THE_REPOSITORY.matcher("Path.of(\"..\", \"" + BESIDE + "\", \"data\")").find()).isTrue();
		assertThat(OUTSIDE_THE_REPOSITORY.matcher("a " + BESIDE + " cache").find()).isFalse();
	}

	private static boolean mentionsTheFolderBeside(Path file) throws IOException {
		try {
			return OUTSIDE_THE_REPOSITORY.matcher(Files.readString(file)).find();
		}
		catch (MalformedInputException binary) {
			return false;
		}
	}

}
