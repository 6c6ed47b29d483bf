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

	/** {@code ../shared} with either separator, or split into path elements. */
	private static final Pattern OUTSIDE_THE_REPOSITORY = Pattern
		.compile("\\.\\.[/\\\\]shared|\"\\.\\.\"\\s*,\\s*\"shared\"");

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
		assertThat(OUTSIDE_THE_REPOSITORY.matcher("Path.of(\"../shared/data\")").find()).isTrue();
		assertThat(OUTSIDE_THE_REPOSITORY.matcher("..\\shared\\data").find()).isTrue();
		assertThat(OUTSIDE_THE_REPOSITORY.matcher("Path.of(\"..\", \"shared\", \"data\")").find()).isTrue();
		assertThat(OUTSIDE_THE_REPOSITORY.matcher("a shared cache").find()).isFalse();
	}

	private static boolean mentionsTheFolderBeside(Path file) throws IOException {
		if (file.getFileName().toString().equals("RepositoryStandsAloneTests.java")) {
			return false;
		}
		try {
			return OUTSIDE_THE_REPOSITORY.matcher(Files.readString(file)).find();
		}
		catch (MalformedInputException binary) {
			return false;
		}
	}

}
