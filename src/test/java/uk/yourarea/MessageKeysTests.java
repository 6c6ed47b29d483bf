package uk.yourarea;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every key the code or a template asks messages.properties for is in it: a missing key
 * shows a page its raw code ({@code ??event.title.required_en_GB??}) or fails the
 * request, and nothing else would notice before a resident did.
 */
class MessageKeysTests {

	private static final Path SOURCES = Path.of("src/main/java/uk/yourarea");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** What residents read, and what only staff read. */
	private static final List<Path> BUNDLES = List.of(Path.of("src/main/resources/messages.properties"),
			Path.of("src/main/resources/staff.properties"));

	/**
	 * A string literal that names a key of the bundle, {@code "event.title.required"} or
	 * a Bean Validation message {@code "{event.title.required}"}: the first part is one
	 * of the bundle's features (so that property names and the like are not taken for
	 * keys).
	 */
	private static final Pattern JAVA_KEY = Pattern.compile("\"\\{?([a-z]+(?:\\.[a-zA-Z0-9-]+)+)\\}?\"");

	/** {@code #{key}} or {@code #{key(arguments)}}; not a key worked out with ${...}. */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.-]*)[}(]");

	private static Set<String> keys;

	private static Set<String> features;

	@BeforeAll
	static void bundle() throws IOException {
		Properties bundle = new Properties();
		for (Path file : BUNDLES) {
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				bundle.load(in);
			}
		}
		keys = bundle.stringPropertyNames();
		features = keys.stream().map((key) -> key.substring(0, key.indexOf('.'))).collect(Collectors.toSet());
	}

	@Test
	void everyKeyTheCodeUsesIsInTheBundle() throws IOException {
		Set<String> used = found(SOURCES, ".java", JAVA_KEY);
		used.removeIf((key) -> !features.contains(key.substring(0, key.indexOf('.'))));
		assertThat(used).as("keys used in the code").contains("event.title.required", "admin.accounts.saved");
		assertThat(missing(used)).as("keys used in the code but not in messages.properties").isEmpty();
	}

	@Test
	void everyKeyATemplateUsesIsInTheBundle() throws IOException {
		Set<String> used = found(TEMPLATES, ".html", TEMPLATE_KEY);
		assertThat(used).as("keys used in templates").isNotEmpty();
		assertThat(missing(used)).as("keys used in templates but not in messages.properties").isEmpty();
	}

	/**
	 * The keys used that the bundle lacks. A code may also be the stem that a check
	 * completes ({@code "event.start-time"} for {@code event.start-time.required} and
	 * {@code .format}).
	 */
	private static List<String> missing(Set<String> used) {
		return used.stream()
			.filter((key) -> !keys.contains(key))
			.filter((key) -> keys.stream().noneMatch((known) -> known.startsWith(key + ".")))
			.toList();
	}

	private static Set<String> found(Path folder, String ending, Pattern key) throws IOException {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(ending)).toList()) {
				Matcher matcher = key.matcher(Files.readString(file));
				while (matcher.find()) {
					found.add(matcher.group(1));
				}
			}
		}
		return found;
	}

}
