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
 * API is the public services and records of its package. The places listed in
 * {@link #NOT_YET_PRIVATE} are still public because other features use them; the list
 * must only shrink, and an entry that is no longer public fails the test too.
 */
class EntitiesAreNotApiTests {

	private static final Path SOURCES = Path.of("src/main/java/uk/yourarea");

	/** package/Type, still public until their users ask the owner's API instead. */
	private static final Set<String> NOT_YET_PRIVATE = Set.of("neighbourhood/LocalPolicingArea",
			"neighbourhood/LocalPolicingAreaRepository", "neighbourhood/Neighbourhood",
			"neighbourhood/NeighbourhoodRepository", "postcode/PostcodeRecord");

	private static final Pattern ENTITY = Pattern.compile("^@(jakarta\\.persistence\\.)?Entity\\b", Pattern.MULTILINE);

	private static final Pattern REPOSITORY = Pattern.compile("interface\\s+\\w+\\s+extends\\s+[\\w.<>, ]*Repository<",
			Pattern.MULTILINE);

	private static final Pattern PUBLIC_TYPE = Pattern
		.compile("^public\\s+(?:abstract\\s+|final\\s+)*(?:class|interface|record)\\s", Pattern.MULTILINE);

	@Test
	void noEntityOrRepositoryIsPublic() throws IOException {
		List<String> wrong = new ArrayList<>();
		for (String place : publicEntitiesAndRepositories()) {
			if (!NOT_YET_PRIVATE.contains(place)) {
				wrong.add(place + " is public: make it package-private and give other features a service "
						+ "that answers with records");
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void theListOfPlacesNotYetPrivateIsTrue() throws IOException {
		Set<String> found = publicEntitiesAndRepositories();
		assertThat(found).as("entities and repositories still public").isNotEmpty();
		List<String> stale = new ArrayList<>();
		for (String place : NOT_YET_PRIVATE) {
			if (!found.contains(place)) {
				stale.add(place + " is no longer a public entity or repository: remove it from NOT_YET_PRIVATE");
			}
		}
		assertThat(stale).isEmpty();
	}

	private static Set<String> publicEntitiesAndRepositories() throws IOException {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				boolean persistent = ENTITY.matcher(source).find() || REPOSITORY.matcher(source).find();
				if (persistent && PUBLIC_TYPE.matcher(source).find()) {
					String place = SOURCES.relativize(file).toString().replace('\\', '/').replace(".java", "");
					found.add(place);
				}
			}
		}
		return found;
	}

}
