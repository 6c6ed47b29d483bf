package uk.yourarea;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feature's entities and repositories are not part of its API (issue 18): they are
 * package-private, so the compiler keeps every other feature out of them, and a feature's
 * API is the public services and records of its package.
 */
class EntitiesAreNotApiTests {

	private static final Path SOURCES = Path.of("src/main/java/uk/yourarea");

	private static final Pattern ENTITY = Pattern.compile("^@(jakarta\\.persistence\\.)?Entity\\b", Pattern.MULTILINE);

	private static final Pattern REPOSITORY = Pattern.compile("interface\\s+\\w+\\s+extends\\s+[\\w.<>, ]*Repository<",
			Pattern.MULTILINE);

	private static final Pattern PUBLIC_TYPE = Pattern
		.compile("^public\\s+(?:abstract\\s+|final\\s+)*(?:class|interface|record)\\s", Pattern.MULTILINE);

	@Test
	void noEntityOrRepositoryIsPublic() throws IOException {
		Set<String> persistent = new TreeSet<>();
		List<String> wrong = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				if (ENTITY.matcher(source).find() || REPOSITORY.matcher(source).find()) {
					String place = SOURCES.relativize(file).toString().replace('\\', '/').replace(".java", "");
					persistent.add(place);
					if (PUBLIC_TYPE.matcher(source).find()) {
						wrong.add(place + " is public: make it package-private and give other features a service "
								+ "that answers with records");
					}
				}
			}
		}
		// So that a scan that finds nothing cannot pass.
		assertThat(persistent).as("entities and repositories found")
			.contains("neighbourhood/Neighbourhood", "neighbourhood/NeighbourhoodRepository",
					"postcode/PostcodeRecord");
		assertThat(wrong).isEmpty();
	}

}
